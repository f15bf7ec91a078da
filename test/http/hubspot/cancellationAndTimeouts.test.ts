// Cancellation through AbortSignal and the dispatcher's inner timeouts, against a sandbox told to
// stall. The total deadline has its own file, deadlines.test.ts.
// The tests wait for events (the request arriving, a log entry), never for time to pass.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { createHubSpotClient, type HubSpotClient } from '../../../client/src/hubspot/hubspotClient';
import { contact, startTestBed, type TestBed } from '../support';
import { CREATE_TARGET, updateTarget } from '../../../client/src/hubspot/contactsApi';

/** Far longer than any test runs: the sandbox's stop() cuts it short. */
const FOREVER_MS = 10 * 60_000;

describe('cancellation', () => {
  let bed: TestBed;
  before(async () => {
    bed = await startTestBed();
  });
  after(() => bed.close());
  beforeEach(() => bed.reset());

  it('aborting while HubSpot is answering ends the request at once with "cancelled"', async () => {
    bed.sandbox.inject({ delayMs: FOREVER_MS });
    const controller = new AbortController();
    const arrived = bed.sandbox.waitForRequest((request) => request.route === 'createContact');
    const pending = bed.client.sendContact(CREATE_TARGET, contact('slow@example.com'), { signal: controller.signal });
    await arrived;
    controller.abort();
    const outcome = await pending;

    assert.equal(outcome.kind, 'cancelled');
    assert.equal(outcome.status, undefined);
    assert.equal(outcome.retries, 0);
    // The request had reached the server: HubSpot may still create the contact.
    assert.equal(outcome.mayHaveBeenApplied, true);
    assert.equal(outcome.summary, 'Cancelled; the contact may have been created — check HubSpot before sending again');
    assert.deepEqual(bed.sleeper.delays, []);
  });

  it('aborting during the wait before a retry stops the wait (the default sleep honours the signal)', async () => {
    const controller = new AbortController();
    const client = createHubSpotClient({
      baseUrl: bed.sandbox.url,
      token: bed.sandbox.token,
      env: {},
      retry: { maxRetries: 3, baseDelayMs: FOREVER_MS, maxDelayMs: FOREVER_MS },
      // Abort once the client has decided to wait: the real timer-based sleep must then return at once.
      log: (entry) => {
        if (entry.retryInMs !== undefined) controller.abort();
      },
    });
    try {
      const { vid } = bed.sandbox.contacts.create({ email: 'wait@example.com' });
      bed.sandbox.inject({ status: 503 });
      const outcome = await client.sendContact(updateTarget(vid), [{ property: 'city', value: 'Rome' }], { signal: controller.signal });

      assert.equal(outcome.kind, 'cancelled');
      assert.equal(outcome.status, 503);
      assert.equal(outcome.retries, 0);
      assert.deepEqual(bed.statuses(), [503]);
    } finally {
      await client.close();
    }
  });

  it('an already aborted signal sends nothing', async () => {
    const outcome = await bed.client.sendContact(CREATE_TARGET, contact('never-sent@example.com'), { signal: AbortSignal.abort() });
    assert.equal(outcome.kind, 'cancelled');
    assert.equal(outcome.mayHaveBeenApplied, false);
    assert.equal(outcome.summary, 'Cancelled; nothing reached HubSpot');
    assert.equal(bed.sandbox.requests.length, 0);
  });
});

describe('timeouts', () => {
  let bed: TestBed;
  let impatient: HubSpotClient;
  before(async () => {
    bed = await startTestBed();
    impatient = createHubSpotClient({
      baseUrl: bed.sandbox.url,
      token: bed.sandbox.token,
      env: {},
      timeouts: { headersMs: 100, bodyMs: 100 },
      retry: { maxRetries: 1, baseDelayMs: 100, maxDelayMs: 1_000 },
      sleep: bed.sleeper.sleep,
      random: () => 0.5,
    });
  });
  after(async () => {
    await impatient.close();
    await bed.close();
  });
  beforeEach(() => bed.reset());

  it('a headers timeout on an update is retried', async () => {
    const { vid } = bed.sandbox.contacts.create({ email: 'timeout@example.com' });
    bed.sandbox.inject({ delayMs: FOREVER_MS });
    const outcome = await impatient.sendContact(updateTarget(vid), [{ property: 'city', value: 'Oslo' }]);

    assert.equal(outcome.kind, 'updated');
    assert.equal(outcome.retries, 1);
    // The first request is still being "processed" by the stalled sandbox, so only the retry is logged.
    assert.deepEqual(bed.statuses(), [204]);
  });

  it('a headers timeout is reported when retries run out', async () => {
    bed.sandbox.inject({ delayMs: FOREVER_MS, times: 2 });
    const outcome = await impatient.sendContact(updateTarget(bed.sandbox.contacts.create({ email: 't2@example.com' }).vid), [{ property: 'city', value: 'Oslo' }]);

    assert.ok(outcome.kind === 'networkError');
    assert.equal(outcome.reason, 'timeout');
    assert.equal(outcome.timeoutPhase, 'headers');
    assert.equal(outcome.mayHaveReachedServer, true);
    assert.equal(
      outcome.summary,
      `No response — 127.0.0.1:${bed.sandbox.port} did not answer in time (timed out after 100 ms); the update may have been applied; gave up after 1 retry`,
    );
  });

  it('a body timeout on a create that HubSpot stored: the retry meets 409 and reports the earlier creation', async () => {
    bed.sandbox.inject({ stallBodyMs: FOREVER_MS });
    const outcome = await impatient.sendContact(CREATE_TARGET, contact('stalled@example.com'));

    const stored = bed.sandbox.contacts.findByEmail('stalled@example.com');
    assert.ok(stored);
    assert.ok(outcome.kind === 'created');
    assert.equal(outcome.vid, stored.vid);
    assert.equal(outcome.createdOnEarlierAttempt, true);
    // The stalled 200, the retry's 409, and the read of the contact that shows the first attempt made it.
    assert.deepEqual(bed.statuses(), [200, 409, 200]);
  });

  it('a body timeout names the phase (a create without email is not resent)', async () => {
    bed.sandbox.inject({ stallBodyMs: FOREVER_MS });
    const outcome = await impatient.sendContact(CREATE_TARGET, [{ property: 'firstname', value: 'Half' }]);
    assert.ok(outcome.kind === 'networkError');
    assert.equal(outcome.timeoutPhase, 'body');
    assert.equal(outcome.status, undefined);
    assert.equal(
      outcome.summary,
      `No response — 127.0.0.1:${bed.sandbox.port} stopped sending the answer part way (nothing arrived for 100 ms); ` +
        'the contact may have been created — check HubSpot before sending again; ' +
        'not resent: without an email HubSpot cannot tell a second create from a new contact',
    );
  });
});
