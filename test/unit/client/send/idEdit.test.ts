// The id edit shared by "Save id to file" and `create --save-id`: the id is set under the shape's key, nothing else changes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits } from 'jsonc-parser';
import { formattingOf, idEdits, withId } from '../../../../client/src/send/idEdit';

const withVid = (text: string, vid: number) => withId(text, 'v1', vid);

describe('idEdit', () => {
  it('adds the vid as the first key, in the file\'s own indentation and line ends', () => {
    assert.equal(withVid('{\n  "properties": []\n}\n', 61574), '{\n  "vid": 61574,\n  "properties": []\n}\n');
    assert.equal(withVid('{\r\n\t"properties": []\r\n}\r\n', 61574), '{\r\n\t"vid": 61574,\r\n\t"properties": []\r\n}\r\n');
    assert.equal(withVid('{\n    "properties": [\n        {"property":"email",   "value":"a@b.co"}\n    ]\n}', 7), '{\n    "vid": 7,\n    "properties": [\n        {"property":"email",   "value":"a@b.co"}\n    ]\n}');
  });

  it('replaces a saved vid and nothing around it', () => {
    assert.equal(withVid('{\n  "properties": [],\n  "vid":   12 \n}\n', 61574), '{\n  "properties": [],\n  "vid":   61574 \n}\n');
    assert.equal(withVid('{"vid":"12","properties":[]}', 61574), '{"vid":61574,"properties":[]}');
  });

  it('a payload written on one line stays on one line: jsonc-parser would re-format the whole object', () => {
    const compact = '{"properties":[{"property":"email","value":"a@b.co"}]}';
    assert.equal(withVid(compact, 61574), '{"vid": 61574,"properties":[{"property":"email","value":"a@b.co"}]}');
  });

  it('with several top-level vids (the last counts when read), one is left, holding the new id', () => {
    const twice = '{"properties":[{"property":"email","value":"q@b.co"}],"vid":5,"vid":7}';
    const saved = withVid(twice, 61576);
    assert.equal((JSON.parse(saved) as { vid: number }).vid, 61576);
    assert.equal(saved.match(/"vid"/g)?.length, 1);
    assert.deepEqual((JSON.parse(saved) as { properties: unknown }).properties, [{ property: 'email', value: 'q@b.co' }]);
  });

  it('with several vids among other keys, each other vid goes with its comma and nothing else changes', () => {
    assert.equal(withVid('{"vid":1,"a":1,"vid":2,"b":2,"vid":3}', 61576), '{"a":1,"b":2,"vid":61576}');
    assert.equal(withVid('{\n  "vid": 1,\n  "vid": 2,\n  "properties": []\n}\n', 61576), '{\n  "vid": 61576,\n  "properties": []\n}\n');
    assert.equal(withVid('{\n  "properties": [],\n  "vid": 1,\n  "note": "kept",\n  "vid": 2\n}', 61576), '{\n  "properties": [],\n  "note": "kept",\n  "vid": 61576\n}');
  });

  it('20 000 duplicate vids are resolved in one pass, within seconds, to one vid and every other byte as it was', () => {
    const vids = Array.from({ length: 20_000 }, (_, index) => `  "vid": ${index + 1},\n`).join('');
    const text = `{\n  "properties": [],\n${vids}  "note": "kept"\n}\n`;
    const expected = '{\n  "properties": [],\n  "vid": 61574,\n  "note": "kept"\n}\n';
    const started = performance.now();
    const saved = withVid(text, 61574);
    const edits = idEdits(text, 'v1', 61574, { insertSpaces: true, tabSize: 2, eol: '\n' });
    const elapsed = performance.now() - started;
    assert.equal(saved, expected);
    // The editor's edits, applied by jsonc-parser (one copy of the text per edit, so outside the timing).
    assert.equal(applyEdits(text, edits), expected);
    // Generous: one pass takes milliseconds; one parse per key took minutes.
    assert.ok(elapsed < 5000, `${Math.round(elapsed)} ms`);
  });

  it('reads the formatting from the file', () => {
    assert.deepEqual(formattingOf('{\n    "a": 1\n}'), { insertSpaces: true, tabSize: 4, eol: '\n' });
    assert.deepEqual(formattingOf('{\r\n\t"a": 1\r\n}'), { insertSpaces: false, tabSize: 4, eol: '\r\n' });
    assert.deepEqual(formattingOf('{"a": 1}'), { insertSpaces: true, tabSize: 2, eol: '\n' });
  });

  it('gives the extension edits in the editor\'s own formatting', () => {
    const text = '{\n\t"properties": []\n}';
    const edits = idEdits(text, 'v1', 5, { insertSpaces: false, tabSize: 4, eol: '\n' });
    assert.equal(applyEdits(text, edits), '{\n\t"vid": 5,\n\t"properties": []\n}');
  });

  it('refuses a file whose top level is not an object', () => {
    assert.throws(() => withVid('[1]', 5));
    assert.throws(() => withId('[1]', 'objects', 5));
  });
});

describe('idEdit in a CRM objects file', () => {
  it('adds "id" as a string, the first key, in the file\'s own indentation and line ends', () => {
    assert.equal(withId('{\n  "properties": {}\n}\n', 'objects', 61574), '{\n  "id": "61574",\n  "properties": {}\n}\n');
    assert.equal(withId('{\r\n\t"properties": {}\r\n}\r\n', 'objects', 61574), '{\r\n\t"id": "61574",\r\n\t"properties": {}\r\n}\r\n');
  });

  it('replaces a saved id (a number written by hand too) and nothing around it; a vid is not its key and stays', () => {
    assert.equal(withId('{\n  "properties": {},\n  "id":   12 \n}\n', 'objects', 61574), '{\n  "properties": {},\n  "id":   "61574" \n}\n');
    assert.equal(withId('{"vid":5,"id":"12","properties":{}}', 'objects', 61574), '{"vid":5,"id":"61574","properties":{}}');
  });

  it('a payload written on one line stays on one line', () => {
    assert.equal(withId('{"properties":{"email":"a@b.co"}}', 'objects', 61574), '{"id": "61574","properties":{"email":"a@b.co"}}');
  });

  it('with several top-level ids, one is left, the last, holding the new id as a string', () => {
    assert.equal(withId('{"id":"1","a":1,"id":2,"properties":{},"id":"3"}', 'objects', 61576), '{"a":1,"properties":{},"id":"61576"}');
    assert.equal(withId('{\n  "id": "1",\n  "id": "2",\n  "properties": {}\n}\n', 'objects', 61576), '{\n  "id": "61576",\n  "properties": {}\n}\n');
  });

  it('gives the extension edits in the editor\'s own formatting', () => {
    const text = '{\n\t"properties": {}\n}';
    assert.equal(applyEdits(text, idEdits(text, 'objects', 5, { insertSpaces: false, tabSize: 4, eol: '\n' })), '{\n\t"id": "5",\n\t"properties": {}\n}');
  });
});
