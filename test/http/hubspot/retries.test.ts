// The retry policy over real HTTP: what is retried, what is not, and how long the client waits.
// Delays are recorded by a fake sleep that moves a clock the sandbox shares, so rate-limit windows
// really pass without the test waiting.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createHubSpotClient } from '../../../client/src/hubspot/hubspotClient';
import { closedPort, contact, createFakeClock, recordingSleep, withBed } from '../support';
import { CREATE_TARGET, updateTarget } from '../../../client/src/hubspot/contactsApi';


describe('429 rate limits', () => {
  it('ten-second policy: waits X-HubSpot-RateLimit-Interval-Milliseconds, then succeeds', () =>
    withBed({ sandbox: { rateLimits: { burst: 2 } } }, async (bed) => {
      await bed.client.sendContact(CREATE_TARGET, contact('one@example.com'));
      await bed.client.sendContact(CREATE_TARGET, contact('two@example.com'));
      const outcome = await bed.client.sendContact(CREATE_TARGET, contact('three@example.com'));

      assert.ok(outcome.kind === 'created');
      assert.deepEqual(bed.statuses(), [200, 200, 429, 200]);
      assert.deepEqual(bed.sleeper.delays, [10_000]);
      assert.equal(outcome.retries, 1);
      assert.equal(outcome.summary, `200 OK — contact ${outcome.vid} created in 0 ms (after 1 retry)`);
      assert.deepEqual(
        bed.logs.map((entry) => [entry.level, entry.status, entry.retryInMs]),
        [
          ['info', 200, undefined],
          ['info', 200, undefined],
          ['warn', 429, 10_000],
          ['info', 200, undefined],
        ],
      );
      assert.equal(bed.logs[2]?.message, `POST ${bed.sandbox.url}/contacts/v1/contact → 429 in 0 ms (correlation ${bed.sandbox.requests[2]?.correlationId}); retry 1 of 3 in 10000 ms`);
    }));

  it('Retry-After wins over the interval header', () =>
    withBed({ sandbox: { rateLimits: { burst: 1, retryAfter: true } } }, async (bed) => {
      await bed.client.sendContact(CREATE_TARGET, contact('first@example.com'));
      bed.clock.advance(3_000);
      const outcome = await bed.client.sendContact(CREATE_TARGET, contact('second@example.com'));

      assert.equal(outcome.kind, 'created');
      assert.deepEqual(bed.statuses(), [200, 429, 200]);
      assert.deepEqual(bed.sleeper.delays, [7_000]);
    }));

  it('Retry-After as an HTTP date', () =>
    withBed({}, async (bed) => {
      bed.sandbox.inject({ status: 429, headers: { 'Retry-After': new Date(bed.clock.now() + 5_000).toUTCString() } });
      const outcome = await bed.client.sendContact(CREATE_TARGET, contact('date@example.com'));
      assert.equal(outcome.kind, 'created');
      assert.deepEqual(bed.sleeper.delays, [5_000]);
    }));

  it('without any header the ten-second policy waits 10 s, the old secondly policy 1 s', () =>
    withBed({}, async (bed) => {
      bed.sandbox.inject({ status: 429 });
      bed.sandbox.inject({ status: 429, body: { status: 'error', message: 'You have reached your secondly limit.', errorType: 'RATE_LIMIT', policyName: 'SECONDLY' } });
      const outcome = await bed.client.sendContact(CREATE_TARGET, contact('fallback@example.com'));
      assert.equal(outcome.kind, 'created');
      assert.deepEqual(bed.statuses(), [429, 429, 200]);
      assert.deepEqual(bed.sleeper.delays, [10_000, 1_000]);
    }));

  it('DAILY is never retried', () =>
    withBed({ sandbox: { rateLimits: { daily: 1 } } }, async (bed) => {
      await bed.client.sendContact(CREATE_TARGET, contact('today@example.com'));
      const outcome = await bed.client.sendContact(CREATE_TARGET, contact('tomorrow@example.com'));

      assert.ok(outcome.kind === 'rateLimited');
      assert.equal(outcome.daily, true);
      assert.equal(outcome.policyName, 'DAILY');
      assert.equal(outcome.retryAfterMs, undefined);
      assert.equal(outcome.rateLimit.dailyRemaining, 0);
      assert.equal(outcome.summary, "429 Too Many Requests — daily API limit reached; it resets at midnight in the HubSpot account's time zone");
      assert.deepEqual(bed.statuses(), [200, 429]);
      assert.deepEqual(bed.sleeper.delays, []);
    }));

  it('a wait longer than maxDelayMs ends the retries and says when to retry', () =>
    withBed({}, async (bed) => {
      bed.sandbox.inject({ status: 429, headers: { 'Retry-After': '60' } });
      const outcome = await bed.client.sendContact(CREATE_TARGET, contact('patient@example.com'));

      assert.ok(outcome.kind === 'rateLimited');
      assert.equal(outcome.retryAfterMs, 60_000);
      assert.equal(outcome.summary, '429 Too Many Requests — ten-second rate limit reached; retry in 60 s; not retried: HubSpot asks to wait 60 s, longer than the 30 s allowed');
      assert.deepEqual(bed.statuses(), [429]);
    }));

  it('gives up after maxRetries and reports the limit', () =>
    withBed({ sandbox: { rateLimits: { burst: 0 } }, client: { retry: { maxRetries: 2, baseDelayMs: 100, maxDelayMs: 30_000 } } }, async (bed) => {
      const outcome = await bed.client.sendContact(CREATE_TARGET, contact('never@example.com'));
      assert.ok(outcome.kind === 'rateLimited');
      assert.equal(outcome.summary, '429 Too Many Requests — ten-second rate limit reached; retry in 10 s; gave up after 2 retries');
      assert.deepEqual(bed.statuses(), [429, 429, 429]);
      assert.deepEqual(bed.sleeper.delays, [10_000, 10_000]);
    }));
});

