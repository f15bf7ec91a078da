import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CREATE_TARGET, requestLine, updateTarget } from '../../../../client/src/hubspot/contactsApi';
import { CONTACTS_V1 } from '../../../../client/src/hubspot/contactsV1';

test('v1 creates with POST /contacts/v1/contact and updates with POST …/vid/{vid}/profile', () => {
  assert.deepEqual(CONTACTS_V1.endpoint(CREATE_TARGET), { method: 'POST', path: '/contacts/v1/contact' });
  assert.deepEqual(CONTACTS_V1.endpoint(updateTarget(61574)), { method: 'POST', path: '/contacts/v1/contact/vid/61574/profile' });
  assert.equal(CONTACTS_V1.readPath(61574), '/contacts/v1/contact/vid/61574/profile');
  assert.equal(requestLine(CONTACTS_V1, 'https://api.hubapi.com', updateTarget(7)), 'POST https://api.hubapi.com/contacts/v1/contact/vid/7/profile');
});

test('the v1 body is exactly {"properties":[…]} with each entry as given', () => {
  const properties = [{ property: 'email', value: 'a@example.com' }, { property: 'age', value: 3 }];
  assert.equal(CONTACTS_V1.body(properties), '{"properties":[{"property":"email","value":"a@example.com"},{"property":"age","value":3}]}');
});

test('a v1 create succeeds on 200 with a vid, an update only on 204', () => {
  const record = { vid: 61574, 'portal-id': 62515, 'profile-url': 'https://app.hubspot.com/contacts/62515/contact/61574' };
  assert.deepEqual(CONTACTS_V1.readSuccess(CREATE_TARGET, 200, record), { kind: 'created', vid: 61574, portalId: 62515, profileUrl: record['profile-url'] });
  assert.deepEqual(CONTACTS_V1.readSuccess(CREATE_TARGET, 200, {}), { kind: 'unexpectedResponse', message: 'the answer has no contact id; the contact may have been created' });
  assert.deepEqual(CONTACTS_V1.readSuccess(updateTarget(61574), 204, undefined), { kind: 'updated', vid: 61574 });
  assert.deepEqual(CONTACTS_V1.readSuccess(updateTarget(61574), 200, undefined), { kind: 'unexpectedResponse', message: 'expected 204 No Content; the update may not have been applied' });
});

test('a v1 409 names the existing contact in identityProfile or in its message', () => {
  assert.equal(CONTACTS_V1.readExistingId({ identityProfile: { vid: 12 } }), 12);
  assert.equal(CONTACTS_V1.readExistingId({ message: 'Contact already exists. Existing ID: 34' }), 34);
  assert.equal(CONTACTS_V1.readExistingId({ message: 'Contact already exists' }), undefined);
});
