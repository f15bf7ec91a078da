import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readPayload, rejectedProperties } from '../../../../client/src/send/payloadBody';

test('only the properties array is taken; the saved vid is read but never part of it', () => {
  const read = readPayload('\uFEFF{"vid": 61574, "properties": [{"property":"email","value":"a@b.co"}], "note": "x"}');
  assert.deepEqual(read, { ok: true, properties: [{ property: 'email', value: 'a@b.co' }], savedVid: 61574 });
});

test('broken or foreign documents are refused with a reason', () => {
  const refused = (message: string) => ({ ok: false, message });
  assert.deepEqual(readPayload('{"properties": ['), refused('The file is not valid JSON, so there is nothing to send yet: fix the problems marked in it first.'));
  assert.deepEqual(readPayload('[]'), refused('The file is not a contact payload: it must be an object such as {"properties": […]}.'));
  assert.deepEqual(readPayload('null'), refused('The file is not a contact payload: it must be an object such as {"properties": […]}.'));
  // `__proto__` is an own key of the parsed object, not a way to inherit `properties`.
  assert.deepEqual(readPayload('{"__proto__": {"properties": []}}'), refused('The file has no "properties" array to send.'));
  assert.deepEqual(readPayload('{"properties": {}}'), refused('The file has no "properties" array to send.'));
});

test('an entry that is not an object is refused: the HTTP client reads every entry as one', () => {
  assert.deepEqual(readPayload('{"properties": [{"property": "email", "value": "a@b.co"}, null]}'), {
    ok: false,
    message: 'Entry 2 of "properties" is not an object such as {"property": "email", "value": "…"}: it has no property to send.',
  });
  const firstEntry = { ok: false, message: 'Entry 1 of "properties" is not an object such as {"property": "email", "value": "…"}: it has no property to send.' };
  assert.deepEqual(readPayload('{"properties": [[]]}'), firstEntry);
  assert.deepEqual(readPayload('{"properties": ["email"]}'), firstEntry);
  assert.equal(readPayload('{"properties": [{}]}').ok, true, 'an object without a property is for HubSpot to judge');
});

test("HubSpot's rejections carry the value sent for that name, the last one when repeated", () => {
  const sent = [{ property: 'city', value: 'A' }, { property: 'city', value: 'B' }, { property: 'toString', value: 1 }];
  const results = [{ name: 'city', error: 'X', message: 'm' }, { name: 'toString', error: 'Y', message: 'n' }, { name: 'constructor', error: 'Z', message: 'o' }];
  assert.deepEqual(rejectedProperties(results, sent), [
    { name: 'city', value: 'B', error: 'X', message: 'm' },
    { name: 'toString', value: 1, error: 'Y', message: 'n' },
  ]);
});