describe('statuses that are never retried', () => {
  it('400, 401, 403, 404 and 409 are sent once', () =>
    withBed({}, async (bed) => {
      const existing = bed.sandbox.contacts.create({ email: 'dup@example.com' });
      const wrongToken = createHubSpotClient({ baseUrl: bed.sandbox.url, token: 'pat-na1-wrong-wrong-wrong', env: {}, sleep: bed.sleeper.sleep });
      const readOnly = createHubSpotClient({ baseUrl: bed.sandbox.url, token: bed.sandbox.readOnlyToken, env: {}, sleep: bed.sleeper.sleep });
      try {
        const kinds = [
          (await bed.client.sendContact(CREATE_TARGET, contact('not-an-email'))).kind,
          (await wrongToken.sendContact(CREATE_TARGET, contact('a@example.com'))).kind,
          (await readOnly.sendContact(CREATE_TARGET, contact('b@example.com'))).kind,
          (await bed.client.sendContact(updateTarget(999_999), contact('c@example.com'))).kind,
          (await bed.client.sendContact(CREATE_TARGET, contact('dup@example.com'))).kind,
        ];
        assert.deepEqual(kinds, ['validationFailed', 'unauthorized', 'forbidden', 'notFound', 'alreadyExists']);
        assert.deepEqual(bed.statuses(), [400, 401, 403, 404, 409]);
        assert.deepEqual(bed.sleeper.delays, []);
        assert.equal(bed.sandbox.contacts.findByEmail('dup@example.com')?.vid, existing.vid);
      } finally {
        await wrongToken.close();
        await readOnly.close();
      }
    }));
});

