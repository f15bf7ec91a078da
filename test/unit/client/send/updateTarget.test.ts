import assert from 'node:assert/strict';
import { test } from 'node:test';
import { updateByEmail, updateTarget } from '../../../../client/src/hubspot/contactsApi';
import { readPayload, type Payload } from '../../../../client/src/send/payloadBody';
import { chooseUpdateByEmail, chooseUpdateTarget } from '../../../../client/src/send/updateTarget';

function payload(text: string): Payload {
  const read = readPayload(text);
  assert.ok(read.ok, text);
  return read;
}

const v1 = (saved: string) => payload(`{"vid": ${saved}, "properties": [{"property": "email", "value": "a@b.co"}]}`);
const objects = (saved: string) => payload(`{"id": ${saved}, "properties": {"email": "a@b.co"}}`);

test('an update goes to the id given, over the one the file keeps, in either shape', () => {
  assert.deepEqual(chooseUpdateTarget(7, v1('61574')), { ok: true, target: updateTarget(7) });
  assert.deepEqual(chooseUpdateTarget(7, objects('"61574"')), { ok: true, target: updateTarget(7) });
});

test("without an id given, an update goes to the file's saved id: vid for v1, id for CRM objects", () => {
  assert.deepEqual(chooseUpdateTarget(undefined, v1('61574')), { ok: true, target: updateTarget(61574) });
  assert.deepEqual(chooseUpdateTarget(undefined, objects('"61574"')), { ok: true, target: updateTarget(61574) });
});

test('without either, the choice says why there is no contact to update, naming the key of the shape', () => {
  assert.deepEqual(chooseUpdateTarget(undefined, payload('{"properties": []}')), { ok: false, problem: 'the file has no "vid"', email: undefined });
  assert.deepEqual(chooseUpdateTarget(undefined, v1('"61574"')), { ok: false, problem: `the file's "vid" ("61574") is not a positive whole number`, email: 'a@b.co' });
  assert.deepEqual(chooseUpdateTarget(undefined, payload('{"properties": {}}')), { ok: false, problem: 'the file has no "id"', email: undefined });
});

test('a file with an email and no usable id offers an update by that email, in either shape', () => {
  assert.deepEqual(chooseUpdateTarget(undefined, payload('{"properties": {"email": "a@b.co"}}')), { ok: false, problem: 'the file has no "id"', email: 'a@b.co' });
  assert.deepEqual(chooseUpdateTarget(undefined, objects('61574')), {
    ok: false,
    problem: `the file's "id" (61574) is not a positive whole number written as a string of digits, such as "61574"`,
    email: 'a@b.co',
  });
  assert.deepEqual(chooseUpdateTarget(undefined, payload('{"properties": [{"property": "email", "value": "x@b.co"}, {"property": "email", "value": "a@b.co"}]}')), {
    ok: false,
    problem: 'the file has no "vid"',
    email: 'a@b.co',
  });
});

test('an update by email goes to the email as written (the last one, as HubSpot reads them), in either shape', () => {
  assert.deepEqual(chooseUpdateByEmail(payload('{"properties": {"email": "Ada+1@b.co", "firstname": "Ada"}}')), { ok: true, target: updateByEmail('Ada+1@b.co') });
  assert.deepEqual(chooseUpdateByEmail(payload('{"properties": [{"property": "email", "value": "x@b.co"}, {"property": "email", "value": "a@b.co"}]}')), { ok: true, target: updateByEmail('a@b.co') });
});

test('an update by email is refused, with the reason, without an email that is text', () => {
  assert.deepEqual(chooseUpdateByEmail(payload('{"properties": {"firstname": "Ada"}}')), { ok: false, problem: 'the file has no "email" to update by', email: undefined });
  assert.deepEqual(chooseUpdateByEmail(payload('{"properties": {"email": "  "}}')), { ok: false, problem: 'the file has no "email" to update by', email: undefined });
  assert.deepEqual(chooseUpdateByEmail(payload('{"properties": {"email": 5}}')), { ok: false, problem: 'the file has no "email" to update by', email: undefined });
  assert.deepEqual(chooseUpdateByEmail(payload('{"properties": [{"property": "firstname", "value": "Ada"}]}')), { ok: false, problem: 'the file has no "email" to update by', email: undefined });
});
