// "Convert to CRM objects format" over real LSP: the server declares refactor.rewrite actions, offers
// the conversion of a v1 document when the request allows refactorings, and its edit, applied as a
// client applies it, gives the converted document.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { CLIENT_PROFILES, LspTestClient } from '../lspClient';

let client: LspTestClient;
before(async () => { client = await LspTestClient.start(CLIENT_PROFILES.pullAndSnippets); });
after(() => client.stop());

const V1 = '{\r\n\t"properties": [\r\n\t\t{ "property": "email", "value": "a@b.co" },\r\n\t\t{ "property": "lifecyclestage", "value": "lead", "timestamp": 1700000000000 }\r\n\t],\r\n\t"vid": 61574\r\n}\r\n';
const CONVERTED = '{\r\n\t"properties": {\r\n\t\t"email": "a@b.co",\r\n\t\t"lifecyclestage": "lead"\r\n\t},\r\n\t"id": "61574"\r\n}\r\n';

const actionsAt = (uri: string, only?: readonly string[]) => client.request<CodeAction[]>('textDocument/codeAction', {
  textDocument: { uri },
  range: { start: { line: 2, character: 4 }, end: { line: 2, character: 4 } },
  context: { diagnostics: [], ...(only ? { only } : {}) },
});

test('the server declares refactor.rewrite code actions beside quick fixes', async () => {
  const { capabilities } = await client.initializeResult;
  assert.deepEqual(capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'refactor.rewrite'] });
});

test('asked for refactorings, a v1 document is offered its conversion, and the edit applied gives the CRM objects document', async () => {
  const uri = 'file:///work/convert-me.contact.json';
  await client.open(uri, V1);
  const actions = await actionsAt(uri, ['refactor']);
  assert.deepEqual(actions.map((action) => [action.title, action.kind]), [['Convert to CRM objects format (drops 1 timestamp)', 'refactor.rewrite']]);
  const [action] = actions;
  assert.deepEqual(action?.data, { notes: ['"timestamp" of "lifecyclestage" (entry 2) has no place in the CRM objects format and was dropped'] });
  const edits = action?.edit?.changes?.[uri];
  assert.ok(edits, 'the action edits the document');
  assert.equal(TextDocument.applyEdits(TextDocument.create(uri, 'json', 1, V1), edits), CONVERTED);
  await client.close(uri);
});

test('the conversion is offered without only, and not when only quick fixes are asked for', async () => {
  const uri = 'file:///work/convert-kinds.contact.json';
  await client.open(uri, V1);
  assert.deepEqual((await actionsAt(uri)).map((action) => action.kind), ['refactor.rewrite']);
  assert.deepEqual(await actionsAt(uri, ['quickfix']), []);
  await client.close(uri);
});

test('a CRM objects document, which the server may not validate yet, is offered the conversion to v1', async () => {
  const uri = 'file:///work/convert-objects.contact.json';
  const text = '{"properties":{"email":"a@b.co"},"associations":[{"to":{"id":"101"},"types":[{"associationCategory":"HUBSPOT_DEFINED","associationTypeId":279}]}],"id":"123"}';
  await client.open(uri, text);
  const [action, ...others] = await actionsAt(uri, ['refactor.rewrite']);
  assert.deepEqual(others, []);
  assert.equal(action?.title, 'Convert to v1 format (drops 1 association)');
  const edits = action?.edit?.changes?.[uri];
  assert.ok(edits, 'the action edits the document');
  assert.equal(TextDocument.applyEdits(TextDocument.create(uri, 'json', 1, text), edits), '{\n  "properties": [\n    { "property": "email", "value": "a@b.co" }\n  ],\n  "vid": 123\n}');
  await client.close(uri);
});
