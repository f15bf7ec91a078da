// When a batch request is sent again: idempotent operations after 5xx and lost answers, a create only
// when it provably did not reach HubSpot, never after the daily limit.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { JsonAttempt } from '../../../../client/src/hubspot/hubspotClient';
import { batchRetry, type BatchRetryOptions } from '../../../../client/src/seed/batchRetry';
import type { LimitReading } from '../../../../client/src/seed/rateLimiter';

const OPTIONS: BatchRetryOptions = { retry: { maxRetries: 3, baseDelayMs: 500, maxDelayMs: 30_000 }, random: () => 0.5, nowMs: Date.UTC(2026, 11, 1) };

const response = (status: number, headers: Record<string, string> = {}): JsonAttempt => ({ kind: 'response', status, headers, body: {}, durationMs: 5, correlationId: 'c' });
const lost: JsonAttempt = { kind: 'failed', reason: 'reset', mayHaveReachedServer: true, message: 'socket hang up', durationMs: 5 };
const refused: JsonAttempt = { kind: 'failed', reason: 'refused', mayHaveReachedServer: false, message: 'connect ECONNREFUSED', durationMs: 1 };
const dns: JsonAttempt = { kind: 'failed', reason: 'dns', mayHaveReachedServer: false, message: 'getaddrinfo ENOTFOUND', durationMs: 1 };
const burst: LimitReading = { kind: 'burst', waitMs: 2_000 };
const OK: LimitReading = { kind: 'ok' };

describe('batchRetry', () => {
  it('upsert, update and read retry a retryable 5xx and a lost answer with the retry policy backoff', () => {
    for (const operation of ['upsert', 'update', 'read'] as const) {
      assert.deepEqual(batchRetry(operation, response(503), OK, 0, OPTIONS), { kind: 'retry', delayMs: 375, cause: '503' }, operation);
      assert.deepEqual(batchRetry(operation, lost, undefined, 1, OPTIONS), { kind: 'retry', delayMs: 750, cause: 'reset' }, operation);
    }
  });

  it('a 5xx with Retry-After waits as long as HubSpot says; longer than allowed gives up', () => {
    assert.deepEqual(batchRetry('upsert', response(477, { 'retry-after': '4' }), OK, 0, OPTIONS), { kind: 'retry', delayMs: 4_000, cause: '477' });
    const decision = batchRetry('upsert', response(503, { 'retry-after': '60' }), OK, 0, OPTIONS);
    assert.equal(decision.kind, 'giveUp');
  });

  it('gives up after maxRetries, saying so', () => {
    assert.deepEqual(batchRetry('upsert', response(502), OK, 3, OPTIONS), { kind: 'giveUp', note: 'gave up after 3 retries', daily: false });
  });

  it('a create is resent after a refused connection and a 429, and never after it may have reached HubSpot', () => {
    assert.equal(batchRetry('create', refused, undefined, 0, OPTIONS).kind, 'retry');
    assert.deepEqual(batchRetry('create', response(429), burst, 0, OPTIONS), { kind: 'retry', delayMs: 2_000, cause: '429 rate limit' });
    for (const attempt of [response(503), response(501), lost, { kind: 'cancelled', mayHaveReachedServer: true } as const]) {
      const decision = batchRetry('create', attempt, OK, 0, OPTIONS);
      assert.equal(decision.kind, 'uncertain', JSON.stringify(attempt));
      assert.match(decision.kind === 'uncertain' ? decision.reason : '', /may have been created/);
    }
  });

  it('the 429 burst wait is the limiter reading; 429 DAILY gives up and says stop', () => {
    assert.deepEqual(batchRetry('read', response(429), burst, 0, OPTIONS), { kind: 'retry', delayMs: 2_000, cause: '429 rate limit' });
    assert.deepEqual(batchRetry('upsert', response(429), { kind: 'daily', message: 'daily limit' }, 0, OPTIONS), { kind: 'giveUp', note: 'daily limit', daily: true });
  });

  it('answers to read: 2xx, 4xx and a 5xx not worth retrying for idempotent operations; a 2xx with the daily reading is still read', () => {
    for (const status of [200, 201, 207, 400, 401, 403, 501]) assert.deepEqual(batchRetry('upsert', response(status), OK, 0, OPTIONS), { kind: 'read' }, String(status));
    assert.deepEqual(batchRetry('create', response(201), OK, 0, OPTIONS), { kind: 'read' });
    assert.deepEqual(batchRetry('create', response(400), OK, 0, OPTIONS), { kind: 'read' });
    assert.deepEqual(batchRetry('upsert', response(200), { kind: 'daily', message: 'used up' }, 0, OPTIONS), { kind: 'read' });
  });

  it('gives up on failures that would repeat (DNS, oversized, not sent) and on a cancel, for every operation', () => {
    const oversized: JsonAttempt = { kind: 'failed', reason: 'oversized', mayHaveReachedServer: true, message: 'too large', durationMs: 1 };
    const notSent: JsonAttempt = { kind: 'failed', reason: 'notSent', mayHaveReachedServer: false, message: 'closed', durationMs: 0 };
    assert.deepEqual(batchRetry('upsert', dns, undefined, 0, OPTIONS), { kind: 'giveUp', note: 'getaddrinfo ENOTFOUND', daily: false });
    assert.deepEqual(batchRetry('create', dns, undefined, 0, OPTIONS), { kind: 'giveUp', note: 'getaddrinfo ENOTFOUND', daily: false });
    assert.deepEqual(batchRetry('update', oversized, undefined, 0, OPTIONS), { kind: 'giveUp', note: 'too large', daily: false });
    assert.deepEqual(batchRetry('create', notSent, undefined, 0, OPTIONS), { kind: 'giveUp', note: 'closed', daily: false });
    assert.deepEqual(batchRetry('upsert', { kind: 'cancelled', mayHaveReachedServer: true }, undefined, 0, OPTIONS), { kind: 'giveUp', note: 'cancelled', daily: false });
    assert.deepEqual(batchRetry('create', { kind: 'cancelled', mayHaveReachedServer: false }, undefined, 0, OPTIONS), { kind: 'giveUp', note: 'cancelled', daily: false });
  });
});
