// Paces a seed run's requests by what HubSpot's answers say of the limit (X-HubSpot-RateLimit-Max,
// -Remaining, -Interval-Milliseconds; hubspot-contacts-api.md §5), not by a fixed delay: one per
// run and account. Until an answer names the limit, one request goes out at a time. Then each of our
// requests holds a place in the window from its start until an interval after its answer arrived:
// HubSpot counted it somewhere in between, so it has surely left HubSpot's rolling window by then,
// and holding fewer than `max` places means HubSpot never sees more than `max` of ours. Another
// client on the same app shows only in `remaining`, which counts its requests too: the last answer's
// `remaining`, less ours still in flight when it came (it may not have counted them), is the room
// HubSpot has; it grows only as our own counted requests leave the window, so places another client
// frees are not taken until an answer shows them free. A 429 pauses every request for as long as
// HubSpot says and halves the share of `max` we take (two runs reading the same room at the same
// moment would both take it); answers without 429 grow it back by about one a window.
import { setTimeout as delay } from 'node:timers/promises';
import { readErrorEnvelope } from '../hubspot/errorBodies';
import type { ResponseHeaders } from '../hubspot/http';
import { classifyRateLimit } from '../hubspot/outcome';
import { readRateLimitHeaders } from '../hubspot/responseHeaders';

export interface RateLimiterOptions {
  /** Epoch ms; a fake clock in tests. */
  readonly now?: () => number;
  /** Must reject or return early when the signal aborts. */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Hard cap on requests in flight at once, default 10. */
  readonly maxInFlight?: number;
}

export interface RateLimiter {
  /** Resolves when one more request may start now without exceeding the window; rejects (AbortError) when the signal aborts. */
  acquire(signal?: AbortSignal): Promise<RequestSlot>;
  /** Requests per second over the last window, for progress. */
  readonly ratePerSecond: number;
}

export interface RequestSlot {
  /**
   * The answer: learns max / remaining / interval (X-HubSpot-RateLimit-*), and on a 429 pauses every
   * slot for as long as HubSpot says (Retry-After, else interval, else 10 s). Returns the 429's reading.
   */
  done(answer: { readonly status: number | undefined; readonly headers: ResponseHeaders; readonly body: unknown }): LimitReading;
  /** No answer (network failure, cancelled). */
  failed(): void;
}

export type LimitReading =
  | { readonly kind: 'ok' }
  /** 429 TEN_SECONDLY_ROLLING (or unnamed): retry after the pause. */
  | { readonly kind: 'burst'; readonly waitMs: number }
  /** 429 DAILY, or Daily-Remaining reached 0: stop the run. */
  | { readonly kind: 'daily'; readonly message: string };

export const DEFAULT_MAX_IN_FLIGHT = 10;

/** Assumed once an answer came without the headers (a proxy may strip them): the lowest burst limit HubSpot documents. */
const FALLBACK_LIMIT: Limit = { max: 100, intervalMs: 10_000 };

interface Limit {
  readonly max: number;
  readonly intervalMs: number;
}

/**
 * What the last answer's `remaining` says: the room HubSpot had for more requests (its `remaining`,
 * less ours in flight when it came, less each started since), and which of ours it counted:
 * each makes room for one more when it leaves the window.
 */
interface Reading {
  room: number;
  /** Ours it counted: each leaves the window an interval after its answer. */
  readonly counted: readonly Hold[];
  /** An interval after the answer everything it counted has left the window: it says nothing of others any more. */
  readonly staleAt: number;
}

/** One of our requests in the window: in flight until its answer (or failure) arrives. */
interface Hold {
  readonly startedAt: number;
  endedAt: number | undefined;
}

