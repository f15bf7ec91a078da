// Normalising the portal's property definitions (v3 and v1 shapes, as the API documents them and the
// 2016 demo-portal dump shows them) and fetching them from the sandbox, with the v1 fallback.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { fetchPortalProperties, normaliseV1, normaliseV3 } from '../../../client/src/hubspot/propertyDefinitions';
import { startTestBed, type TestBed } from '../support';

const V3 = {
  results: [
    {
      name: 'hs_lead_status', label: 'Lead Status', type: 'enumeration', fieldType: 'radio', groupName: 'sales_properties', description: 'The contact\'s sales status.',
      options: [{ label: 'New', value: 'NEW', displayOrder: 0, hidden: false }, { label: 'Old', value: 'OLD', displayOrder: 1, hidden: true }],
      calculated: false, externalOptions: false, hasUniqueValue: false, hidden: false, hubspotDefined: true,
      modificationMetadata: { archivable: false, readOnlyDefinition: true, readOnlyValue: false }, formField: true,
    },
    { name: 'hubspot_owner_id', label: 'Contact owner', type: 'enumeration', fieldType: 'select', options: [], externalOptions: true, modificationMetadata: { readOnlyValue: false } },
    { name: 'hs_object_id', label: 'Record ID', type: 'number', fieldType: 'number', options: [], modificationMetadata: { readOnlyValue: true } },
    { name: 'hubspotscore', label: 'HubSpot Score', type: 'number', fieldType: 'calculation_score', calculated: true, modificationMetadata: { readOnlyValue: true } },
    { name: 'old_custom', label: 'Archived', type: 'string', fieldType: 'text', archived: true },
    { label: 'no name', type: 'string' },
  ],
};

const V1 = [
  {
    name: 'favorite_color', label: 'Favorite color', description: '', groupName: 'contactinformation', type: 'enumeration', fieldType: 'checkbox',
    options: [{ label: 'Teal', value: 'teal', description: null, displayOrder: 0, hidden: false, readOnly: false, doubleData: null }],
    displayOrder: 3, formField: true, readOnlyValue: false, readOnlyDefinition: false, hidden: false, calculated: false, externalOptions: false, deleted: false,
  },
  { name: 'createdate', label: 'Create Date', type: 'datetime', fieldType: 'date', readOnlyValue: true, deleted: false },
  { name: 'gone', label: 'Deleted', type: 'string', fieldType: 'text', deleted: true },
];

test('v3 definitions: read-only from modificationMetadata, options kept with hidden marked, archived dropped', () => {
  assert.deepEqual(normaliseV3(V3), [
    {
      name: 'hs_lead_status', label: 'Lead Status', type: 'enumeration', fieldType: 'radio', description: 'The contact\'s sales status.', groupName: 'sales_properties',
      options: [{ value: 'NEW', label: 'New' }, { value: 'OLD', label: 'Old', hidden: true }],
    },
    { name: 'hubspot_owner_id', label: 'Contact owner', type: 'enumeration', fieldType: 'select', externalOptions: true },
    { name: 'hs_object_id', label: 'Record ID', type: 'number', fieldType: 'number', readOnlyValue: true },
    { name: 'hubspotscore', label: 'HubSpot Score', type: 'number', fieldType: 'calculation_score', readOnlyValue: true, calculated: true },
  ]);
});

test('v1 definitions: read-only at the top level, deleted dropped', () => {
  assert.deepEqual(normaliseV1(V1), [
    { name: 'favorite_color', label: 'Favorite color', type: 'enumeration', fieldType: 'checkbox', groupName: 'contactinformation', options: [{ value: 'teal', label: 'Teal' }] },
    { name: 'createdate', label: 'Create Date', type: 'datetime', fieldType: 'date', readOnlyValue: true },
  ]);
});

test('bodies of another shape are not property lists', () => {
  assert.equal(normaliseV3([]), undefined);
  assert.equal(normaliseV3({ status: 'error' }), undefined);
  assert.equal(normaliseV1({ results: [] }), undefined);
  assert.deepEqual(normaliseV1([{ name: '__proto__', type: 'string', label: 'x' }]), [{ name: '__proto__', label: 'x', type: 'string', fieldType: 'text' }]);
});

let bed: TestBed;
before(async () => { bed = await startTestBed({ client: { retry: { maxRetries: 0 } } }); });
after(() => bed.close());

test('the portal is read through v3 with its portal id', async () => {
  const result = await fetchPortalProperties(bed.client);
  assert.ok(result.ok);
  assert.equal(result.portal.api, 'v3');
  assert.equal(result.portal.portalId, bed.sandbox.portalId);
  const color = result.portal.properties.find((p) => p.name === 'favorite_color');
  assert.ok(color?.options?.some((o) => o.hidden === true), 'the custom enumeration keeps its hidden option, marked');
  assert.ok(result.portal.properties.some((p) => p.name === 'email'));
});

test('v3 refused → v1; both refused → a message and no catalog', async () => {
  bed.sandbox.clearRequests();
  bed.sandbox.inject({ route: 'listPropertiesV3', status: 403 });
  const fallback = await fetchPortalProperties(bed.client);
  assert.ok(fallback.ok);
  assert.equal(fallback.portal.api, 'v1');
  assert.deepEqual(bed.sandbox.requests.map((r) => [r.route, r.status]), [['listPropertiesV3', 403], ['listPropertiesV1', 200], ['accountDetails', 200]]);

  bed.sandbox.inject({ route: 'listPropertiesV3', status: 503 });
  bed.sandbox.inject({ route: 'listPropertiesV1', reset: true });
  const failed = await fetchPortalProperties(bed.client);
  assert.equal(failed.ok, false);
  assert.match(failed.ok ? '' : failed.message, /^Could not read the portal's contact properties: HubSpot answered 503: .*; v1: /);
});
