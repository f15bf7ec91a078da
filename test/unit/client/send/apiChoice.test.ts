import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CREATE_TARGET, requestLine, updateTarget } from '../../../../client/src/hubspot/contactsApi';
import { API_VERSIONS } from '../../../../client/src/hubspot/contactsObjects';
import { CONTACTS_V1 } from '../../../../client/src/hubspot/contactsV1';
import { contactsApiFor, knownApiVersion } from '../../../../client/src/send/apiChoice';

test('a v1 file goes to Contacts v1 whatever the version chosen', () => {
  for (const version of API_VERSIONS) assert.equal(contactsApiFor('v1', version), CONTACTS_V1, version);
});

test('a CRM objects file goes to the objects path of the version chosen', () => {
  assert.equal(requestLine(contactsApiFor('objects', '2026-09'), '', CREATE_TARGET), 'POST /crm/objects/2026-09/contacts');
  assert.equal(requestLine(contactsApiFor('objects', '2026-03'), '', updateTarget(7)), 'PATCH /crm/objects/2026-03/contacts/7');
  assert.equal(requestLine(contactsApiFor('objects', 'v3'), '', updateTarget(7)), 'PATCH /crm/v3/objects/contacts/7');
  for (const version of API_VERSIONS) assert.equal(contactsApiFor('objects', version).payloadShape, 'objects', version);
});

test('only the versions this client knows are read from a setting or an option', () => {
  for (const version of API_VERSIONS) assert.equal(knownApiVersion(version), version);
  for (const value of ['2025-09', 'V3', ' v3', '', undefined, null, 3, ['v3']]) assert.equal(knownApiVersion(value), undefined, JSON.stringify(value));
});
