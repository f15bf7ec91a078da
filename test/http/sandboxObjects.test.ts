// The sandbox's CRM objects routes on their own, spoken to with plain fetch, under both path styles
// (`/crm/v3/objects/contacts` and `/crm/objects/{YYYY-MM}/contacts`): the answers of
// hubspot-contacts-api.md §10, over the same contacts as v1.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startSandbox, type Sandbox } from '../sandbox/sandbox';
import { useSandbox } from './support';

interface ContactObject {
  readonly id: string;
  readonly properties: Record<string, string>;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly archived: boolean;
}

interface ErrorBody {
  readonly status: string;
  readonly message: string;
  readonly correlationId: string;
  readonly category: string;
}

const DATE_VERSION = '/crm/objects/2026-03/contacts';
const V3 = '/crm/v3/objects/contacts';
const COLLECTIONS = [DATE_VERSION, V3];

function callerOf(sandbox: () => Sandbox) {
  return (path: string, init: { method?: string; body?: unknown; token?: string | null } = {}) =>
    fetch(`${sandbox().url}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        ...(init.token === null ? {} : { authorization: `Bearer ${init.token ?? sandbox().token}` }),
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
    });
}

/** The per-property results a CRM 400 carries as JSON inside its message. */
function resultsIn(body: ErrorBody): { name: string; error: string; message: string }[] {
  const match = /^Property values were not valid: (\[.*\])$/s.exec(body.message);
  assert.ok(match, `no results in: ${body.message}`);
  return JSON.parse(match[1] ?? '[]') as { name: string; error: string; message: string }[];
}

describe('sandbox CRM objects routes', () => {
  let sandbox: Sandbox;
  const call = callerOf(() => sandbox);
  const create = (collection: string, properties: Record<string, unknown>) => call(collection, { method: 'POST', body: { properties } });

  useSandbox((started) => (sandbox = started));

  for (const collection of COLLECTIONS) {
    describe(collection, () => {
      const unique = (name: string) => `${name}-${collection.replaceAll('/', '')}@example.com`;

      it('POST creates: 201 with {id, properties, createdAt, updatedAt, archived}, the id being the v1 vid', async () => {
        const response = await create(collection, { email: unique('create'), firstname: 'Ada', loyalty_points: 12 });
        assert.equal(response.status, 201);
        const object = (await response.json()) as ContactObject;
        const stored = sandbox.contacts.findByEmail(unique('create'));
        assert.ok(stored);
        assert.equal(object.id, String(stored.vid));
        assert.equal(object.properties.firstname, 'Ada');
        assert.equal(object.properties.loyalty_points, '12', 'numbers are coerced to text, as HubSpot stores them');
        assert.equal(object.properties.hs_object_id, object.id);
        assert.equal(object.createdAt, new Date(stored.createdAt).toISOString());
        assert.equal(object.updatedAt, object.createdAt);
        assert.equal(object.archived, false);
        // The same contact through v1.
        const v1 = await call(`/contacts/v1/contact/vid/${object.id}/profile`);
        assert.equal(((await v1.json()) as { vid: number }).vid, stored.vid);
      });

      it('POST with an email that exists: 409 CONFLICT naming the existing id in the message', async () => {
        const existing = sandbox.contacts.create({ email: unique('dup') });
        const response = await create(collection, { email: unique('dup').toUpperCase() });
        assert.equal(response.status, 409);
        const body = (await response.json()) as ErrorBody;
        assert.deepEqual([body.status, body.message, body.category], ['error', `Contact already exists. Existing ID: ${existing.vid}`, 'CONFLICT']);
        assert.equal(body.correlationId, response.headers.get('x-hubspot-correlation-id'));
      });

      it('PATCH by id: 200 with the updated object; an unknown or non-numeric id is 404', async () => {
        const { vid } = sandbox.contacts.create({ email: unique('patch') });
        const response = await call(`${collection}/${vid}`, { method: 'PATCH', body: { properties: { lastname: 'Hopper' } } });
        assert.equal(response.status, 200);
        const object = (await response.json()) as ContactObject;
        assert.deepEqual([object.id, object.properties.lastname, object.properties.email], [String(vid), 'Hopper', unique('patch')]);
        assert.equal(sandbox.contacts.get(vid)?.properties.get('lastname')?.value, 'Hopper');

        for (const id of ['987654321', 'not-a-number']) {
          const missing = await call(`${collection}/${id}`, { method: 'PATCH', body: { properties: { lastname: 'X' } } });
          assert.equal(missing.status, 404, id);
          assert.equal(((await missing.json()) as ErrorBody).message, 'resource not found');
        }
      });

      it('PATCH by email with idProperty=email: 200 with the object; an unknown email is 404; another idProperty is 400', async () => {
        const { vid } = sandbox.contacts.create({ email: unique('by+email') });
        const path = `${collection}/${encodeURIComponent(unique('by+email'))}?idProperty=email`;
        const response = await call(path, { method: 'PATCH', body: { properties: { city: 'Lyon' } } });
        assert.equal(response.status, 200);
        assert.equal(((await response.json()) as ContactObject).id, String(vid));
        assert.equal(sandbox.contacts.get(vid)?.properties.get('city')?.value, 'Lyon');

        const unknown = await call(`${collection}/nobody%40example.com?idProperty=email`, { method: 'PATCH', body: { properties: { city: 'Lyon' } } });
        assert.equal(unknown.status, 404);
        const otherProperty = await call(`${collection}/123?idProperty=phone`, { method: 'PATCH', body: { properties: { city: 'Lyon' } } });
        assert.equal(otherProperty.status, 400);
        assert.equal(((await otherProperty.json()) as ErrorBody).category, 'VALIDATION_ERROR');
      });

      it('PATCH setting an email another contact has: 409 naming that contact', async () => {
        const owner = sandbox.contacts.create({ email: unique('owner') });
        const { vid } = sandbox.contacts.create({ email: unique('mover') });
        const response = await call(`${collection}/${vid}`, { method: 'PATCH', body: { properties: { email: unique('owner') } } });
        assert.equal(response.status, 409);
        assert.equal(((await response.json()) as ErrorBody).message, `Contact already exists. Existing ID: ${owner.vid}`);
      });

      it('GET by id: 200 with the object; unknown: 404', async () => {
        const { vid } = sandbox.contacts.create({ email: unique('get') });
        const found = await call(`${collection}/${vid}`);
        assert.equal(found.status, 200);
        assert.equal(((await found.json()) as ContactObject).properties.email, unique('get'));
        assert.equal((await call(`${collection}/987654321`)).status, 404);
      });

      it('400 VALIDATION_ERROR with the per-property results as JSON inside the message', async () => {
        const response = await create(collection, { email: 'not-an-email', favorite_color: 'purple', no_such_property: 'x' });
        assert.equal(response.status, 400);
        const body = (await response.json()) as ErrorBody;
        assert.equal(body.category, 'VALIDATION_ERROR');
        assert.deepEqual(
          resultsIn(body).map((result) => [result.name, result.error]),
          [
            ['email', 'INVALID_EMAIL'],
            ['favorite_color', 'INVALID_OPTION'],
            ['no_such_property', 'PROPERTY_DOESNT_EXIST'],
          ],
        );
      });
    });
  }

  it('a version path in another format is no HubSpot path: 404', async () => {
    for (const path of ['/crm/objects/2026-9/contacts', '/crm/objects/2026-13/contacts', '/crm/objects/latest/contacts', '/crm/v4/objects/contacts']) {
      const response = await create(path, { email: 'format@example.com' });
      assert.equal(response.status, 404, path);
    }
    assert.equal(sandbox.contacts.findByEmail('format@example.com'), undefined);
  });

  it('dates: YYYY-MM-DD or epoch ms at midnight UTC; datetimes: ISO 8601 or epoch ms; stored as epoch ms', async () => {
    const midnight = Date.UTC(2026, 0, 15);
    const accepted = await create(DATE_VERSION, { email: 'dates@example.com', contract_start_date: '2026-01-15', closedate: '2026-01-15T13:01:00.000Z' });
    assert.equal(accepted.status, 201);
    const stored = sandbox.contacts.findByEmail('dates@example.com');
    assert.equal(stored?.properties.get('contract_start_date')?.value, String(midnight));
    assert.equal(stored?.properties.get('closedate')?.value, String(Date.UTC(2026, 0, 15, 13, 1)));
    assert.equal((await create(DATE_VERSION, { email: 'dates-ms@example.com', contract_start_date: midnight, closedate: String(midnight + 1) })).status, 201);

    const rejected = await create(DATE_VERSION, { email: 'bad-dates@example.com', contract_start_date: midnight + 60_000, closedate: 'tomorrow' });
    assert.equal(rejected.status, 400);
    assert.deepEqual(resultsIn((await rejected.json()) as ErrorBody), [
      { isValid: false, name: 'contract_start_date', error: 'INVALID_DATE', message: `${midnight + 60_000} is at 0:1:0.0 UTC, not midnight!` },
      { isValid: false, name: 'closedate', error: 'INVALID_DATE', message: 'tomorrow is not a valid date' },
    ]);
    const notADay = await create(DATE_VERSION, { email: 'bad-day@example.com', contract_start_date: '2026-02-30' });
    assert.deepEqual(resultsIn((await notADay.json()) as ErrorBody).map((result) => result.error), ['INVALID_DATE']);
  });

  it('v1 still takes epoch ms only: an ISO date is INVALID_LONG there', async () => {
    const response = await call('/contacts/v1/contact', { method: 'POST', body: { properties: [{ property: 'email', value: 'v1-date@example.com' }, { property: 'contract_start_date', value: '2026-01-15' }] } });
    assert.equal(response.status, 400);
    const body = (await response.json()) as { validationResults: { error: string }[] };
    assert.deepEqual(body.validationResults.map((result) => result.error), ['INVALID_LONG']);
  });

  it('numbers and booleans are coerced to text; an object or array value is 400; a body without a properties object is 400; bad JSON is 400', async () => {
    const coerced = await create(V3, { email: 'coerce@example.com', loyalty_points: 3.5, firstname: true });
    assert.equal(coerced.status, 201);
    const { properties } = (await coerced.json()) as ContactObject;
    assert.deepEqual([properties.loyalty_points, properties.firstname], ['3.5', 'true']);
    for (const value of [{ nested: 'x' }, ['x']]) {
      const response = await create(V3, { email: 'object-value@example.com', firstname: value });
      assert.equal(response.status, 400);
      assert.equal(((await response.json()) as ErrorBody).message, 'Invalid input JSON: the value of "firstname" must be a string, a number or a boolean');
    }
    const list = await call(V3, { method: 'POST', body: { properties: [{ property: 'email', value: 'list@example.com' }] } });
    assert.equal(list.status, 400);
    assert.equal(((await list.json()) as ErrorBody).message, 'Invalid input JSON: expected {"properties":{…}}');
    const broken = await call(V3, { method: 'POST', body: '{"properties": {' });
    assert.equal(broken.status, 400);
    assert.equal(((await broken.json()) as ErrorBody).message, 'Invalid input JSON on line 1');
    assert.equal(sandbox.contacts.findByEmail('object-value@example.com'), undefined);
  });

  it('associations on a create are accepted (the sandbox has no other objects to link)', async () => {
    const response = await call(V3, { method: 'POST', body: { properties: { email: 'assoc@example.com' }, associations: [{ to: { id: '101' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 279 }] }] } });
    assert.equal(response.status, 201);
  });

  it('auth and scopes as for v1: 401 without a token, 403 MISSING_SCOPES for a read-only token writing, a write-only token reading', async () => {
    const anonymous = await call(V3, { method: 'POST', body: { properties: { email: 'anon@example.com' } }, token: null });
    assert.equal(anonymous.status, 401);
    assert.equal(((await anonymous.json()) as ErrorBody).category, 'INVALID_AUTHENTICATION');
    const reader = await call(DATE_VERSION, { method: 'POST', body: { properties: { email: 'reader@example.com' } }, token: sandbox.readOnlyToken });
    assert.equal(reader.status, 403);
    const { vid } = sandbox.contacts.create({ email: 'unreadable@example.com' });
    const writer = await call(`${DATE_VERSION}/${vid}`, { token: sandbox.writeOnlyToken });
    assert.equal(writer.status, 403);
    assert.equal(((await writer.json()) as { errors: { context: { requiredGranularScopes: string[] } }[] }).errors[0]?.context.requiredGranularScopes[0], 'crm.objects.contacts.read');
  });

  it('faults for a route meet its CRM path too: createContact 503 on POST …/contacts, a reset on PATCH', async () => {
    sandbox.inject({ route: 'createContact', status: 503 });
    assert.equal((await create(DATE_VERSION, { email: 'faulted@example.com' })).status, 503);
    const { vid } = sandbox.contacts.create({ email: 'reset@example.com' });
    sandbox.inject({ route: 'updateContact', reset: true });
    await assert.rejects(call(`${V3}/${vid}`, { method: 'PATCH', body: { properties: { city: 'X' } } }));
    assert.deepEqual(
      sandbox.requests.map((request) => [request.route, request.status, request.faulted]),
      [
        ['createContact', 503, true],
        ['updateContact', undefined, true],
      ],
    );
  });

  it('v1 updates by email: POST /contacts/v1/contact/email/{email}/profile answers 204; an unknown email 404', async () => {
    const { vid } = sandbox.contacts.create({ email: 'v1-by-email@example.com' });
    const path = `/contacts/v1/contact/email/${encodeURIComponent('v1-by-email@example.com')}/profile`;
    const response = await call(path, { method: 'POST', body: { properties: [{ property: 'city', value: 'Oslo' }] } });
    assert.equal(response.status, 204);
    assert.equal(sandbox.contacts.get(vid)?.properties.get('city')?.value, 'Oslo');
    const unknown = await call('/contacts/v1/contact/email/nobody%40example.com/profile', { method: 'POST', body: { properties: [] } });
    assert.equal(unknown.status, 404);
  });
});

describe('sandbox CRM objects: required on create (from 2026-09) and rate limits', () => {
  it('a 2026-09 create without a required property is 400 VALIDATION_ERROR REQUIRED_PROPERTY; 2026-03, v3, updates and v1 do not enforce it', async () => {
    const sandbox = await startSandbox({ requiredOnCreate: ['lastname'] });
    const call = callerOf(() => sandbox);
    try {
      const refused = await call('/crm/objects/2026-09/contacts', { method: 'POST', body: { properties: { email: 'req@example.com', lastname: '', favorite_color: 'purple' } } });
      assert.equal(refused.status, 400);
      const body = (await refused.json()) as ErrorBody;
      assert.equal(body.category, 'VALIDATION_ERROR');
      assert.deepEqual(resultsIn(body).map((result) => [result.name, result.error]), [
        ['lastname', 'REQUIRED_PROPERTY'],
        ['favorite_color', 'INVALID_OPTION'],
      ]);
      assert.equal((await call('/crm/objects/2026-09/contacts', { method: 'POST', body: { properties: { email: 'req@example.com', lastname: 'Lovelace' } } })).status, 201);
      assert.equal((await call('/crm/objects/2026-03/contacts', { method: 'POST', body: { properties: { email: 'req-03@example.com' } } })).status, 201);
      assert.equal((await call('/crm/v3/objects/contacts', { method: 'POST', body: { properties: { email: 'req-v3@example.com' } } })).status, 201);
      const v1 = await call('/contacts/v1/contact', { method: 'POST', body: { properties: [{ property: 'email', value: 'req-v1@example.com' }] } });
      assert.equal(v1.status, 200);
      const { vid } = sandbox.contacts.create({ email: 'req-update@example.com' });
      assert.equal((await call(`/crm/objects/2026-09/contacts/${vid}`, { method: 'PATCH', body: { properties: { city: 'Rome' } } })).status, 200);
    } finally {
      await sandbox.stop();
    }
  });

  it('the CRM routes count against the same rate limit as v1 and answer 429 with its headers', async () => {
    const sandbox = await startSandbox({ rateLimits: { burst: 2 } });
    const call = callerOf(() => sandbox);
    try {
      const statuses = [];
      statuses.push((await call('/contacts/v1/contact/vid/1/profile')).status);
      statuses.push((await call('/crm/v3/objects/contacts/1')).status);
      const limited = await call('/crm/objects/2026-09/contacts/1');
      statuses.push(limited.status);
      assert.deepEqual(statuses, [404, 404, 429]);
      assert.equal(limited.headers.get('x-hubspot-ratelimit-remaining'), '0');
      assert.equal(((await limited.json()) as { policyName: string }).policyName, 'TEN_SECONDLY_ROLLING');
    } finally {
      await sandbox.stop();
    }
  });
});
