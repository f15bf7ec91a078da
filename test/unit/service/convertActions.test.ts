import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, type CodeAction } from 'vscode-languageserver-types';
import { convertPayload } from '../../../server/src/service/convert';
import { convertActions, type ConvertActionData } from '../../../server/src/service/convertActions';
import { testCatalog } from './cursorFixture';

const catalog = testCatalog();
const documentOf = (text: string) => TextDocument.create('file:///work/convert.contact.json', 'json', 1, text);

function onlyAction(text: string, only?: unknown): CodeAction {
  const actions = convertActions(documentOf(text), catalog, only);
  assert.equal(actions.length, 1, 'one conversion is offered');
  const [action] = actions;
  assert.ok(action);
  return action;
}

function textAfter(text: string, action: CodeAction): string {
  const document = documentOf(text);
  const edits = action.edit?.changes?.[document.uri];
  assert.ok(edits, 'the action edits the document');
  return TextDocument.applyEdits(document, edits);
}

const V1 = '{\n  "properties": [\n    { "property": "email", "value": "a@b.co" }\n  ],\n  "vid": 5\n}\n';

test('a v1 document is offered "Convert to CRM objects format", a refactor.rewrite whose edit replaces the whole text with the conversion', () => {
  const action = onlyAction(V1);
  assert.equal(action.title, 'Convert to CRM objects format');
  assert.equal(action.kind, CodeActionKind.RefactorRewrite);
  assert.equal(textAfter(V1, action), '{\n  "properties": {\n    "email": "a@b.co"\n  },\n  "id": "5"\n}\n');
  assert.deepEqual(action.data, { notes: [] });
});

test('a CRM objects document is offered "Convert to v1 format"; the title counts what it drops, the notes are in data', () => {
  const text = '{"properties":{"email":"a@b.co"},"associations":[{"to":{"id":"1"}},{"to":{"id":"2"}}]}';
  const action = onlyAction(text);
  assert.equal(action.title, 'Convert to v1 format (drops 2 associations)');
  assert.deepEqual((action.data as ConvertActionData).notes, ['"associations" cannot be sent by the v1 API and was dropped (2 associations)']);
  const converted = convertPayload(text, 'v1', catalog);
  assert.ok(converted.ok);
  assert.equal(textAfter(text, action), converted.text);
});

test('the title sums the notes by what they do: drops, changes, leaves', () => {
  const v1 = '{"properties":[{"property":"a","value":"1","timestamp":1},{"property":"b","value":"1","timestamp":2},{"property":"a","value":"2"}],"vid":"x"}';
  assert.equal(onlyAction(v1).title, 'Convert to CRM objects format (drops 2 timestamps and 1 duplicate value; leaves 1 unusable contact id)');
  // closedate and createdate are datetimes in the bundled catalog.
  const objects = '{"properties":{"closedate":"2024-03-01T10:00:00Z","createdate":"2024-03-01","lastmodifieddate":"2024-03-01T10:00"}}';
  assert.equal(onlyAction(objects).title, 'Convert to v1 format (changes 2 dates; leaves 1 date v1 cannot take)');
});

test('offered when only allows refactor.rewrite (refactor, the empty kind, none given), not for quickfix only or a malformed only', () => {
  for (const only of [undefined, null, ['refactor'], ['refactor.rewrite'], [''], ['quickfix', 'refactor']]) {
    assert.equal(convertActions(documentOf(V1), catalog, only).length, 1, `offered for ${JSON.stringify(only)}`);
  }
  for (const only of [['quickfix'], ['refactor.extract'], ['refactor.rewrite.more'], [], 'refactor', [42]]) {
    assert.deepEqual(convertActions(documentOf(V1), catalog, only), [], `not offered for ${JSON.stringify(only)}`);
  }
});

test('a document that does not convert gets no conversion', () => {
  for (const text of ['', '{"properties":', '[]', '{"vid":1}', '{"properties":"x"}']) assert.deepEqual(convertActions(documentOf(text), catalog, undefined), [], text);
});

test('the answer follows the text: a changed document is converted anew', () => {
  const first = onlyAction(V1);
  const changed = V1.replace('a@b.co', 'c@d.co');
  assert.ok(textAfter(V1, first).includes('a@b.co'));
  assert.ok(textAfter(changed, onlyAction(changed)).includes('c@d.co'));
});