describe('server errors', () => {
  it('an update is retried after 503 with exponential backoff and jitter', () =>
    withBed({}, async (bed) => {
      const { vid } = bed.sandbox.contacts.create({ email: 'u@example.com' });
      bed.sandbox.inject({ status: 503, times: 2, route: 'updateContact' });
      const outcome = await bed.client.sendContact(updateTarget(vid), [{ property: 'city', value: 'Boston' }]);

      assert.equal(outcome.kind, 'updated');
      assert.deepEqual(bed.statuses(), [503, 503, 204]);
      // Ceilings 100 and 200 ms; half of each is certain, the other half scaled by random() = 0.5.
      assert.deepEqual(bed.sleeper.delays, [75, 150]);
      assert.equal(outcome.retries, 2);
      assert.equal(outcome.mayHaveBeenApplied, false);
      assert.equal(outcome.summary, `204 No Content — contact ${vid} updated in 0 ms (after 2 retries)`);
    }));

  it('the backoff is capped by maxDelayMs and the retries by maxRetries', () =>
    withBed({ client: { retry: { maxRetries: 3, baseDelayMs: 100, maxDelayMs: 250 } } }, async (bed) => {
      const { vid } = bed.sandbox.contacts.create({ email: 'cap@example.com' });
      bed.sandbox.inject({ status: 500, times: 10 });
      const outcome = await bed.client.sendContact(updateTarget(vid), [{ property: 'city', value: 'Boston' }]);

      assert.ok(outcome.kind === 'serverError');
      assert.deepEqual(bed.statuses(), [500, 500, 500, 500]);
      assert.deepEqual(bed.sleeper.delays, [75, 150, 188]);
      assert.equal(outcome.mayHaveBeenApplied, true);
      assert.equal(outcome.summary, '500 Internal Server Error — HubSpot failed to answer the request; the update may have been applied; gave up after 3 retries');
      assert.equal(bed.logs.at(-1)?.level, 'error');
    }));

  it('each listed 5xx and 477 is retried; 477 honours Retry-After', () =>
    withBed({ client: { retry: { maxRetries: 10, baseDelayMs: 100, maxDelayMs: 30_000 } } }, async (bed) => {
      const { vid } = bed.sandbox.contacts.create({ email: 'many@example.com' });
      for (const status of [500, 502, 503, 504, 521, 523, 524]) bed.sandbox.inject({ status });
      bed.sandbox.inject({ status: 477, headers: { 'Retry-After': '2' } });
      const outcome = await bed.client.sendContact(updateTarget(vid), [{ property: 'city', value: 'Boston' }]);

      assert.equal(outcome.kind, 'updated');
      assert.deepEqual(bed.statuses(), [500, 502, 503, 504, 521, 523, 524, 477, 204]);
      assert.equal(bed.sleeper.delays.at(-1), 2_000);
    }));

  it('a 5xx not on the list (501) is not retried', () =>
    withBed({}, async (bed) => {
      bed.sandbox.inject({ status: 501 });
      const outcome = await bed.client.sendContact(CREATE_TARGET, contact('impl@example.com'));
      assert.equal(outcome.kind, 'serverError');
      assert.deepEqual(bed.statuses(), [501]);
    }));

  it('a create with an email is resent after 503: a duplicate would answer 409', () =>
    withBed({}, async (bed) => {
      bed.sandbox.inject({ status: 503 });
      const outcome = await bed.client.sendContact(CREATE_TARGET, contact('resend@example.com'));
      assert.ok(outcome.kind === 'created');
      assert.equal(outcome.createdOnEarlierAttempt, false);
      assert.deepEqual(bed.statuses(), [503, 200]);
      assert.equal(bed.sandbox.contacts.size, 1);
    }));

  it('a create without an email is not resent after 503: it could create a twin', () =>
    withBed({}, async (bed) => {
      bed.sandbox.inject({ status: 503 });
      const outcome = await bed.client.sendContact(CREATE_TARGET, [{ property: 'firstname', value: 'Anon' }]);
      assert.ok(outcome.kind === 'serverError');
      assert.equal(outcome.mayHaveBeenApplied, true);
      assert.equal(
        outcome.summary,
        '503 Service Unavailable — HubSpot failed to answer the request; the contact may have been created — check HubSpot before sending again; ' +
          'not resent: without an email HubSpot cannot tell a second create from a new contact',
      );
      assert.deepEqual(bed.statuses(), [503]);
    }));
});