export function createRateLimiter(options: RateLimiterOptions = {}): RateLimiter {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number, signal?: AbortSignal) => delay(ms, undefined, { signal }));
  const maxInFlight = Math.max(1, Math.floor(options.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT));
  let limit: Limit | undefined;
  let holds: Hold[] = [];
  let reading: Reading | undefined;
  let pausedUntil = 0;
  /** The share of `max` we take: halved by each burst of 429s, grown back by about one a window of answers. */
  let share = Number.POSITIVE_INFINITY;
  let starts: number[] = [];
  /** Waiting acquirers, woken when an answer or failure may have freed a place or taught the limit. */
  const wakers = new Set<AbortController>();

  /** Our requests still in the window: in flight, or answered less than an interval ago. */
  const ownHeldAt = (at: number, { intervalMs }: Limit): number => {
    holds = holds.filter((hold) => hold.endedAt === undefined || hold.endedAt + intervalMs > at);
    return holds.length;
  };

  /** 0: a request may start now; a number: look again after that long; undefined: only an answer can change it. */
  const waitMs = (at: number): number | undefined => {
    if (pausedUntil > at) return pausedUntil - at;
    const inFlight = holds.filter((hold) => hold.endedAt === undefined).length;
    if (inFlight >= maxInFlight) return undefined;
    if (!limit) return inFlight === 0 ? 0 : undefined;
    const { intervalMs } = limit;
    const soonest = (lapses: readonly number[]): number | undefined => (lapses.length === 0 ? undefined : Math.min(...lapses) - at);
    if (ownHeldAt(at, limit) >= Math.min(limit.max, Math.floor(share))) return soonest(holds.flatMap((hold) => (hold.endedAt === undefined ? [] : [hold.endedAt + intervalMs])));
    // Without a fresh reading others' use is unknown: one request at a time asks HubSpot.
    if (!reading || reading.staleAt <= at) return reading && inFlight > 0 ? undefined : 0;
    const lapses = reading.counted.flatMap((hold) => (hold.endedAt === undefined ? [] : [hold.endedAt + intervalMs]));
    if (reading.room + lapses.filter((lapse) => lapse <= at).length > 0) return 0;
    return soonest([...lapses.filter((lapse) => lapse > at), reading.staleAt]);
  };

  const wake = (): void => {
    for (const waker of wakers) waker.abort();
    wakers.clear();
  };

  const waitForChange = async (ms: number | undefined, signal: AbortSignal | undefined): Promise<void> => {
    const waker = new AbortController();
    wakers.add(waker);
    const either = signal ? AbortSignal.any([signal, waker.signal]) : waker.signal;
    try {
      if (ms === undefined) await new Promise((resolve) => either.addEventListener('abort', resolve, { once: true }));
      else await sleep(ms, either);
    } catch (error) {
      if (!either.aborted) throw error;
    } finally {
      wakers.delete(waker);
    }
  };

  const learn = (headers: ResponseHeaders, at: number, answered: Hold): void => {
    const read = readRateLimitHeaders(headers);
    limit = { max: read.max ?? limit?.max ?? FALLBACK_LIMIT.max, intervalMs: read.intervalMs ?? limit?.intervalMs ?? FALLBACK_LIMIT.intervalMs };
    if (read.remaining === undefined) return;
    // Ours already answered are taken as counted (they reached HubSpot before this answer left it);
    // those still in flight may not have been, whenever they started: requests sent together arrive
    // in any order, and taking them as counted let another client's request overfill the window.
    ownHeldAt(at, limit);
    const counted = holds.filter((hold) => hold === answered || hold.endedAt !== undefined);
    reading = { room: read.remaining - (holds.length - counted.length), counted, staleAt: at + limit.intervalMs };
  };

  const take = (at: number): RequestSlot => {
    const hold: Hold = { startedAt: at, endedAt: undefined };
    holds.push(hold);
    starts.push(at);
    if (reading) reading.room--;
    const end = (): number => {
      const at = now();
      hold.endedAt ??= at;
      return at;
    };
    return {
      done(answer) {
        const at = end();
        if (answer.status !== undefined) learn(answer.headers, at, hold);
        const reading = readLimit(answer, at, limit ?? FALLBACK_LIMIT);
        const { max } = limit ?? FALLBACK_LIMIT;
        if (reading.kind === 'burst') {
          // The 429s of one burst are one sign of another client: halve once for them.
          if (at >= pausedUntil) share = Math.max(1, Math.min(share, max) / 2);
          pausedUntil = Math.max(pausedUntil, at + reading.waitMs);
        } else if (share < max) share += 1 / share;
        wake();
        return reading;
      },
      failed() {
        end();
        wake();
      },
    };
  };

  return {
    async acquire(signal) {
      for (;;) {
        if (signal?.aborted) throw new DOMException('The wait for a request slot was cancelled.', 'AbortError');
        const at = now();
        const wait = waitMs(at);
        if (wait === 0) return take(at);
        await waitForChange(wait, signal);
      }
    },
    get ratePerSecond() {
      const { intervalMs } = limit ?? FALLBACK_LIMIT;
      const since = now() - intervalMs;
      starts = starts.filter((startedAt) => startedAt > since);
      return starts.length / (intervalMs / 1000);
    },
  };
}

function readLimit(answer: { readonly status: number | undefined; readonly headers: ResponseHeaders; readonly body: unknown }, at: number, limit: Limit): LimitReading {
  if (answer.status === 429) {
    const limited = classifyRateLimit(answer.body, answer.headers, at);
    if (limited.daily) return { kind: 'daily', message: `HubSpot's daily limit is reached: ${readErrorEnvelope(answer.body).message ?? 'no details'}; it resets at midnight in the account's time zone` };
    return { kind: 'burst', waitMs: limited.retryAfterMs ?? limit.intervalMs };
  }
  const { daily, dailyRemaining } = readRateLimitHeaders(answer.headers);
  if (dailyRemaining === 0) {
    return { kind: 'daily', message: `HubSpot's daily allowance${daily === undefined ? '' : ` of ${daily} requests`} is used up (X-HubSpot-RateLimit-Daily-Remaining: 0); it resets at midnight in the account's time zone` };
  }
  return { kind: 'ok' };
}
