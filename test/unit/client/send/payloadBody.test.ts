import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readPayload, rejectedProperties } from '../../../../client/src/send/payloadBody';

test('only the properties array is taken; the saved vid is read but never part of it', () => {
  const read = readPayload('\uFEFF{"vid": 61574, "properties": [{"property":"email","value":"a@b.co"}], "note": "x"}');
  assert.deepEqual(read, { ok: true, properties: [{ property: 'email', value: 'a@b.co' }], savedVid: 61574 });
});

test('broken or foreign documents are refused with a reason', () => {
  assert.equal(readPayload('{"properties": [').ok, false);
  assert.equal(readPayload('[]').ok, false);
  assert.equal(readPayload('{"__proto__": {"properties": []}}').ok, false);
  assert.equal(readPayload('{"properties": {}}').ok, false);
});

test('an entry that is not an object is refused: the HTTP client reads every entry as one', () => {
  assert.deepEqual(readPayload('{"properties": [{"property": "email", "value": "a@b.co"}, null]}'), {
    ok: false,
    message: 'Entry 2 of "properties" is not an object such as {"property": "email", "value": "…"}: it has no property to send.',
  });
  assert.equal(readPayload('{"properties": [[]]}').ok, false);
  assert.equal(readPayload('{"properties": ["email"]}').ok, false);
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
