// The vid edit shared by "Save vid to file" and `create --save-vid`: the vid is set, nothing else changes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits } from 'jsonc-parser';
import { formattingOf, vidEdits, withVid } from '../../../../client/src/send/vidEdit';

describe('vidEdit', () => {
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
    const edits = vidEdits(text, 61574, { insertSpaces: true, tabSize: 2, eol: '\n' });
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
    const edits = vidEdits(text, 5, { insertSpaces: false, tabSize: 4, eol: '\n' });
    assert.equal(applyEdits(text, edits), '{\n\t"vid": 5,\n\t"properties": []\n}');
  });

  it('refuses a file whose top level is not an object', () => {
    assert.throws(() => withVid('[1]', 5));
  });
});
