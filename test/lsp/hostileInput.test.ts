// Documents and catalogs that used to keep the server busy for seconds or cost a file all its
// diagnostics, over real LSP: huge enumeration values, a huge portal, dates beyond the range of dates,
// portal text made of whitespace. The bounds are generous (the
// answers take milliseconds); they are there so that a return of the old behaviour fails, not to time.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CompletionList, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import type { CatalogParams } from '../../server/src/protocol';
import type { PropertyDefinition } from '../../server/src/service/catalog';
import { messageOf } from '../unit/messageOf';
import { CLIENT_PROFILES, LspTestClient } from './lspClient';

const BOUND_MS = 3_000;

const entry = (property: string, value: string) => `{"property":${JSON.stringify(property)},"value":${JSON.stringify(value)}}`;
const payload = (entries: readonly string[]) => `{"properties":[\n${entries.join(',\n')}\n]}`;

async function within<T>(what: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  const ms = performance.now() - started;
  assert.ok(ms < BOUND_MS, `${what} took ${ms.toFixed(0)} ms, over the ${BOUND_MS} ms bound`);
  return result;
}

function pushCatalog(client: LspTestClient, properties: readonly PropertyDefinition[] | undefined): Promise<void> {
  const params: CatalogParams = properties
    ? { source: { kind: 'portal', description: 'a test portal' }, properties }
    : { source: { kind: 'bundled', description: 'bundled' } };
  return client.connection.sendNotification('contactPayloads/catalog', params);
}

describe('a pull client', () => {
  let client: LspTestClient;
  // No workspace/configuration: nothing refreshes the settings behind the test's back.
  before(async () => { client = await LspTestClient.start({ ...CLIENT_PROFILES.pullAndSnippets, workspace: {} }); });
  after(() => client.stop());

  test('1 000 option values of 5 000 characters each: the first diagnostics and a hover answer within the bound', async () => {
    const uri = 'file:///work/enumeration-bomb.contact.json';
    const long = (i: number) => String.fromCharCode(97 + (i % 26)).repeat(5_000);
    const text = payload([entry('email', 'a@b.co'), ...Array.from({ length: 1_000 }, (_, i) => entry('hs_language', long(i)))]);
    await client.open(uri, text);
    const hover = await within('a hover right after opening', () => client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 15 } }));
    assert.match((hover?.contents as MarkupContent).value, /Preferred language/);
    const diagnostics = await within('the first diagnostics', () => client.pullDiagnostics(uri));
    const invalid = diagnostics.filter((d) => d.code === 'invalid-option');
    assert.equal(invalid.length, 500, 'the cap: 500 of the 1 000 are shown');
    assert.ok(invalid.every((d) => d.data === undefined), 'a 5 000-character value is no typo of an option: no replacement offered');
    assert.match(messageOf(diagnostics.at(-1)!), /^1999 problems in this file/, 'the 1 000 bad values and 999 duplicates');
    await client.close(uri);
  });

  test('500 unknown names against a portal of 100 000 properties: diagnostics, with "did you mean", within the bound', async () => {
    const properties = Array.from({ length: 100_000 }, (_, i): PropertyDefinition => ({ name: `custom_field_${i}`, label: `Custom field ${i}`, type: 'string', fieldType: 'text' }));
    properties.push({ name: 'email', label: 'Email', type: 'string', fieldType: 'text' }, { name: 'favorite_color', label: 'Favorite color', type: 'string', fieldType: 'text' });
    await pushCatalog(client, properties);
    try {
      const uri = 'file:///work/big-portal.contact.json';
      const unknown = Array.from({ length: 499 }, (_, i) => entry(`no_such_property_${i}`, 'x'));
      await client.open(uri, payload([entry('email', 'a@b.co'), entry('favorit_color', 'teal'), ...unknown]));
      const diagnostics = await within('the first diagnostics', () => client.pullDiagnostics(uri));
      const names = diagnostics.filter((d) => d.code === 'unknown-property');
      assert.equal(names.length, 500);
      assert.deepEqual(names[0]?.data, { fix: 'replace', replacements: ['favorite_color'] });
      await client.close(uri);
    } finally {
      await pushCatalog(client, undefined);
    }
  });

  test('a date and a datetime beyond the range of dates are findings of their own, and the rest of the file is still checked', async () => {
    await pushCatalog(client, [
      { name: 'email', label: 'Email', type: 'string', fieldType: 'text' },
      { name: 'renewal_date', label: 'Renewal date', type: 'date', fieldType: 'date' },
      { name: 'last_seen', label: 'Last seen', type: 'datetime', fieldType: 'date' },
    ]);
    try {
      const uri = 'file:///work/dates-out-of-range.contact.json';
      await client.open(uri, payload([entry('email', 'not-an-email'), entry('renewal_date', '100000000000000001'), entry('last_seen', '-100000000000000001'), entry('frstname', 'Ada')]));
      const diagnostics = await client.pullDiagnostics(uri);
      assert.deepEqual(diagnostics.map((d) => [d.code, d.range.start.line]), [['invalid-email', 1], ['invalid-date', 2], ['invalid-datetime', 3], ['unknown-property', 4]]);
      await client.close(uri);
    } finally {
      await pushCatalog(client, undefined);
    }
  });

  test('a portal description of 200 000 spaces: hover and completion answer within the bound, with the text cut short', async () => {
    const description = `Starts here.${' '.repeat(200_000)}Ends here.`;
    await pushCatalog(client, [
      { name: 'email', label: 'Email', type: 'string', fieldType: 'text' },
      { name: 'city', label: `City${' '.repeat(100_000)}!`, type: 'string', fieldType: 'text', description },
      { name: 'tier', label: 'Tier', type: 'enumeration', fieldType: 'select', options: [{ value: 'gold', label: `Gold${'\t'.repeat(100_000)}`, description }] },
    ]);
    try {
      const uri = 'file:///work/whitespace-portal.contact.json';
      const text = payload([entry('email', 'a@b.co'), entry('city', 'Lyon'), entry('tier', 'gold')]);
      await client.open(uri, text);
      const hover = await within('a hover on the property', () => client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 15 } }));
      const markdown = (hover?.contents as MarkupContent).value;
      assert.match(markdown, /Starts here\./);
      assert.ok(markdown.length < 5_000, `the hover is ${markdown.length} characters long`);
      const valueHover = await within('a hover on the option value', () => client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 30 } }));
      assert.ok((valueHover?.contents as MarkupContent).value.length < 5_000);
      const names = await within('completion of names', () => client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 14 } }));
      const city = names.items.find((item) => item.label === 'city');
      assert.ok(city, 'city is offered');
      assert.ok(JSON.stringify(city).length < 5_000, `the city item is ${JSON.stringify(city).length} characters long`);
      const values = await within('completion of values', () => client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: 3, character: 30 } }));
      assert.ok(JSON.stringify(values).length < 5_000, `the value completion is ${JSON.stringify(values).length} characters long`);
      await client.close(uri);
    } finally {
      await pushCatalog(client, undefined);
    }
  });
});
