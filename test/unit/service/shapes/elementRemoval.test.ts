import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parsePayload } from '../../../../server/src/service/payload';
import { shapeOf } from '../../../../server/src/service/shapes';

/** The text left after removing assignment `index`, as the file's shape removes it. */
function withoutEntry(text: string, index: number): string {
  const payload = parsePayload(text);
  const shape = shapeOf(payload);
  const span = shape.removalSpan(payload, shape.assignments(payload)[index]);
  return text.slice(0, span.offset) + text.slice(span.offset + span.length);
}

test('removing an entry takes one comma and the blank with it, and leaves valid JSON', () => {
  const text = '{"properties": [\n  {"property": "a", "value": "1"},\n  {"property": "b", "value": "2"},\n  {"property": "c", "value": "3"}\n]}';
  assert.equal(withoutEntry(text, 0), '{"properties": [\n  {"property": "b", "value": "2"},\n  {"property": "c", "value": "3"}\n]}', 'the first: the comma and blank after it');
  assert.equal(withoutEntry(text, 1), '{"properties": [\n  {"property": "a", "value": "1"},\n  {"property": "c", "value": "3"}\n]}', 'one between');
  assert.equal(withoutEntry(text, 2), '{"properties": [\n  {"property": "a", "value": "1"},\n  {"property": "b", "value": "2"}\n]}', 'the last: the comma before it');
  assert.equal(withoutEntry('{"properties": [ {"property": "a", "value": "1"} ]}', 0), '{"properties": []}', 'the only one: the blank around it too');
});

test('removing a member of a CRM objects "properties" object takes one comma and the blank with it, and leaves valid JSON', () => {
  const text = '{"properties": {\n  "a": "1",\n  "b": {"x": [1]},\n  "c": "3"\n}}';
  assert.equal(withoutEntry(text, 0), '{"properties": {\n  "b": {"x": [1]},\n  "c": "3"\n}}', 'the first: the comma and blank after it');
  assert.equal(withoutEntry(text, 1), '{"properties": {\n  "a": "1",\n  "c": "3"\n}}', 'one between, an object value and all');
  assert.equal(withoutEntry(text, 2), '{"properties": {\n  "a": "1",\n  "b": {"x": [1]}\n}}', 'the last: the comma before it');
  assert.equal(withoutEntry('{"properties": { "a": "1" }}', 0), '{"properties": {}}', 'the only one: the blank around it too');
  for (const index of [0, 1, 2]) JSON.parse(withoutEntry(text, index));
});