describe('a create whose answer was lost', () => {
  it('reset after the contact was stored: the retry meets 409, the read shows the lost attempt created it', () =>
    withBed({}, async (bed) => {
      bed.sandbox.inject({ createThenReset: true });
      const outcome = await bed.client.sendContact(CREATE_TARGET, contact('lost@example.com'));

      const stored = bed.sandbox.contacts.findByEmail('lost@example.com');
      assert.ok(stored);
      assert.equal(bed.sandbox.contacts.size, 1);
      assert.deepEqual(bed.statuses(), [undefined, 409, 200]);
      assert.ok(outcome.kind === 'created');
      assert.equal(outcome.vid, stored.vid);
      assert.equal(outcome.createdOnEarlierAttempt, true);
      assert.equal(outcome.portalId, 62515);
      assert.equal(outcome.status, 409);
      assert.equal(outcome.mayHaveBeenApplied, false);
      assert.equal(
        outcome.summary,
        `409 Conflict — contact ${stored.vid} was created by an earlier attempt whose answer was lost; HubSpot applied that request, so it holds this file's values (after 1 retry)`,
      );
      assert.deepEqual(
        bed.logs.map((entry) => [entry.method, entry.outcome, entry.reason, entry.retryInMs]),
        [
          ['POST', 'networkError', 'reset', 75],
          ['POST', 'alreadyExists', undefined, undefined],
          ['GET', undefined, undefined, undefined],
        ],
      );
    }));

  it('a 409 after a refusal (nothing was processed) stays a conflict', () =>
    withBed({}, async (bed) => {
      const existing = bed.sandbox.contacts.create({ email: 'there@example.com' });
      bed.sandbox.inject({ status: 429 });
      const outcome = await bed.client.sendContact(CREATE_TARGET, contact('there@example.com'));
      assert.ok(outcome.kind === 'alreadyExists');
      assert.equal(outcome.vid, existing.vid);
      assert.deepEqual(bed.statuses(), [429, 409]);
    }));

  it('without an email the lost create is not resent and the outcome warns', () =>
    withBed({}, async (bed) => {
      bed.sandbox.inject({ createThenReset: true });
      const outcome = await bed.client.sendContact(CREATE_TARGET, [{ property: 'firstname', value: 'Nameless' }]);
      assert.ok(outcome.kind === 'networkError');
      assert.equal(outcome.reason, 'reset');
      assert.equal(outcome.mayHaveBeenApplied, true);
      assert.equal(bed.sandbox.contacts.size, 1);
      assert.deepEqual(bed.statuses(), [undefined]);
      assert.equal(
        outcome.summary,
        `No response — the connection to 127.0.0.1:${bed.sandbox.port} was closed before the answer arrived; ` +
          'the contact may have been created — check HubSpot before sending again; ' +
          'not resent: without an email HubSpot cannot tell a second create from a new contact',
      );
    }));

  it('an update is resent after a reset (it is idempotent)', () =>
    withBed({}, async (bed) => {
      const { vid } = bed.sandbox.contacts.create({ email: 'idem@example.com' });
      bed.sandbox.inject({ reset: true });
      const outcome = await bed.client.sendContact(updateTarget(vid), [{ property: 'city', value: 'Paris' }]);
      assert.equal(outcome.kind, 'updated');
      assert.deepEqual(bed.statuses(), [undefined, 204]);
    }));
});

describe('connection refused', () => {
  it('is retried even for a create without an email (nothing reached the server), then reported', async () => {
    const port = await closedPort();
    const clock = createFakeClock();
    const sleeper = recordingSleep(clock);
    const client = createHubSpotClient({
      baseUrl: `http://127.0.0.1:${port}`,
      token: 'pat-na1-refused-refused-refused',
      env: {},
      retry: { maxRetries: 2, baseDelayMs: 100, maxDelayMs: 1_000 },
      sleep: sleeper.sleep,
      now: clock.now,
      random: () => 0,
    });
    try {
      const outcome = await client.sendContact(CREATE_TARGET, [{ property: 'firstname', value: 'Nobody' }]);
      assert.ok(outcome.kind === 'networkError');
      assert.equal(outcome.reason, 'refused');
      assert.equal(outcome.mayHaveReachedServer, false);
      assert.equal(outcome.mayHaveBeenApplied, false);
      assert.equal(outcome.status, undefined);
      assert.deepEqual(sleeper.delays, [50, 100]);
      assert.equal(outcome.summary, `No response — 127.0.0.1:${port} refused the connection (is the server running?); nothing reached HubSpot; gave up after 2 retries`);
    } finally {
      await client.close();
    }
  });

  it('nonsense retry settings are clamped: a negative count means no retries', async () => {
    const port = await closedPort();
    const client = createHubSpotClient({
      baseUrl: `http://127.0.0.1:${port}`,
      token: 'pat-na1-refused-refused-refused',
      env: {},
      retry: { maxRetries: -2, baseDelayMs: Number.NaN, maxDelayMs: 2.7 },
    });
    try {
      const outcome = await client.sendContact(CREATE_TARGET, contact('clamped@example.com'));
      assert.equal(outcome.retries, 0);
      assert.equal(outcome.retryNote, 'retries are turned off');
    } finally {
      await client.close();
    }
  });

  it('retries can be turned off', async () => {
    const port = await closedPort();
    const client = createHubSpotClient({ baseUrl: `http://localhost:${port}`, token: 'pat-na1-refused-refused-refused', env: {}, retry: { maxRetries: 0 } });
    try {
      const outcome = await client.sendContact(CREATE_TARGET, contact('off@example.com'));
      assert.equal(outcome.summary, `No response — localhost:${port} refused the connection (is the server running?); nothing reached HubSpot; retries are turned off`);
    } finally {
      await client.close();
    }
  });
});
