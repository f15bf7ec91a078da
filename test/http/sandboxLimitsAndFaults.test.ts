// The sandbox's rate limits as options (a rolling window of N requests per interval, a daily
// allowance) and its random faults (5xx without applying, lost answers after applying), on the batch
// routes: the headers and 429 bodies of hubspot-contacts-api.md §3.5 and §5, and faults that a seed replays.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startSandbox, type Sandbox, type SandboxOptions } from '../sandbox/sandbox';
import { createFakeClock } from './support';

const UPSERT = '/crm/objects/2026-03/contacts/batch/upsert';
const REQUEST_DEADLINE_MS = 10_000;

function upsert(sandbox: Sandbox, email: string): Promise<Response> {
  return fetch(`${sandbox.url}${UPSERT}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${sandbox.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ inputs: [{ idProperty: 'email', id: email, properties: {}, objectWriteTraceId: email }] }),
    signal: AbortSignal.timeout(REQUEST_DEADLINE_MS),
  });
}

async function withSandbox(options: SandboxOptions, run: (sandbox: Sandbox) => Promise<void>): Promise<void> {
  const sandbox = await startSandbox(options);
  try {
    await run(sandbox);
  } finally {
    await sandbox.stop();
  }
}

const RATE_HEADERS = ['x-hubspot-ratelimit-max', 'x-hubspot-ratelimit-remaining', 'x-hubspot-ratelimit-interval-milliseconds', 'x-hubspot-ratelimit-daily', 'x-hubspot-ratelimit-daily-remaining'];

function rateHeaders(response: Response): string[] {
  return RATE_HEADERS.map((name) => response.headers.get(name) ?? 'absent');
}

describe('sandbox rate limits as options', () => {
  it('3 requests per rolling 2 s: the headers count down, the 4th is 429 TEN_SECONDLY_ROLLING, and the window rolls on', async () => {
    const clock = createFakeClock();
    await withSandbox({ now: clock.now, rateLimits: { burst: 3, intervalMs: 2_000 } }, async (sandbox) => {
      const answers: Response[] = [];
      for (const index of [1, 2, 3]) {
        answers.push(await upsert(sandbox, `window${index}@example.com`));
        clock.advance(500);
      }
      assert.deepEqual(answers.map((response) => response.status), [200, 200, 200]);
      assert.deepEqual(answers.map((response) => response.headers.get('x-hubspot-ratelimit-remaining')), ['2', '1', '0']);
      assert.deepEqual(rateHeaders(answers[0]), ['3', '2', '2000', '250000', '249999']);

      const limited = await upsert(sandbox, 'window4@example.com');
      assert.equal(limited.status, 429);
      assert.deepEqual(rateHeaders(limited), ['3', '0', '2000', '250000', '249997']);
      const body = (await limited.json()) as { errorType: string; policyName: string; message: string };
      assert.deepEqual(body.errorType, 'RATE_LIMIT');
      assert.equal(body.policyName, 'TEN_SECONDLY_ROLLING');
      assert.equal(sandbox.contacts.findByEmail('window4@example.com'), undefined, 'a refused batch is not applied');

      // 2 s after the first request it leaves the window: one more is allowed, not four.
      clock.advance(500);
      assert.equal((await upsert(sandbox, 'window5@example.com')).status, 200);
      assert.equal((await upsert(sandbox, 'window6@example.com')).status, 429);
    });
  });

  it('a daily allowance of 2: the 3rd request is 429 DAILY with Daily-Remaining 0, until the next UTC day', async () => {
    const clock = createFakeClock();
    await withSandbox({ now: clock.now, rateLimits: { daily: 2 } }, async (sandbox) => {
      assert.equal((await upsert(sandbox, 'day1@example.com')).status, 200);
      assert.equal((await upsert(sandbox, 'day2@example.com')).headers.get('x-hubspot-ratelimit-daily-remaining'), '0');
      const limited = await upsert(sandbox, 'day3@example.com');
      assert.equal(limited.status, 429);
      assert.equal(((await limited.json()) as { policyName: string }).policyName, 'DAILY');
      clock.advance(86_400_000);
      assert.equal((await upsert(sandbox, 'day3@example.com')).status, 200);
    });
  });
});

describe('sandbox random faults', () => {
  /** The statuses of 30 upserts ('lost' when no answer came) and whether each contact is stored. */
  async function run(options: SandboxOptions): Promise<{ outcome: number | 'lost'; stored: boolean }[]> {
    const outcomes: { outcome: number | 'lost'; stored: boolean }[] = [];
    await withSandbox(options, async (sandbox) => {
      for (let index = 0; index < 30; index++) {
        const email = `chance${index}@example.com`;
        const outcome = await upsert(sandbox, email).then(
          (response) => response.status,
          () => 'lost' as const,
        );
        outcomes.push({ outcome, stored: sandbox.contacts.findByEmail(email) !== undefined });
      }
    });
    return outcomes;
  }

  it('5xx: some batches answer 502 or 503 and are not applied, the others 200 and applied; the same seed replays the same faults', async () => {
    const options: SandboxOptions = { seed: 42, randomFaults: { serverError: 0.4 } };
    const first = await run(options);
    const statuses = new Set(first.map(({ outcome }) => outcome));
    assert.ok(statuses.has(200) && (statuses.has(502) || statuses.has(503)), `statuses: ${[...statuses].join(', ')}`);
    for (const { outcome, stored } of first) assert.equal(stored, outcome === 200, `a ${outcome} ${stored ? 'was' : 'was not'} applied`);
    assert.deepEqual(await run(options), first);
    assert.notDeepEqual(await run({ ...options, seed: 43 }), first);
  });

  it('lost: the connection drops without an answer, yet the contact exists', async () => {
    const outcomes = await run({ randomFaults: { lost: 1 } });
    assert.deepEqual(new Set(outcomes.map(({ outcome, stored }) => `${outcome} ${stored}`)), new Set(['lost true']));
  });
});
