import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readPayload, sentValues } from '../../../client/src/payloadBody';

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

test('sent values are looked up by property name, last one wins', () => {
  const values = sentValues([{ property: 'city', value: 'A' }, { property: 'city', value: 'B' }, { property: 'toString', value: 1 }]);
  assert.equal(values.get('city'), 'B');
  assert.equal(values.get('toString'), 1);
  assert.equal(values.get('constructor'), undefined);
});
