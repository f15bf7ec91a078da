// The client's record of each request, against the sandbox: one per request with its retries folded
// in, both bodies as they went and came, and the file it was made from.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CREATE_TARGET, updateTarget } from '../../../client/src/hubspot/contactsApi';
import { createHubSpotClient } from '../../../client/src/hubspot/hubspotClient';
import type { RequestRecord } from '../../../client/src/hubspot/requestRecord';
import { startSandbox } from '../../sandbox/sandbox';
import { contact, createFakeClock, recordingSleep } from '../support';

describe('request records', () => {
  it('a create, a create retried after a 503, an update, a GET and a batch POST are one record each, with what was sent and answered', async () => {
    const sandbox = await startSandbox({ rateLimits: { burst: 1_000 } });
    const clock = createFakeClock();
    const records: RequestRecord[] = [];
    const client = createHubSpotClient({
      baseUrl: sandbox.url, token: sandbox.token, env: {}, retry: { maxRetries: 2, baseDelayMs: 10, maxDelayMs: 100 },
      sleep: recordingSleep(clock).sleep, now: clock.now, record: (record) => records.push(record),
    });
    try {
      const created = await client.sendContact(CREATE_TARGET, contact('ada@example.com'), { source: 'file:///seed/ada.contact.json' });
      sandbox.inject({ status: 503 });
      await client.sendContact(CREATE_TARGET, contact('grace@example.com'));
      await client.sendContact(updateTarget(created.kind === 'created' ? created.vid : 0), [{ property: 'city', value: 'Lyon' }]);
      await client.getJson('/account-info/v3/details');
      await client.postJson('/crm/v3/objects/contacts/batch/read', JSON.stringify({ idProperty: 'email', inputs: [{ id: 'ada@example.com' }], properties: ['email'] }));

      assert.deepEqual(records.map((record) => [record.method, new URL(record.url).pathname, record.status, record.retries]), [
        ['POST', '/contacts/v1/contact', 200, 0],
        ['POST', '/contacts/v1/contact', 200, 1],
        ['POST', `/contacts/v1/contact/vid/${created.kind === 'created' ? created.vid : 0}/profile`, 204, 0],
        ['GET', '/account-info/v3/details', 200, 0],
        ['POST', '/crm/v3/objects/contacts/batch/read', 200, 0],
      ]);
      const [first, retried, updated, read] = records;
      assert.deepEqual(JSON.parse(first.requestBody ?? ''), { properties: [{ property: 'email', value: 'ada@example.com' }] });
      assert.equal((JSON.parse(first.responseBody ?? '{}') as { vid?: number }).vid, created.kind === 'created' ? created.vid : -1);
      assert.equal(first.source, 'file:///seed/ada.contact.json');
      assert.equal(first.answer, '200');
      assert.equal(retried.source, undefined);
      assert.equal(updated.responseBody, undefined, 'a 204 has no body');
      assert.equal(read.requestBody, undefined);
      assert.ok(records.every((record) => record.correlationId !== undefined && record.durationMs >= 0));
    } finally {
      await client.close();
      await sandbox.stop();
    }
  });

  it('a request that never got an answer is recorded with what happened instead', async () => {
    const sandbox = await startSandbox({ rateLimits: { burst: 1_000 } });
    const records: RequestRecord[] = [];
    const client = createHubSpotClient({ baseUrl: sandbox.url, token: sandbox.token, env: {}, retry: { maxRetries: 0 }, record: (record) => records.push(record) });
    try {
      sandbox.inject({ reset: true });
      await client.sendContact(updateTarget(1), [{ property: 'city', value: 'Lyon' }]);
      assert.equal(records.length, 1);
      assert.deepEqual([records[0].status, records[0].responseBody], [undefined, undefined]);
      assert.match(records[0].answer, /^no response \(/);
    } finally {
      await client.close();
      await sandbox.stop();
    }
  });
});
