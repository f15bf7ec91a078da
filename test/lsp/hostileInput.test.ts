// Documents and catalogs that used to keep the server busy for seconds or cost a file all its
// diagnostics, over real LSP: huge enumeration values, a huge portal, dates beyond the range of dates,
// portal text made of whitespace, positions that are not whole numbers. The bounds are generous (the
// answers take milliseconds); they are there so that a return of the old behaviour fails, not to time.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, CompletionList, Diagnostic, Hover, MarkupContent } from 'vscode-languageserver-protocol';
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
    assert.equal(invalid.length, 1_000, 'every error is shown: the cap is on warnings and information');
    assert.ok(invalid.every((d) => d.data === undefined), 'a 5 000-character value is no typo of an option: no replacement offered');
    assert.match(messageOf(diagnostics.at(-1)!), /^999 warnings and notes in this file; showing the first 500 .* every error \(1000\)/, 'the 999 duplicates are capped');
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

describe('positions that are not whole numbers', () => {
  let client: LspTestClient;
  const uri = 'file:///work/odd-positions.contact.json';
  const text = '{\n  "properties": [\n    { "property": "lifecyclestage", "value": "Lead" },\n    { "property": "frstname", "value": "Ada" }\n  ]\n}';
  before(async () => {
    client = await LspTestClient.start(CLIENT_PROFILES.pushPlainText);
    await client.open(uri, text);
  });
  after(() => client.stop());

  const requestAt = <R>(method: string, position: unknown) => client.request<R>(method, { textDocument: { uri }, position });

  test('completion and hover at a fractional position answer as at the whole position before it', async () => {
    const fractional = { line: 2.5, character: 22.5 };
    const whole = { line: 2, character: 22 };
    assert.deepEqual(await requestAt('textDocument/completion', fractional), await requestAt('textDocument/completion', whole));
    const hover = await requestAt<Hover | null>('textDocument/hover', fractional);
    assert.match((hover?.contents as MarkupContent).value, /Lifecycle Stage/);
    assert.deepEqual(hover, await requestAt('textDocument/hover', whole));
  });

  test('negative, huge and fractional positions past the end answer without an error', async () => {
    for (const position of [{ line: -1, character: -3.25 }, { line: 1e300, character: 1e300 }, { line: 3, character: 1e9 + 0.5 }, { line: 0.999, character: 0.001 }]) {
      await requestAt('textDocument/completion', position);
      await requestAt('textDocument/hover', position);
      const range = { start: position, end: { line: 6.5, character: 0.5 } };
      await client.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } });
    }
    assert.ok(client.alive);
  });

  test('a code action for a diagnostic sent back with a fractional range edits whole positions', async () => {
    const diagnostic: Diagnostic = (await client.pushedForVersion(uri)).diagnostics.find((d) => d.code === 'unknown-property')!;
    const shifted = { start: { line: diagnostic.range.start.line + 0.5, character: diagnostic.range.start.character + 0.5 }, end: { line: diagnostic.range.end.line + 0.5, character: diagnostic.range.end.character + 0.5 } };
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: shifted, context: { diagnostics: [{ ...diagnostic, range: shifted }], only: ['quickfix'] } });
    const edits = actions.flatMap((a) => a.edit?.changes?.[uri] ?? []);
    assert.deepEqual(edits, [{ range: diagnostic.range, newText: '"firstname"' }]);
  });

  test('a position that is not numbers at all is refused as invalid params', async () => {
    for (const [method, params] of [
      ['textDocument/completion', { textDocument: { uri }, position: { line: '2', character: 1 } }],
      ['textDocument/hover', { textDocument: { uri }, position: null }],
      ['textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 } }, context: { diagnostics: [] } }],
      ['textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, context: { diagnostics: [{ range: 'all', message: 'x' }] } }],
    ] as const) {
      await assert.rejects(client.request(method, params), (error: { code?: number }) => error.code === -32602, `${method} ${JSON.stringify(params)}`);
    }
    assert.ok(client.alive);
  });

  test('an edit with a fractional range applies at the whole positions before it', async () => {
    const other = 'file:///work/odd-edit.contact.json';
    await client.open(other, text);
    // Line 3 is `    { "property": "frstname", "value": "Ada" }`: characters 20-21 are the "r" of "frstname".
    await client.change(other, 'ir', { start: { line: 3.5, character: 20.5 }, end: { line: 3.5, character: 21.75 } });
    const diagnostics = (await client.pushedForVersion(other)).diagnostics;
    assert.deepEqual(diagnostics.map((d) => d.code), ['missing-email', 'invalid-option'], 'frstname became firstname');
    await client.close(other);
  });
});
