// The seed run's rate limiter on a virtual clock, against the sandbox's own model of HubSpot's
// rolling window (test/sandbox/rateLimiter.ts): what it lets out before it knows the limit, how fast
// it sends once it does, what it makes of `remaining` when another client shares the limit, and how
// a 429 pauses every request.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRateLimiter, type LimitReading, type RateLimiter, type RequestSlot } from '../../../../client/src/seed/rateLimiter';
import { createRateLimiter as hubSpotWindow, DEFAULT_RATE_LIMITS, type RateLimits } from '../../../sandbox/rateLimiter';
import { seededRandom } from '../../../sandbox/seededRandom';
import { virtualTime, type VirtualTime } from './virtualTime';

function lowerCased(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}

interface Bed {
  readonly time: VirtualTime;
  readonly limiter: RateLimiter;
  /** HubSpot's window, on the same clock. */
  readonly server: ReturnType<typeof hubSpotWindow>;
  /**
   * One request: a slot, part of the latency on the way there (drawn by a seed, 5 % to 95 %), HubSpot
   * counts it, the rest on the way back; sent again after a 429's pause. Resolves to the 429s it met.
   */
  readonly send: (latencyMs: number, limiter?: RateLimiter) => Promise<number>;
}

function bed(limits: Partial<RateLimits>, maxInFlight?: number): Bed {
  const time = virtualTime();
  const limiter = createRateLimiter({ now: time.now, sleep: time.sleep, ...(maxInFlight === undefined ? {} : { maxInFlight }) });
  const server = hubSpotWindow({ ...DEFAULT_RATE_LIMITS, ...limits }, time.now);
  // Legs of unequal length: a limiter that counted from the start would let a quick request overtake a slow one's place.
  const leg = seededRandom(13);
  return {
    time,
    limiter,
    server,
    async send(latencyMs, by = limiter) {
      for (let refused = 0; ; refused++) {
        const slot: RequestSlot = await by.acquire();
        const there = Math.round(latencyMs * (0.05 + 0.9 * leg()));
        await time.sleep(there);
        const verdict = server.take();
        await time.sleep(latencyMs - there);
        const reading: LimitReading = slot.done({ status: verdict.allowed ? 200 : 429, headers: lowerCased(verdict.headers), body: verdict.allowed ? {} : { policyName: verdict.policyName } });
        if (reading.kind === 'ok') return refused;
        assert.equal(reading.kind, 'burst');
      }
    },
  };
}

/** Whether the promise is still pending after every queued callback ran. */
async function pending(time: VirtualTime, promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  void promise.then(() => (settled = true), () => (settled = true));
  await time.run(Promise.resolve());
  await new Promise((resolve) => setImmediate(resolve));
  return !settled;
}

const answer = (headers: Record<string, string>, status = 200, body: unknown = {}) => ({ status, headers, body });
const LIMIT_HEADERS = { 'x-hubspot-ratelimit-max': '20', 'x-hubspot-ratelimit-interval-milliseconds': '2000' };

