import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readPayload, rejectedProperties } from '../../../../client/src/send/payloadBody';

test('a v1 file: only the properties array is taken; the saved vid is read but never part of it', () => {
  const read = readPayload('\uFEFF{"vid": 61574, "properties": [{"property":"email","value":"a@b.co"}], "note": "x"}');
  assert.deepEqual(read, { ok: true, shape: 'v1', properties: [{ property: 'email', value: 'a@b.co' }], associations: undefined, savedId: 61574 });
});

test('a v1 file keeps no associations and no "id": those are the CRM objects shape\'s', () => {
  const read = readPayload('{"properties": [], "id": "7", "associations": [1]}');
  assert.deepEqual(read, { ok: true, shape: 'v1', properties: [], associations: undefined, savedId: undefined });
});

test('a CRM objects file: its properties members in order, values as written, the associations and the saved id as written', () => {
  const associations = [{ to: { id: '101' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 279 }] }];
  const text = JSON.stringify({ id: '123', properties: { email: 'a@b.co', firstname: 'Ada', age: 36, opted: true, fax: null, odd: { a: 1 } }, associations, vid: 5 });
  assert.deepEqual(readPayload(text), {
    ok: true,
    shape: 'objects',
    properties: [
      { property: 'email', value: 'a@b.co' },
      { property: 'firstname', value: 'Ada' },
      { property: 'age', value: 36 },
      { property: 'opted', value: true },
      { property: 'fax', value: null },
      { property: 'odd', value: { a: 1 } },
    ],
    associations,
    savedId: '123',
  });
});

test('a CRM objects file without associations or id has neither; an empty properties object sends nothing', () => {
  assert.deepEqual(readPayload('{"properties": {}}'), { ok: true, shape: 'objects', properties: [], associations: undefined, savedId: undefined });
});

test('CRM property names such as __proto__ and constructor are plain names, read as written, never looked up on a prototype', () => {
  const read = readPayload('{"properties": {"__proto__": "x", "constructor": "y", "toString": 1}}');
  assert.ok(read.ok);
  assert.deepEqual(read.properties, [{ property: '__proto__', value: 'x' }, { property: 'constructor', value: 'y' }, { property: 'toString', value: 1 }]);
  // Nothing inherited counts as a member: an empty object has none, whatever Object.prototype holds.
  const empty = readPayload('{"properties": {}}');
  assert.ok(empty.ok);
  assert.deepEqual(empty.properties, []);
});

test('top-level __proto__ and constructor are own keys, never a way to inherit properties, associations or an id', () => {
  const noProperties = { ok: false, message: 'The file has no "properties" to send: a Contacts v1 file has a "properties" array ({"properties": [{"property": "email", "value": "…"}]}), a CRM objects file a "properties" object ({"properties": {"email": "…"}}).' };
  assert.deepEqual(readPayload('{"__proto__": {"properties": {}}}'), noProperties);
  assert.deepEqual(readPayload('{"constructor": {"properties": []}}'), noProperties);
  const read = readPayload('{"properties": {}, "__proto__": {"id": "5", "associations": []}}');
  assert.deepEqual(read, { ok: true, shape: 'objects', properties: [], associations: undefined, savedId: undefined });
});

test('broken or foreign documents are refused with a reason that names both shapes', () => {
  const refused = (message: string) => ({ ok: false, message });
  const notAPayload = refused('The file is not a contact payload: it must be an object such as {"properties": […]} or {"properties": {…}}.');
  const noProperties = refused('The file has no "properties" to send: a Contacts v1 file has a "properties" array ({"properties": [{"property": "email", "value": "…"}]}), a CRM objects file a "properties" object ({"properties": {"email": "…"}}).');
  assert.deepEqual(readPayload('{"properties": ['), refused('The file is not valid JSON, so there is nothing to send yet: fix the problems marked in it first.'));
  assert.deepEqual(readPayload('[]'), notAPayload);
  assert.deepEqual(readPayload('null'), notAPayload);
  assert.deepEqual(readPayload('"text"'), notAPayload);
  assert.deepEqual(readPayload('{}'), noProperties);
  assert.deepEqual(readPayload('{"properties": "email"}'), noProperties);
  assert.deepEqual(readPayload('{"properties": null}'), noProperties);
});

test('a v1 entry that is not an object is refused: the HTTP client reads every entry as one', () => {
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

test("a CRM objects file's rejections carry its values too", () => {
  const read = readPayload('{"properties": {"email": "nope", "lifecyclestage": "Lead"}}');
  assert.ok(read.ok);
  assert.deepEqual(rejectedProperties([{ name: 'lifecyclestage', error: 'INVALID_OPTION', message: 'm' }], read.properties), [
    { name: 'lifecyclestage', value: 'Lead', error: 'INVALID_OPTION', message: 'm' },
  ]);
});
