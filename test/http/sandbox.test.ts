// The sandbox on its own, spoken to with plain fetch: it must look like HubSpot to anything, not
// just to our client, since it doubles as the endpoint for trying the extension.
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { describe, it } from 'node:test';
import defaults from '../../schemas/default-properties.json';
import { startSandbox, type Sandbox } from '../sandbox/sandbox';
import { useSandbox } from './support';

describe('sandbox', () => {
  let sandbox: Sandbox;
  const call = (path: string, init: { method?: string; body?: string; token?: string | null } = {}) =>
    fetch(`${sandbox.url}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        ...(init.token === null ? {} : { authorization: `Bearer ${init.token ?? sandbox.token}` }),
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: init.body,
    });
  const create = (properties: Record<string, string>) =>
    call('/contacts/v1/contact', { method: 'POST', body: JSON.stringify({ properties: Object.entries(properties).map(([property, value]) => ({ property, value })) }) });

  useSandbox((started) => (sandbox = started));

  it('creates a contact in the v1 record shape, every value a string', async () => {
    const response = await create({ email: 'shape@example.com', loyalty_points: '7' });
    assert.equal(response.status, 200);
    const record = (await response.json()) as Record<string, unknown>;
    const vid = record.vid as number;
    assert.equal(record['canonical-vid'], vid);
    assert.equal(record['portal-id'], sandbox.portalId);
    assert.equal(record['is-contact'], true);
    assert.equal(record['profile-url'], `${sandbox.url}/contacts/${sandbox.portalId}/contact/${vid}`);
    const properties = record.properties as Record<string, { value: unknown; versions: { value: unknown; 'source-type': string }[] }>;
    assert.equal(properties.loyalty_points?.value, '7');
    assert.equal(properties.loyalty_points?.versions[0]?.['source-type'], 'API');
    assert.equal(properties.hs_object_id?.value, String(vid));
    for (const property of Object.values(properties)) assert.equal(typeof property.value, 'string');
    const [profile] = record['identity-profiles'] as { vid: number; identities: { type: string; value: string }[] }[];
    assert.equal(profile?.vid, vid);
    assert.deepEqual(profile?.identities.map((identity) => identity.type), ['EMAIL', 'LEAD_GUID']);
    assert.equal(profile?.identities[0]?.value, 'shape@example.com');
    for (const key of ['merged-vids', 'form-submissions', 'list-memberships', 'merge-audits']) assert.deepEqual(record[key], []);
  });

  it('GET by vid returns the record; an unknown vid is 404 "contact does not exist"', async () => {
    const { vid } = sandbox.contacts.create({ email: 'get@example.com' });
    const found = await call(`/contacts/v1/contact/vid/${vid}/profile`);
    assert.equal(found.status, 200);
    assert.equal(((await found.json()) as { vid: number }).vid, vid);

    const missing = await call('/contacts/v1/contact/vid/9999999/profile');
    assert.equal(missing.status, 404);
    assert.equal(missing.headers.get('x-hubspot-notfound'), 'true');
    const body = (await missing.json()) as { status: string; message: string; correlationId: string };
    assert.equal(body.status, 'error');
    assert.equal(body.message, 'contact does not exist');
    assert.equal(body.correlationId, missing.headers.get('x-hubspot-correlation-id'));
  });

  it('answers a non-numeric vid on update with 200 and an empty body, as HubSpot once did', async () => {
    const response = await call('/contacts/v1/contact/vid/invalid-not-existing/profile', { method: 'POST', body: '{"properties":[]}' });
    assert.equal(response.status, 200);
    assert.equal(await response.text(), '');
  });

  it('ignores writes to read-only properties', async () => {
    const response = await create({ email: 'ro-prop@example.com', hs_analytics_source: 'DIRECT_TRAFFIC' });
    assert.equal(response.status, 200);
    assert.equal(sandbox.contacts.findByEmail('ro-prop@example.com')?.properties.has('hs_analytics_source'), false);
  });

  it('rejects a body that is not JSON', async () => {
    const response = await call('/contacts/v1/contact', { method: 'POST', body: '{"properties": [' });
    assert.equal(response.status, 400);
    assert.equal(((await response.json()) as { message: string }).message, 'Invalid input JSON on line 1');
  });

  it('serves the v1 property definitions: defaults plus the custom ones', async () => {
    const response = await call('/properties/v1/contacts/properties');
    assert.equal(response.status, 200);
    const list = (await response.json()) as { name: string; type: string; readOnlyValue: boolean; externalOptions: boolean; hubspotDefined: boolean | null; options: { value: string; hidden: boolean }[] }[];
    assert.equal(list.length, defaults.properties.length + 3);
    const byName = new Map(list.map((property) => [property.name, property]));
    assert.equal(byName.get('createdate')?.readOnlyValue, true);
    assert.equal(byName.get('email')?.readOnlyValue, false);
    assert.equal(byName.get('hubspot_owner_id')?.externalOptions, true);
    assert.equal(byName.get('email')?.hubspotDefined, true);
    const color = byName.get('favorite_color');
    assert.equal(color?.hubspotDefined, null);
    assert.deepEqual(color?.options.map((option) => [option.value, option.hidden]), [
      ['red', false],
      ['green', false],
      ['blue', false],
      ['octarine', true],
    ]);
    assert.equal(byName.get('loyalty_points')?.type, 'number');
    assert.equal(byName.get('contract_start_date')?.type, 'date');
  });

  it('serves the v3 property definitions with modificationMetadata.readOnlyValue', async () => {
    const response = await call('/crm/v3/properties/contacts', { token: sandbox.readOnlyToken });
    assert.equal(response.status, 200);
    const { results } = (await response.json()) as { results: { name: string; modificationMetadata: { readOnlyValue: boolean } }[] };
    const byName = new Map(results.map((property) => [property.name, property]));
    assert.equal(byName.get('hs_object_id')?.modificationMetadata.readOnlyValue, true);
    assert.equal(byName.get('favorite_color')?.modificationMetadata.readOnlyValue, false);
    assert.equal(results.length, defaults.properties.length + 3);
  });

  it('401 without a token, before anything else', async () => {
    const response = await call('/properties/v1/contacts/properties', { token: null });
    assert.equal(response.status, 401);
    assert.equal(response.headers.get('x-hubspot-auth-failure'), '401 Unauthorized');
    assert.equal(response.headers.get('x-hubspot-ratelimit-remaining'), null);
    const body = (await response.json()) as { category: string; correlationId: string };
    assert.equal(body.category, 'INVALID_AUTHENTICATION');
    assert.equal(body.correlationId, response.headers.get('x-hubspot-correlation-id'));
  });

  it('403 MISSING_SCOPES for a token without the write scope', async () => {
    const response = await call('/contacts/v1/contact', { method: 'POST', body: '{"properties":[]}', token: sandbox.readOnlyToken });
    assert.equal(response.status, 403);
    const body = (await response.json()) as { category: string; errors: { context: { requiredGranularScopes: string[] } }[] };
    assert.equal(body.category, 'MISSING_SCOPES');
    assert.deepEqual(body.errors[0]?.context.requiredGranularScopes, ['crm.objects.contacts.write']);
  });

  it('unknown paths are 404 with a correlation id', async () => {
    const response = await call('/contacts/v2/nothing');
    assert.equal(response.status, 404);
    assert.match(response.headers.get('x-hubspot-correlation-id') ?? '', /^[0-9a-f-]{36}$/);
  });

  it('serves the profile page the record links to', async () => {
    const { vid } = sandbox.contacts.create({ email: 'page@example.com' });
    const response = await fetch(`${sandbox.url}/contacts/${sandbox.portalId}/contact/${vid}`);
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as { vid: number }).vid, vid);
  });

  it('is driven from another process through the control API', async () => {
    const added = await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'POST', body: JSON.stringify({ status: 503, route: 'createContact' }) });
    assert.equal(added.status, 204);
    assert.equal((await create({ email: 'control@example.com' })).status, 503);
    assert.equal((await create({ email: 'control@example.com' })).status, 200);

    const log = (await (await fetch(`${sandbox.url}/__sandbox/requests`)).json()) as { status: number; faulted: boolean }[];
    assert.deepEqual(log.map((entry) => [entry.status, entry.faulted]), [
      [503, true],
      [200, false],
    ]);
    const contacts = (await (await fetch(`${sandbox.url}/__sandbox/contacts`)).json()) as { vid: number }[];
    assert.equal(contacts.length, sandbox.contacts.size);

    await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'POST', body: JSON.stringify({ status: 500, times: 5 }) });
    assert.equal((await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'DELETE' })).status, 204);
    assert.equal((await create({ email: 'after-clear@example.com' })).status, 200);
  });

  it('refuses the control API to a request naming another host (DNS rebinding) and serves it by localhost', async () => {
    const statusFor = (host: string, method: string, path: string) =>
      new Promise<number | undefined>((resolve, reject) => {
        const sent = httpRequest({ host: '127.0.0.1', port: sandbox.port, method, path, headers: { host }, timeout: 5_000 }, (response) => {
          response.resume();
          resolve(response.statusCode);
        });
        sent.on('timeout', () => sent.destroy(new Error('the sandbox did not answer within 5 s')));
        sent.on('error', reject);
        sent.end(method === 'POST' ? JSON.stringify({ status: 503 }) : undefined);
      });
    assert.equal(await statusFor(`rebound.example.com:${sandbox.port}`, 'GET', '/__sandbox/requests'), 403);
    assert.equal(await statusFor(`rebound.example.com:${sandbox.port}`, 'POST', '/__sandbox/faults'), 403);
    assert.equal(await statusFor('127.0.0.1', 'GET', '/__sandbox/requests'), 403, 'the port is part of the name');
    assert.equal((await create({ email: 'not-faulted@example.com' })).status, 200, 'the refused fault was not added');
    assert.equal(await statusFor(`localhost:${sandbox.port}`, 'GET', '/__sandbox/requests'), 200);
    assert.equal(await statusFor(`[::1]:${sandbox.port}`, 'GET', '/__sandbox/contacts'), 200);
  });
});

describe('sandbox rate limits', () => {
  it('counts down X-HubSpot-RateLimit-Remaining and answers 429 TEN_SECONDLY_ROLLING after the burst', async () => {
    let time = Date.UTC(2026, 0, 15, 12);
    const sandbox = await startSandbox({ rateLimits: { burst: 2, daily: 10 }, now: () => time });
    try {
      const get = () => fetch(`${sandbox.url}/properties/v1/contacts/properties`, { headers: { authorization: `Bearer ${sandbox.token}` } });
      const first = await get();
      const second = await get();
      const third = await get();
      assert.deepEqual([first.status, second.status, third.status], [200, 200, 429]);
      assert.deepEqual(
        [first, second, third].map((response) => [
          response.headers.get('x-hubspot-ratelimit-max'),
          response.headers.get('x-hubspot-ratelimit-remaining'),
          response.headers.get('x-hubspot-ratelimit-interval-milliseconds'),
          response.headers.get('x-hubspot-ratelimit-daily'),
          response.headers.get('x-hubspot-ratelimit-daily-remaining'),
        ]),
        [
          ['2', '1', '10000', '10', '9'],
          ['2', '0', '10000', '10', '8'],
          ['2', '0', '10000', '10', '8'],
        ],
      );
      const body = (await third.json()) as { policyName: string; errorType: string; message: string; correlationId: string };
      assert.equal(body.policyName, 'TEN_SECONDLY_ROLLING');
      assert.equal(body.errorType, 'RATE_LIMIT');
      assert.equal(body.correlationId, third.headers.get('x-hubspot-correlation-id'));
      assert.equal(third.headers.get('retry-after'), null);

      time += 10_000;
      assert.equal((await get()).status, 200);
    } finally {
      await sandbox.stop();
    }
  });
});
