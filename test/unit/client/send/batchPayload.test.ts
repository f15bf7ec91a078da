// A batch file's contacts as the editor reads them without the engine: both forms, nothing else.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { batchContacts } from '../../../../client/src/send/batchPayload';
import { payloadOf } from '../../../../client/src/send/payloadBody';

test('the CRM objects form: the contacts are the inputs, in order', () => {
  const contacts = batchContacts('{"inputs": [{"properties": {"email": "a@b.co"}}, {"properties": {"email": "c@d.co"}}]}');
  assert.deepEqual(contacts, [{ properties: { email: 'a@b.co' } }, { properties: { email: 'c@d.co' } }]);
});

test("v1's form: the contacts are the top-level array, a byte order mark before it ignored", () => {
  const contacts = batchContacts('\uFEFF[{"properties": [{"property": "email", "value": "a@b.co"}]}]');
  assert.equal(contacts?.length, 1);
  const payload = payloadOf(contacts?.[0]);
  assert.ok(payload.ok);
  assert.deepEqual(payload.properties, [{ property: 'email', value: 'a@b.co' }]);
});

test('not JSON, an object without inputs, or inputs that are no list: no contacts', () => {
  assert.equal(batchContacts('[{"properties": '), undefined);
  assert.equal(batchContacts('{"properties": {}}'), undefined);
  assert.equal(batchContacts('{"inputs": {}}'), undefined);
  assert.equal(batchContacts('"inputs"'), undefined);
});
