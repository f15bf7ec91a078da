import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CREATE_TARGET, requestLine, updateByEmail, updateTarget } from '../../../../client/src/hubspot/contactsApi';
import { API_VERSIONS, DEFAULT_API_VERSION, contactsObjectsApi } from '../../../../client/src/hubspot/contactsObjects';
import { CONTACTS_V1 } from '../../../../client/src/hubspot/contactsV1';

const CRM = contactsObjectsApi('2026-09');

test('the versions are listed newest first and the newest is the default', () => {
  assert.deepEqual(API_VERSIONS, ['2026-09', '2026-03', 'v3']);
  assert.equal(DEFAULT_API_VERSION, '2026-09');
  assert.deepEqual([CRM.label, CRM.payloadShape], ['CRM objects 2026-09', 'objects']);
  assert.deepEqual([CONTACTS_V1.label, CONTACTS_V1.payloadShape], ['Contacts v1', 'v1']);
});

test('date versions create with POST /crm/objects/{version}/contacts and update with PATCH …/{id}; v3 under /crm/v3/objects', () => {
  assert.deepEqual(CRM.endpoint(CREATE_TARGET), { method: 'POST', path: '/crm/objects/2026-09/contacts' });
  assert.deepEqual(CRM.endpoint(updateTarget(61574)), { method: 'PATCH', path: '/crm/objects/2026-09/contacts/61574' });
  assert.equal(CRM.readPath(61574), '/crm/objects/2026-09/contacts/61574');
  assert.deepEqual(contactsObjectsApi('2026-03').endpoint(CREATE_TARGET), { method: 'POST', path: '/crm/objects/2026-03/contacts' });
  assert.deepEqual(contactsObjectsApi('v3').endpoint(updateTarget(7)), { method: 'PATCH', path: '/crm/v3/objects/contacts/7' });
  assert.equal(requestLine(contactsObjectsApi('v3'), 'https://api.hubapi.com', CREATE_TARGET), 'POST https://api.hubapi.com/crm/v3/objects/contacts');
});

test('an update by email goes to …/contacts/{email}?idProperty=email in the CRM API and to …/email/{email}/profile in v1, the email encoded', () => {
  const target = updateByEmail('a+b/c@example.com');
  assert.deepEqual(CRM.endpoint(target), { method: 'PATCH', path: '/crm/objects/2026-09/contacts/a%2Bb%2Fc%40example.com?idProperty=email' });
  assert.deepEqual(CONTACTS_V1.endpoint(target), { method: 'POST', path: '/contacts/v1/contact/email/a%2Bb%2Fc%40example.com/profile' });
});

test('the CRM body is {"properties":{…}}: a later duplicate wins, values keep their JSON type', () => {
  const body = CRM.body([{ property: 'email', value: 'a@example.com' }, { property: 'age', value: 3 }, { property: 'email', value: 'b@example.com' }, { property: 'gone', value: null }]);
  assert.equal(body, '{"properties":{"email":"b@example.com","age":3,"gone":null}}');
});

test('properties named __proto__ and constructor are sent as plain keys, not swallowed by a prototype', () => {
  const body = CRM.body([{ property: '__proto__', value: 'x' }, { property: 'constructor', value: 'y' }]);
  assert.equal(body, '{"properties":{"__proto__":"x","constructor":"y"}}');
  const parsed = JSON.parse(body) as { properties: Record<string, unknown> };
  assert.deepEqual(Object.keys(parsed.properties), ['__proto__', 'constructor']);
});

test('associations go into the CRM body when given; v1 leaves them out', () => {
  const associations = [{ to: { id: '101' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 279 }] }];
  assert.equal(
    CRM.body([{ property: 'email', value: 'a@example.com' }], { associations }),
    '{"properties":{"email":"a@example.com"},"associations":[{"to":{"id":"101"},"types":[{"associationCategory":"HUBSPOT_DEFINED","associationTypeId":279}]}]}',
  );
  assert.equal(CRM.body([{ property: 'email', value: 'a@example.com' }], {}), '{"properties":{"email":"a@example.com"}}');
  assert.equal(CONTACTS_V1.body([{ property: 'email', value: 'a@example.com' }], { associations }), '{"properties":[{"property":"email","value":"a@example.com"}]}');
});

test('a CRM create succeeds on 201 with an id, an update on 200 with the object', () => {
  const object = { id: '61574', properties: { email: 'a@example.com' }, createdAt: '2026-01-15T12:00:00.000Z', updatedAt: '2026-01-15T12:00:00.000Z', archived: false };
  assert.deepEqual(CRM.readSuccess(CREATE_TARGET, 201, object), { kind: 'created', vid: 61574, portalId: undefined, profileUrl: undefined });
  assert.equal(CRM.readSuccess(CREATE_TARGET, 201, { id: 'abc' }).kind, 'unexpectedResponse');
  assert.equal(CRM.readSuccess(CREATE_TARGET, 200, object).kind, 'unexpectedResponse');
  assert.deepEqual(CRM.readSuccess(updateTarget(61574), 200, object), { kind: 'updated', vid: 61574 });
  assert.deepEqual(CRM.readSuccess(updateByEmail('a@example.com'), 200, object), { kind: 'updated', vid: 61574, email: 'a@example.com' });
  assert.deepEqual(CRM.readSuccess(updateTarget(61574), 200, undefined), { kind: 'unexpectedResponse', message: 'expected 200 OK with the contact; the update may not have been applied' });
  assert.equal(CRM.readSuccess(updateTarget(61574), 204, undefined).kind, 'unexpectedResponse');
});

test('a v1 update by email answers 204 and is read as updated by that email, with no id', () => {
  assert.deepEqual(CONTACTS_V1.readSuccess(updateByEmail('a@example.com'), 204, undefined), { kind: 'updated', vid: undefined, email: 'a@example.com' });
});

test('a CRM 409 names the existing contact in its message; a read gives the id and createdAt as epoch ms', () => {
  assert.equal(CRM.readExistingId({ status: 'error', message: 'Contact already exists. Existing ID: 37765128953', category: 'CONFLICT' }), 37765128953);
  assert.equal(CRM.readExistingId({ message: 'Contact already exists' }), undefined);
  assert.deepEqual(CRM.readContact({ id: '12' }), { vid: 12, portalId: undefined, profileUrl: undefined });
  assert.equal(CRM.readContact({ id: 12 }), undefined);
  assert.equal(CRM.readCreatedAt({ createdAt: '2026-01-15T12:00:00.250Z' }), Date.UTC(2026, 0, 15, 12, 0, 0, 250));
  assert.equal(CRM.readCreatedAt({ createdAt: 'yesterday' }), undefined);
  assert.equal(CRM.readCreatedAt({ createdAt: 1 }), undefined);
});
