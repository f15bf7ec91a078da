// The client sending through the CRM objects API (contactsObjects.ts) to the sandbox over real HTTP:
// each answer's typed outcome and summary, and what was actually sent.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { CREATE_TARGET, updateByEmail, updateTarget } from '../../../client/src/hubspot/contactsApi';
import { contactsObjectsApi } from '../../../client/src/hubspot/contactsObjects';
import { contact, startTestBed, withBed, type TestBed } from '../support';

const CRM = contactsObjectsApi('2026-09');

describe('CRM objects outcomes against the sandbox', () => {
  let bed: TestBed;
  before(async () => {
    bed = await startTestBed({ client: { api: CRM } });
  });
  after(() => bed.close());
  beforeEach(() => bed.reset());

  it('create: 201 with the object → created with its id; the body sent is {"properties":{…}}', async () => {
    const outcome = await bed.client.sendContact(CREATE_TARGET, contact('ada@example.com', { firstname: 'Ada' }));
    const stored = bed.sandbox.contacts.findByEmail('ada@example.com');
    assert.ok(outcome.kind === 'created', outcome.summary);
    assert.equal(outcome.vid, stored?.vid);
    assert.equal(outcome.status, 201);
    assert.equal(outcome.summary, `201 Created — contact ${stored?.vid} created in 0 ms`);
    assert.equal(outcome.url, `${bed.sandbox.url}/crm/objects/2026-09/contacts`);
    const [request] = bed.sandbox.requests;
    assert.deepEqual([request?.method, request?.path, request?.bodyText], ['POST', '/crm/objects/2026-09/contacts', '{"properties":{"email":"ada@example.com","firstname":"Ada"}}']);
  });

  it("a create's associations are sent when given; an update's extras are not", async () => {
    const associations = [{ to: { id: '101' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 279 }] }];
    const created = await bed.client.sendContact(CREATE_TARGET, contact('linked@example.com'), { extras: { associations } });
    assert.equal(created.kind, 'created', created.summary);
    assert.equal(bed.sandbox.requests[0]?.bodyText, `{"properties":{"email":"linked@example.com"},"associations":${JSON.stringify(associations)}}`);
    assert.ok(created.kind === 'created');
    const updated = await bed.client.sendContact(updateTarget(created.vid), [{ property: 'city', value: 'Oslo' }], { extras: { associations } });
    assert.equal(updated.kind, 'updated', updated.summary);
    assert.equal(bed.sandbox.requests[1]?.bodyText, '{"properties":{"city":"Oslo"}}');
  });

  it('update by id: PATCH …/contacts/{id}, 200 with the object → updated', async () => {
    const { vid } = bed.sandbox.contacts.create({ email: 'grace@example.com' });
    const outcome = await bed.client.sendContact(updateTarget(vid), [{ property: 'lastname', value: 'Hopper' }]);
    assert.ok(outcome.kind === 'updated', outcome.summary);
    assert.equal(outcome.vid, vid);
    assert.equal(outcome.summary, `200 OK — contact ${vid} updated in 0 ms`);
    assert.deepEqual([bed.sandbox.requests[0]?.method, bed.sandbox.requests[0]?.path], ['PATCH', `/crm/objects/2026-09/contacts/${vid}`]);
    assert.equal(bed.sandbox.contacts.get(vid)?.properties.get('lastname')?.value, 'Hopper');
  });

  it('update by email: PATCH …/contacts/{email}?idProperty=email → updated, with the id the answer gives and the email named', async () => {
    const { vid } = bed.sandbox.contacts.create({ email: 'by+mail@example.com' });
    const outcome = await bed.client.sendContact(updateByEmail('by+mail@example.com'), [{ property: 'city', value: 'Lyon' }]);
    assert.ok(outcome.kind === 'updated', outcome.summary);
    assert.deepEqual([outcome.vid, outcome.email], [vid, 'by+mail@example.com']);
    assert.equal(outcome.summary, `200 OK — contact ${vid} (email by+mail@example.com) updated in 0 ms`);
    assert.equal(bed.sandbox.requests[0]?.path, '/crm/objects/2026-09/contacts/by%2Bmail%40example.com?idProperty=email');
    assert.equal(bed.sandbox.contacts.get(vid)?.properties.get('city')?.value, 'Lyon');
  });

  it('an empty email to update by is refused before sending', async () => {
    await assert.rejects(bed.client.sendContact(updateByEmail('  '), contact('x@example.com')), RangeError);
    assert.equal(bed.sandbox.requests.length, 0);
  });

  it('400: the per-property results are read from inside the message', async () => {
    const outcome = await bed.client.sendContact(CREATE_TARGET, contact('not-an-email', { favorite_color: 'purple' }));
    assert.ok(outcome.kind === 'validationFailed', outcome.summary);
    assert.deepEqual(outcome.results.map((result) => [result.name, result.error]), [
      ['email', 'INVALID_EMAIL'],
      ['favorite_color', 'INVALID_OPTION'],
    ]);
    assert.equal(outcome.results[0]?.message, 'Email address not-an-email is invalid');
    assert.equal(outcome.summary, '400 Bad Request — 2 property values were rejected: email (INVALID_EMAIL), favorite_color (INVALID_OPTION)');
  });

  it('400 whose inner JSON does not parse: no results, and the message is shown as it is', async () => {
    const message = 'Property values were not valid: [{"isValid":false,"name":';
    bed.sandbox.inject({ route: 'createContact', status: 400, body: { status: 'error', message, category: 'VALIDATION_ERROR' } });
    const outcome = await bed.client.sendContact(CREATE_TARGET, contact('broken@example.com'));
    assert.ok(outcome.kind === 'validationFailed', outcome.summary);
    assert.deepEqual(outcome.results, []);
    assert.equal(outcome.summary, `400 Bad Request — ${message}`);
  });

  it('a property named __proto__ is sent as a plain key and HubSpot names it in its answer', async () => {
    const outcome = await bed.client.sendContact(CREATE_TARGET, [...contact('proto@example.com'), { property: '__proto__', value: 'x' }, { property: 'constructor', value: 'y' }]);
    assert.equal(bed.sandbox.requests[0]?.bodyText, '{"properties":{"email":"proto@example.com","__proto__":"x","constructor":"y"}}');
    assert.ok(outcome.kind === 'validationFailed', outcome.summary);
    assert.deepEqual(outcome.results.map((result) => [result.name, result.error]), [
      ['__proto__', 'PROPERTY_DOESNT_EXIST'],
      ['constructor', 'PROPERTY_DOESNT_EXIST'],
    ]);
  });

  it('409: a contact with this email exists, its id read from the message', async () => {
    const existing = bed.sandbox.contacts.create({ email: 'taken@example.com' });
    const outcome = await bed.client.sendContact(CREATE_TARGET, contact('taken@example.com'));
    assert.ok(outcome.kind === 'alreadyExists', outcome.summary);
    assert.equal(outcome.vid, existing.vid);
    assert.equal(outcome.summary, `409 Conflict — a contact with this email already exists: id ${existing.vid}`);
  });

  it('404: no contact with that id, or with that email', async () => {
    const byId = await bed.client.sendContact(updateTarget(987654321), [{ property: 'city', value: 'Nowhere' }]);
    assert.ok(byId.kind === 'notFound', byId.summary);
    assert.equal(byId.summary, '404 Not Found — no contact with id 987654321');
    const byEmail = await bed.client.sendContact(updateByEmail('nobody@example.com'), [{ property: 'city', value: 'Nowhere' }]);
    assert.ok(byEmail.kind === 'notFound', byEmail.summary);
    assert.deepEqual([byEmail.vid, byEmail.email], [undefined, 'nobody@example.com']);
    assert.equal(byEmail.summary, '404 Not Found — no contact with email nobody@example.com');
  });

  it('200 on update without the object is not taken for success', async () => {
    const { vid } = bed.sandbox.contacts.create({ email: 'empty200@example.com' });
    bed.sandbox.inject({ route: 'updateContact', status: 200 });
    const outcome = await bed.client.sendContact(updateTarget(vid), [{ property: 'city', value: 'X' }]);
    assert.equal(outcome.kind, 'unexpectedResponse');
    assert.equal(outcome.summary, '200 OK — expected 200 OK with the contact; the update may not have been applied');
  });
});

