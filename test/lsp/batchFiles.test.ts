// Batch files (`*.contacts.json`) over real LSP: every contact gets a single file's diagnostics,
// completion, hover, quick fixes and symbols, in both forms; the same email on two contacts is flagged
// on both; an edit inside one contact of a large file is answered fast.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, CompletionItem, CompletionList, Diagnostic, DocumentSymbol, Hover, MarkupContent, TextEdit } from 'vscode-languageserver-protocol';
import { messageOf } from '../unit/messageOf';
import { CLIENT_PROFILES, LspTestClient } from './lspClient';

const OBJECTS_BATCH = `{
  "inputs": [
    { "properties": { "email": "not-an-email", "lifecyclestage": "Lead" } },
    { "properties": { "email": "ada@example.com", "frstname": "Ada", "firstname": "A", "firstname": "Ada" } },
    { "properties": { "email": "ADA@example.com " }, "id": "12" }
  ]
}`;

const V1_BATCH = `[
  { "email": "grace@example.com", "properties": [{ "property": "lifecyclestage", "value": "Lead" }] },
  { "vid": 61574, "properties": [{ "property": "email", "value": "alan@example.com" }], "extra": 1 },
  7
]`;

describe('batch files (*.contacts.json)', () => {
  let client: LspTestClient;
  let uriCounter = 0;
  const newUri = () => `file:///work/batch-${++uriCounter}.contacts.json`;
  const completionAt = async (uri: string, line: number, character: number): Promise<CompletionItem[]> => {
    const result = await client.request<CompletionList | CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line, character } });
    return Array.isArray(result) ? result : result.items;
  };
  const summary = (diagnostics: Diagnostic[]) => diagnostics.map((d) => [d.code, d.severity, d.range.start.line, d.range.start.character]);

  before(async () => { client = await LspTestClient.start(CLIENT_PROFILES.pullAndSnippets); });
  after(() => client.stop());

  test('CRM objects form: each contact\'s diagnostics on its own key or value, the same email (any case, trimmed) flagged on both', async () => {
    const uri = newUri();
    await client.open(uri, OBJECTS_BATCH);
    const diagnostics = await client.pullDiagnostics(uri);
    assert.deepEqual(summary(diagnostics), [
      ['invalid-email', 1, 2, 31],
      ['invalid-option', 1, 2, 65],
      ['duplicate-email', 2, 3, 31],
      ['unknown-property', 2, 3, 50],
      ['duplicate-property', 2, 3, 87],
      ['invalid-email', 1, 4, 31],
      ['duplicate-email', 2, 4, 31],
    ]);
    const [first, second] = diagnostics.filter((d) => d.code === 'duplicate-email');
    assert.match(messageOf(first), /"ada@example.com" is also the email of the contact at line 5/);
    assert.match(messageOf(second), /"ADA@example.com" is also the email of the contact at line 4/);
    assert.match(messageOf(diagnostics.find((d) => d.code === 'duplicate-property')!), /set twice in this contact/);
    await client.close(uri);
  });

  test("HubSpot's rejections of a seed run land on the value of the contact they name (contactIndex), not on another contact's same value", async () => {
    const uri = newUri();
    const text = '{"inputs": [\n  {"properties": {"email": "a@example.com", "favorite_color": "teal"}},\n  {"properties": {"email": "b@example.com", "favorite_color": "teal"}}\n]}';
    await client.open(uri, text);
    await client.pullDiagnostics(uri);
    await client.connection.sendNotification('contactPayloads/hubspotRejection', {
      uri, rejected: [{ name: 'favorite_color', value: 'teal', error: 'INVALID_OPTION', message: 'teal was not one of the allowed options', contactIndex: 1 }],
    });
    const rejected = (await client.pullDiagnostics(uri)).filter((d) => d.code === 'hubspot-rejected');
    assert.deepEqual(rejected.map((d) => [d.range.start.line, text.split('\n')[d.range.start.line]?.slice(d.range.start.character, d.range.end.character)]), [[2, '"teal"']]);
    await client.close(uri);
  });

  test('v1 form: the contact\'s own email and vid are keys of it, an unknown key is a warning, an element that is no object an error', async () => {
    const uri = newUri();
    await client.open(uri, V1_BATCH);
    assert.deepEqual(summary(await client.pullDiagnostics(uri)), [
      ['invalid-option', 1, 1, 90],
      ['unknown-top-level-key', 2, 2, 88],
      ['contact-not-object', 1, 3, 2],
    ]);
    await client.close(uri);
  });

  test('completion inside a contact: property names, option values, and the keys of an input', async () => {
    const uri = newUri();
    await client.open(uri, '{"inputs": [{"properties": {"email": "a@b.co"}}, {"properties": {"lifecyclestage": "", "first"}}, {"properties": {}, }]}');
    const names = await completionAt(uri, 0, 94);
    assert.ok(names.some((i) => i.label === 'firstname'), 'firstname is offered');
    const email = names.find((i) => i.label === 'email');
    assert.doesNotMatch(email?.detail ?? '', /already set/, 'another contact\'s email is not this one\'s');
    const values = await completionAt(uri, 0, 84);
    assert.ok(values.some((i) => (i.textEdit as TextEdit).newText === '"lead"'), 'option values of lifecyclestage');
    const keys = (await completionAt(uri, 0, 117)).map((i) => i.label).sort();
    assert.deepEqual(keys, ['associations', 'id'], 'what an input of a CRM objects batch may still hold');
    await client.close(uri);
  });

  test('an empty batch file is offered a whole one in either form', async () => {
    const uri = newUri();
    await client.open(uri, '');
    const labels = (await completionAt(uri, 0, 0)).map((i) => i.label);
    assert.deepEqual(labels, ['New batch of contacts (CRM objects)', 'New batch of contacts (v1)']);
    await client.close(uri);
  });

  test('hover and quick fixes act in the contact at the position', async () => {
    const uri = newUri();
    await client.open(uri, OBJECTS_BATCH);
    const onKey = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 50 } });
    assert.match((onKey?.contents as MarkupContent).value, /Lifecycle Stage/);
    const diagnostics = await client.pullDiagnostics(uri);
    const editsFor = async (code: string) => {
      const problem = diagnostics.find((d) => d.code === code)!;
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: problem.range, context: { diagnostics: [problem] } });
      return actions.map((a) => [a.title, a.edit?.changes?.[uri]?.[0]]);
    };
    assert.deepEqual((await editsFor('invalid-option'))[0], ["Use the option value 'lead' (label 'Lead')", { range: { start: { line: 2, character: 65 }, end: { line: 2, character: 71 } }, newText: '"lead"' }]);
    assert.equal((await editsFor('unknown-property'))[0][0], "Did you mean 'firstname'?");
    const removals = await editsFor('duplicate-property');
    assert.deepEqual(removals, [["Remove duplicate entry 'firstname'", { range: { start: { line: 3, character: 85 }, end: { line: 3, character: 105 } }, newText: '' }]], 'only the removal: a batch file is not converted');
    await client.close(uri);
  });

  test('document symbols list the contacts: the email, else "Contact N", each with a single file\'s children', async () => {
    const uri = newUri();
    await client.open(uri, '[{"vid": 5, "properties": [{"property": "firstname", "value": "Ada"}]}, {"properties": {"email": "b@c.co"}}]');
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols.map((s) => [s.name, s.detail, (s.children ?? []).map((c) => c.name)]), [
      ['Contact 1', '1 entry', ['vid = 5', 'properties']],
      ['b@c.co', '1 property', ['properties']],
    ]);
    await client.close(uri);
  });

  // How fast is bench/'s to say (the batch-file rows of npm run bench); the requests have the client's deadline.
  test('10 000 contacts: every invalid value is diagnosed past the cap, and an edit inside one contact re-diagnoses it, the others kept', async () => {
    const uri = newUri();
    // Every tenth email is invalid (1 000 errors); every contact has an unknown name (10 000 warnings, past the cap of 500).
    const contact = (i: number, email: string) => `  {"properties": {"email": "${email}", "frstname": "P${i}"}}`;
    const contacts = Array.from({ length: 10_000 }, (_, i) => contact(i, i % 10 === 0 ? `broken-${i}` : `p${i}@example.com`));
    await client.open(uri, `{"inputs": [\n${contacts.join(',\n')}\n]}`);
    const opened = await client.pullDiagnostics(uri);
    assert.equal(opened.filter((d) => d.code === 'invalid-email').length, 1_000, 'every error is shown');
    assert.equal(opened.filter((d) => d.code === 'unknown-property').length, 500, 'warnings up to the cap');
    assert.match(messageOf(opened.find((d) => d.code === 'too-many-diagnostics')!), /^10000 warnings and notes/);
    // Contact 7001's email loses its "@": line 7002 (after the opening line), inside the value.
    const line = 7002;
    const at = contacts[7001].indexOf('@');
    await client.change(uri, '-', { start: { line, character: at }, end: { line, character: at + 1 } });
    const edited = await client.pullDiagnostics(uri);
    const invalid = edited.filter((d) => d.code === 'invalid-email');
    assert.equal(invalid.length, 1_001, 'the new error, and the others where they were');
    assert.ok(invalid.some((d) => d.range.start.line === line && messageOf(d).includes('p7001-example.com')));
    await client.close(uri);
  });
});
