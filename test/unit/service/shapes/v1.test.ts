import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parsePayload } from '../../../../server/src/service/payload';
import { SAVED_ID_KEY, savedContactId, v1Shape } from '../../../../server/src/service/shapes/v1';

const withVid = (vid: string) => parsePayload(`{"${SAVED_ID_KEY}": ${vid}, "properties": []}`);

test('the saved contact id is a positive safe integer written as a number', () => {
  assert.equal(SAVED_ID_KEY, 'vid');
  assert.equal(savedContactId(withVid('61574')), 61574);
  assert.equal(savedContactId(parsePayload('{"properties": [], "vid": 1, "vid": 2}')), 2, 'the last one, as JSON.parse keeps it');
});

test('a saved id that is not a positive safe integer number cannot be used', () => {
  for (const vid of ['"61574"', '0', '-3', '1.5', '9007199254740993', 'null', 'true', '[1]']) assert.equal(savedContactId(withVid(vid)), undefined, vid);
  assert.equal(savedContactId(parsePayload('{"properties": []}')), undefined, 'none saved');
  assert.equal(savedContactId(parsePayload('[{"vid": 1}]')), undefined, 'not at the top level of an object');
});

const spanText = (text: string, span: { offset: number; length: number } | undefined) => span && text.slice(span.offset, span.offset + span.length);

test('each entry of "properties" is an assignment: the "property" string its name, "value" its value, the entry object its extent', () => {
  const text = '{"vid": 1, "properties": [{"property": "email", "value": "a@b.co"}, {"value": 5, "property": "zip", "timestamp": 1}, {"property": "city"}, 7]}';
  const payload = parsePayload(text);
  const assignments = v1Shape.assignments(payload);
  assert.equal(assignments, payload.entries, 'the entries themselves: no second array, no object per entry');
  assert.deepEqual(assignments.map((a) => [a.index, a.name, spanText(text, a.nameSpan), spanText(text, a.assignedValue), spanText(text, a.extent), a.members.map((m) => m.key)]), [
    [0, 'email', '"email"', '"a@b.co"', '{"property": "email", "value": "a@b.co"}', ['property', 'value']],
    [1, 'zip', '"zip"', '5', '{"value": 5, "property": "zip", "timestamp": 1}', ['value', 'property', 'timestamp']],
    [2, 'city', '"city"', undefined, '{"property": "city"}', ['property']],
    [3, undefined, undefined, undefined, '7', []],
  ]);
  assert.equal(spanText(text, v1Shape.assignmentsHolder(payload)?.keySpan), '"properties"');
});

test('without a "properties" array there is nothing that holds assignments', () => {
  for (const text of ['{"properties": {"email": "a@b.co"}}', '{"vid": 1}', '[]']) {
    const payload = parsePayload(text);
    assert.equal(v1Shape.assignmentsHolder(payload), undefined, text);
    assert.deepEqual(v1Shape.assignments(payload), [], text);
  }
});

test('the structure findings are the v1 schema\'s, and the example is a v1 payload', () => {
  assert.deepEqual(v1Shape.structureFindings(parsePayload(v1Shape.example.replace('…', 'a@b.co'))), []);
  assert.deepEqual(v1Shape.structureFindings(parsePayload('{"properties": [{"value": "x"}]}')).map((f) => f.code), ['entry-missing-property']);
});
