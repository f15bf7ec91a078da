// The seed rate limiter against the sandbox's rate limit (20 requests per rolling 2 s): 100 batch
// upserts sent through it finish with no more than a few 429s, alone and with a second run sharing
// the limit (each learns of the other only from X-HubSpot-RateLimit-Remaining and its 429s). Real
// time: the bounds are generous, not benchmarks; the sandbox's own time per batch grows with its
// store (it looks emails up one contact at a time), so the run is slower than the limit alone makes it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { batchPath, batchWriteBody, readBatchWriteAnswer, type BatchWriteInput } from '../../../client/src/hubspot/contactsBatch';
import { createHubSpotClient, type HubSpotClient } from '../../../client/src/hubspot/hubspotClient';
import { normaliseRetryOptions } from '../../../client/src/hubspot/retryPolicy';
import { batchRetry } from '../../../client/src/seed/batchRetry';
import { createRateLimiter, type RateLimiter } from '../../../client/src/seed/rateLimiter';
import { startSandbox, type Sandbox } from '../../sandbox/sandbox';

const TEST_BOUND = { timeout: 120_000 };
const RETRY = normaliseRetryOptions({ maxRetries: 5 });

/** Sends `count` upserts of 100 contacts through the limiter, retried as batchRetry says; resolves when all are answered. */
async function upsertAll(client: HubSpotClient, limiter: RateLimiter, name: string, count: number): Promise<void> {
  await Promise.all(
    Array.from({ length: count }, async (_, batch) => {
      const inputs = Array.from({ length: 100 }, (_, index): BatchWriteInput => ({ traceId: `t${index}`, email: `${name}-${batch}-${index}@example.com`, properties: [] }));
      const body = batchWriteBody('upsert', inputs);
      for (let retries = 0; ; retries++) {
        const slot = await limiter.acquire();
        const attempt = await client.postJson(batchPath('2026-03', 'upsert'), body);
        const reading = attempt.kind === 'response' ? slot.done(attempt) : (slot.failed(), undefined);
        const decision = batchRetry('upsert', attempt, reading, retries, { retry: RETRY, random: Math.random, nowMs: Date.now() });
        if (decision.kind === 'retry') continue;
        assert.equal(decision.kind, 'read', JSON.stringify(decision));
        assert.ok(attempt.kind === 'response');
        const answer = readBatchWriteAnswer('upsert', inputs, attempt.status, attempt.body);
        assert.ok(answer.kind === 'answered' && answer.unmatched.length === 0 && [...answer.results.values()].every((result) => result.outcome === 'created'));
        return;
      }
    }),
  );
}

async function withSandbox(run: (sandbox: Sandbox, client: () => HubSpotClient) => Promise<void>): Promise<void> {
  const sandbox = await startSandbox({ rateLimits: { burst: 20, intervalMs: 2_000 } });
  const clients: HubSpotClient[] = [];
  try {
    await run(sandbox, () => {
      const client = createHubSpotClient({ baseUrl: sandbox.url, token: sandbox.token, env: {}, timeouts: { totalMs: 20_000 } });
      clients.push(client);
      return client;
    });
  } finally {
    await Promise.all(clients.map((client) => client.close()));
    await sandbox.stop();
  }
}

const refusals = (sandbox: Sandbox): number => sandbox.requests.filter((request) => request.status === 429).length;

describe('seed rate limiter against the sandbox at 20 requests per 2 s', () => {
  it('100 batch upserts (10 000 contacts) finish within 60 s with at most 2 429s', TEST_BOUND, async (t) => {
    await withSandbox(async (sandbox, client) => {
      const startedAt = Date.now();
      await upsertAll(client(), createRateLimiter(), 'alone', 100);
      const elapsedMs = Date.now() - startedAt;
      assert.equal(sandbox.contacts.all().length, 10_000);
      assert.ok(refusals(sandbox) <= 2, `${refusals(sandbox)} 429s`);
      assert.ok(elapsedMs < 60_000, `${elapsedMs} ms`);
      t.diagnostic(`alone: ${elapsedMs} ms, ${refusals(sandbox)} 429s`);
    });
  });

  it('two runs of 50 batches sharing the limit, each with its own limiter, finish within 60 s with at most 25 429s', TEST_BOUND, async (t) => {
    await withSandbox(async (sandbox, client) => {
      const startedAt = Date.now();
      await Promise.all([upsertAll(client(), createRateLimiter(), 'first', 50), upsertAll(client(), createRateLimiter(), 'second', 50)]);
      const elapsedMs = Date.now() - startedAt;
      assert.equal(sandbox.contacts.all().length, 10_000);
      assert.ok(refusals(sandbox) <= 25, `${refusals(sandbox)} 429s`);
      assert.ok(elapsedMs < 60_000, `${elapsedMs} ms`);
      t.diagnostic(`shared: ${elapsedMs} ms, ${refusals(sandbox)} 429s`);
    });
  });
});