describe('CRM objects: the 2026-09 admin rules', () => {
  it('a create without a property the admins require: 400 with REQUIRED_PROPERTY among the per-property results', () =>
    withBed({ sandbox: { requiredOnCreate: ['lastname'] }, client: { api: CRM } }, async (bed) => {
      const outcome = await bed.client.sendContact(CREATE_TARGET, contact('required@example.com'));
      assert.ok(outcome.kind === 'validationFailed', outcome.summary);
      assert.deepEqual(outcome.results, [{ name: 'lastname', error: 'REQUIRED_PROPERTY', message: 'lastname is required' }]);
      assert.equal(outcome.summary, '400 Bad Request — 1 property value was rejected: lastname (REQUIRED_PROPERTY)');
    }));
});

describe('v1 updates by email', () => {
  it('POST …/contact/email/{email}/profile, 204 → updated by that email, no id known', () =>
    withBed({}, async (bed) => {
      const { vid } = bed.sandbox.contacts.create({ email: 'v1mail@example.com' });
      const outcome = await bed.client.sendContact(updateByEmail('v1mail@example.com'), [{ property: 'city', value: 'Oslo' }]);
      assert.ok(outcome.kind === 'updated', outcome.summary);
      assert.deepEqual([outcome.vid, outcome.email], [undefined, 'v1mail@example.com']);
      assert.equal(outcome.summary, '204 No Content — the contact with email v1mail@example.com updated in 0 ms');
      assert.equal(bed.sandbox.requests[0]?.path, '/contacts/v1/contact/email/v1mail%40example.com/profile');
      assert.equal(bed.sandbox.contacts.get(vid)?.properties.get('city')?.value, 'Oslo');

      const missing = await bed.client.sendContact(updateByEmail('gone@example.com'), [{ property: 'city', value: 'Oslo' }]);
      assert.equal(missing.summary, '404 Not Found — no contact with email gone@example.com');
    }));
});
