// The CRM objects shape: what an assignment is (a member of the `properties` object), the saved `id`
// rule, and where the cursor is — the slots completion and hover act on.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parsePayload } from '../../../../server/src/service/payload';
import { shapeOf } from '../../../../server/src/service/shapes';
import { objectsShape, OBJECTS_SAVED_ID_KEY, savedObjectsContactId } from '../../../../server/src/service/shapes/objects';
import { objectsCursorContext } from '../../../../server/src/service/shapes/objectsCursor';
import { v1Shape } from '../../../../server/src/service/shapes/v1';
import { fixture } from '../cursorFixture';

const spanText = (text: string, span: { offset: number; length: number } | undefined) => span && text.slice(span.offset, span.offset + span.length);

test('the shape is told by the kind of the last "properties": an object is CRM objects, anything else v1', () => {
  assert.equal(shapeOf(parsePayload('{"properties": {}}')), objectsShape);
  assert.equal(shapeOf(parsePayload('{"properties": []}')), v1Shape);
  assert.equal(shapeOf(parsePayload('{"properties": [], "properties": {"email": "a@b.co"}}')), objectsShape, 'the last one, as JSON.parse keeps it');
  assert.equal(shapeOf(parsePayload('{"properties": {"email": "a@b.co"}, "properties": []}')).assignments(parsePayload('{"properties": {"email": "a@b.co"}, "properties": []}')).length, 0);
  for (const text of ['{"properties": "x"}', '{}', '[]', '', '{"properties": {']) assert.equal(shapeOf(parsePayload(text)), text === '{"properties": {' ? objectsShape : v1Shape, text);
});

test('each member of "properties" is an assignment: its key the name, its value the value, the member its extent', () => {
  const text = '{"id": "1", "properties": {"email": "a@b.co", "zip": 5, "__proto__": "x", "city": {"a": 1}, "email": ""}}';
  const payload = parsePayload(text);
  const assignments = objectsShape.assignments(payload);
  assert.equal(assignments, payload.propertyMembers, 'the members themselves: no second array, no object per member');
  assert.deepEqual(assignments.map((a) => [a.index, a.name, spanText(text, a.nameSpan), spanText(text, a.assignedValue), spanText(text, a.extent), a.members.length]), [
    [0, 'email', '"email"', '"a@b.co"', '"email": "a@b.co"', 0],
    [1, 'zip', '"zip"', '5', '"zip": 5', 0],
    [2, '__proto__', '"__proto__"', '"x"', '"__proto__": "x"', 0],
    [3, 'city', '"city"', '{"a": 1}', '"city": {"a": 1}', 0],
    [4, 'email', '"email"', '""', '"email": ""', 0],
  ]);
  assert.equal(spanText(text, objectsShape.assignmentAt(payload, text.indexOf('5'))?.extent), '"zip": 5');
  assert.equal(objectsShape.assignmentAt(payload, text.indexOf('"id"')), undefined);
});

test('the saved id is a string of digits naming a positive safe integer; anything else cannot be used', () => {
  assert.equal(OBJECTS_SAVED_ID_KEY, 'id');
  const withId = (id: string) => savedObjectsContactId(parsePayload(`{"id": ${id}, "properties": {}}`));
  assert.equal(withId('"61574"'), 61574);
  assert.equal(savedObjectsContactId(parsePayload('{"properties": {}, "id": "1", "id": "2"}')), 2, 'the last one');
  for (const id of ['61574', '"0"', '"061574"', '"-3"', '"1.5"', '" 1"', '"9007199254740993"', 'null', '"abc"']) assert.equal(withId(id), undefined, id);
});

/** The context at `|`, flattened: slot kind, the assignment's name, the token's text, the commas needed. */
function contextAt(textWithCursor: string) {
  const f = fixture(textWithCursor);
  const context = objectsCursorContext(f.payload, f.document.offsetAt(f.position));
  if (!context) return undefined;
  const { slot, token } = context;
  return {
    slot: slot.kind,
    ...('assignment' in slot ? { name: slot.assignment.name } : {}),
    ...(token ? { token: f.payload.text.slice(token.offset, token.offset + token.length) } : {}),
    commaBefore: context.commaBefore,
    commaAfter: context.commaAfter,
  };
}

test('slots in a CRM objects payload: keys of "properties" are names, a key without a colon is a new assignment', () => {
  const cases: [string, ReturnType<typeof contextAt>][] = [
    ['{"properties": {"em|": "a"}}', { slot: 'propertyName', name: 'em', token: '"em"', commaBefore: false, commaAfter: false }],
    ['{"properties": {"em|": }}', { slot: 'propertyName', name: 'em', token: '"em"', commaBefore: false, commaAfter: false }],
    ['{"properties": {"em|"}}', { slot: 'newAssignment', token: '"em"', commaBefore: false, commaAfter: false }],
    ['{"properties": {em|}}', { slot: 'newAssignment', token: 'em', commaBefore: false, commaAfter: false }],
    ['{"properties": {|}}', { slot: 'newAssignment', commaBefore: false, commaAfter: false }],
    ['{"properties": {"a": "1" |}}', { slot: 'newAssignment', commaBefore: true, commaAfter: false }],
    ['{"properties": {"a": "1", |}}', { slot: 'newAssignment', commaBefore: false, commaAfter: false }],
    ['{"properties": {| "a": "1"}}', { slot: 'newAssignment', commaBefore: false, commaAfter: true }],
    ['{"properties": {"a": "1|"}}', { slot: 'value', name: 'a', token: '"1"', commaBefore: false, commaAfter: false }],
    ['{"properties": {"a": |}}', { slot: 'value', name: 'a', commaBefore: false, commaAfter: false }],
    ['{"properties": {"a": tr|}}', { slot: 'value', name: 'a', token: 'tr', commaBefore: false, commaAfter: false }],
    ['{"properties": {"a": {"b": |}}}', undefined],
    ['{"properties": {}, |}', { slot: 'topLevelKey', commaBefore: false, commaAfter: false }],
    ['{"prop|": {}}', { slot: 'topLevelKey', token: '"prop"', commaBefore: false, commaAfter: false }],
    ['{"properties": {}, "associations": [|]}', undefined],
    ['{"properties": {}} |', undefined],
  ];
  for (const [text, expected] of cases) assert.deepEqual(contextAt(text), expected, text);
});

test('the slot is found among 100 000 members without walking them', () => {
  const members = Array.from({ length: 100_000 }, (_, i) => `"p${i}": "v${i}"`);
  const text = `{"properties": {${members.join(', ')}}}`;
  const cursor = text.indexOf('"v77777"') + 3;
  const payload = parsePayload(text);
  const context = objectsCursorContext(payload, cursor);
  assert.equal(context?.slot.kind, 'value');
  assert.equal(context?.slot.kind === 'value' ? context.slot.assignment.name : undefined, 'p77777');
});