describe('seed rate limiter', () => {
  it('lets one request out until an answer names the limit, then as many as the limit and maxInFlight allow', async () => {
    const { time, limiter } = bed({});
    const first = await time.run(limiter.acquire());
    const second = limiter.acquire();
    assert.ok(await pending(time, second), 'a second request waits for the first answer');
    first.done(answer({ ...LIMIT_HEADERS, 'x-hubspot-ratelimit-remaining': '19' }));
    await time.run(second);
    const more = await time.run(Promise.all(Array.from({ length: 9 }, () => limiter.acquire())));
    assert.equal(more.length, 9, '10 in flight: the default cap');
    assert.ok(await pending(time, limiter.acquire()), 'the 11th waits for an answer although the window has room');
  });

  it('100 requests at 20 per 2 s: no 429, done within 1.1 × the bound the limit forces (8 s + latency)', async () => {
    const { time, limiter, send } = bed({ burst: 20, intervalMs: 2_000 });
    const latencyMs = 60;
    const startedAt = time.now();
    const refusals = await time.run(Promise.all(Array.from({ length: 100 }, () => send(latencyMs))));
    const elapsedMs = time.now() - startedAt;
    assert.equal(refusals.reduce((sum, count) => sum + count, 0), 0);
    const lowerBoundMs = 4 * 2_000 + latencyMs;
    assert.ok(elapsedMs >= lowerBoundMs, `${elapsedMs} ms`);
    assert.ok(elapsedMs <= 1.1 * lowerBoundMs, `${elapsedMs} ms against a bound of ${lowerBoundMs} ms`);
    assert.ok(limiter.ratePerSecond > 0 && limiter.ratePerSecond <= 10, `${limiter.ratePerSecond}/s`);
  });

  // The seed command reads the account details just before its first batch: a request HubSpot counts
  // that the limiter never saw. Taking its concurrent requests as counted by the first answer, the
  // limiter let 20 of its own into the window beside it, and the 21st met a 429.
  it('another request in the window just before a burst: its own requests sent together meet no 429', async () => {
    const { time, server, send } = bed({ burst: 20, intervalMs: 2_000 });
    server.take();
    const refusals = await time.run(Promise.all(Array.from({ length: 60 }, () => send(20))));
    assert.equal(refusals.reduce((sum, count) => sum + count, 0), 0);
  });

  it('paces by the limit HubSpot names, whatever it is: 190 per 10 s, 400 requests, no 429', async () => {
    const { time, send } = bed({ burst: 190, intervalMs: 10_000 });
    const startedAt = time.now();
    const refusals = await time.run(Promise.all(Array.from({ length: 400 }, () => send(40))));
    assert.equal(refusals.reduce((sum, count) => sum + count, 0), 0);
    assert.ok(time.now() - startedAt <= 1.1 * (2 * 10_000 + 40), `${time.now() - startedAt} ms`);
  });

  // Two runs starting together in lockstep are the worst case: each reads the same room at the same
  // moment and takes it. Taking the whole limit each, they meet 77 429s here; reading `remaining`
  // and halving their share after a burst of 429s, 15.
  it('two runs sharing one limit in lockstep: at most 25 429s in 100 requests, done within 14 s (the limit alone forces 8 s)', async () => {
    const first = bed({ burst: 20, intervalMs: 2_000 });
    // A second run on the same app: its own limiter, HubSpot's one window, the same clock.
    const second = createRateLimiter({ now: first.time.now, sleep: first.time.sleep });
    const both = Promise.all([...Array.from({ length: 50 }, () => first.send(60)), ...Array.from({ length: 50 }, () => first.send(60, second))]);
    const startedAt = first.time.now();
    const refusals = (await first.time.run(both)).reduce((sum, count) => sum + count, 0);
    assert.ok(refusals <= 25, `${refusals} 429s`);
    assert.ok(first.time.now() - startedAt <= 14_000, `${first.time.now() - startedAt} ms`);
  });

  it('a place stays taken for an interval after the answer: after remaining 0 nothing starts before the window rolls on', async () => {
    const { time, limiter } = bed({});
    const slot = await time.run(limiter.acquire());
    const answeredAt = time.now();
    slot.done(answer({ 'x-hubspot-ratelimit-max': '1', 'x-hubspot-ratelimit-interval-milliseconds': '2000', 'x-hubspot-ratelimit-remaining': '0' }));
    await time.run(limiter.acquire());
    assert.equal(time.now() - answeredAt, 2_000);
  });

  it('a 429 pauses every request for Retry-After, else the interval header, else 10 s', async () => {
    const cases: { headers: Record<string, string>; waitMs: number }[] = [
      { headers: { ...LIMIT_HEADERS, 'retry-after': '3' }, waitMs: 3_000 },
      { headers: LIMIT_HEADERS, waitMs: 2_000 },
      { headers: {}, waitMs: 10_000 },
    ];
    for (const { headers, waitMs } of cases) {
      const { time, limiter } = bed({});
      const slot = await time.run(limiter.acquire());
      const reading: LimitReading = slot.done(answer(headers, 429, { policyName: 'TEN_SECONDLY_ROLLING' }));
      assert.deepEqual(reading, { kind: 'burst', waitMs });
      const pausedAt = time.now();
      await time.run(Promise.all([limiter.acquire(), limiter.acquire()]).catch(() => []));
      assert.equal(time.now() - pausedAt, waitMs, JSON.stringify(headers));
    }
  });

  it('429 DAILY, and a success with Daily-Remaining 0, read as daily: stop the run', async () => {
    const { time, limiter } = bed({});
    const daily = (await time.run(limiter.acquire())).done(answer({ 'x-hubspot-ratelimit-daily-remaining': '0' }, 429, { policyName: 'DAILY', message: 'You have reached your daily limit.' }));
    assert.equal(daily.kind, 'daily');
    assert.match(daily.kind === 'daily' ? daily.message : '', /You have reached your daily limit/);
    const last = (await time.run(limiter.acquire())).done(answer({ ...LIMIT_HEADERS, 'x-hubspot-ratelimit-daily': '250000', 'x-hubspot-ratelimit-daily-remaining': '0' }));
    assert.equal(last.kind, 'daily');
    const fine = (await time.run(limiter.acquire())).done(answer({ ...LIMIT_HEADERS, 'x-hubspot-ratelimit-daily-remaining': '7' }));
    assert.deepEqual(fine, { kind: 'ok' });
  });

  it('a failed request frees its place in flight at once: the next probe starts without waiting', async () => {
    const { time, limiter } = bed({});
    (await time.run(limiter.acquire())).failed();
    const startedAt = time.now();
    await time.run(limiter.acquire());
    assert.equal(time.now(), startedAt);
  });

  it('answers without the headers (a proxy stripped them): it assumes 100 per 10 s, the lowest limit HubSpot documents', async () => {
    const { time, limiter } = bed({});
    const startedAt = time.now();
    for (let index = 0; index < 100; index++) (await time.run(limiter.acquire())).done(answer({}));
    assert.equal(time.now(), startedAt, '100 start at once');
    await time.run(limiter.acquire());
    assert.equal(time.now() - startedAt, 10_000, 'the 101st when the first leaves the window');
  });

  it('acquire rejects with an AbortError when its signal aborts while it waits', async () => {
    const { time, limiter } = bed({});
    await time.run(limiter.acquire());
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    assert.ok(await pending(time, waiting));
    controller.abort();
    await assert.rejects(waiting, { name: 'AbortError' });
    await assert.rejects(limiter.acquire(controller.signal), { name: 'AbortError' });
  });
});
