// The vid edit shared by "Save vid to file" and `create --save-vid`: the vid is set, nothing else changes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits } from 'jsonc-parser';
import { formattingOf, vidEdits, withVid } from '../../client/src/vidEdit';

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
