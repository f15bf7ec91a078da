// Sends one batch request at a time through the run's rate limiter: waits for a slot, posts, tells
// the limiter the answer, and retries what is safe to retry (batchRetry.ts). Many of these run at
// once; the limiter alone decides how many are in flight. It counts the requests and 429s of the
// run for its report.
import type { HubSpotClient, JsonAttempt } from '../hubspot/hubspotClient';
import type { BatchWrite } from '../hubspot/contactsBatch';
import type { ResponseHeaders } from '../hubspot/http';
import type { RetryOptions } from '../hubspot/retryPolicy';
import { batchRetry } from './batchRetry';
import type { LimitReading, RateLimiter } from './rateLimiter';

type JsonResponse = Extract<JsonAttempt, { readonly kind: 'response' }>;

export type DispatchResult =
  /** `afterLostAttempt`: an earlier attempt may have been applied unanswered (an upsert then finds its own write). */
  | { readonly kind: 'answered'; readonly status: number; readonly headers: ResponseHeaders; readonly body: unknown; readonly afterLostAttempt: boolean }
  /** Retries ran out or were not safe; `mayHaveBeenApplied` when an attempt may have reached HubSpot. */
  | { readonly kind: 'failed'; readonly message: string; readonly mayHaveBeenApplied: boolean }
  /** HubSpot's daily allowance is spent: this request was refused, nothing applied. */
  | { readonly kind: 'dailyLimit'; readonly message: string }
  | { readonly kind: 'cancelled'; readonly mayHaveBeenApplied: boolean };

export interface DispatcherOptions {
  readonly client: HubSpotClient;
  readonly limiter: RateLimiter;
  readonly retry: RetryOptions;
  readonly signal: AbortSignal | undefined;
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly random: () => number;
  readonly now: () => number;
}

/** 429s one request waits out before it gives up: the limiter already paces every request, so a run of them means another client is using the app's allowance. */
const MAX_RATE_LIMITED_WAITS = 20;

export interface Dispatcher {
  send(operation: BatchWrite | 'read', path: string, body: string): Promise<DispatchResult>;
  readonly requests: number;
  readonly rateLimited: number;
}

export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const { client, limiter, signal } = options;
  let requests = 0;
  let rateLimited = 0;

  async function send(operation: BatchWrite | 'read', path: string, body: string): Promise<DispatchResult> {
    let retries = 0;
    let rateLimitedWaits = 0;
    let mayHaveBeenApplied = false;
    for (;;) {
      let slot;
      try {
        slot = await limiter.acquire(signal);
      } catch {
        return { kind: 'cancelled', mayHaveBeenApplied };
      }
      requests++;
      // Not aborted by the run's signal: cancelling stops new requests, and the ones in flight end
      // with their answer (each bounded by the client's timeouts), so the journal knows what they did.
      const attempt: JsonAttempt = await client.postJson(path, body);
      let reading: LimitReading | undefined;
      if (attempt.kind === 'response') {
        reading = slot.done(attempt);
        if (attempt.status === 429) rateLimited++;
        // A burst 429 was refused, not processed; the limiter already holds every request back as
        // long as HubSpot asked (so the retry policy's longest backoff does not apply to it).
        if (reading.kind === 'burst') {
          if (++rateLimitedWaits > MAX_RATE_LIMITED_WAITS) return { kind: 'failed', message: `HubSpot still answered 429 after ${MAX_RATE_LIMITED_WAITS} waits`, mayHaveBeenApplied };
          continue;
        }
      } else {
        slot.failed();
      }
      const decision = batchRetry(operation, attempt, reading, retries, { retry: options.retry, random: options.random, nowMs: options.now() });
      switch (decision.kind) {
        case 'read':
          return { kind: 'answered', status: (attempt as JsonResponse).status, headers: (attempt as JsonResponse).headers, body: (attempt as JsonResponse).body, afterLostAttempt: mayHaveBeenApplied };
        case 'uncertain':
          return { kind: 'failed', message: decision.reason, mayHaveBeenApplied: true };
        case 'giveUp':
          if (decision.daily) return { kind: 'dailyLimit', message: decision.note };
          if (attempt.kind === 'cancelled') return { kind: 'cancelled', mayHaveBeenApplied: mayHaveBeenApplied || attempt.mayHaveReachedServer };
          return { kind: 'failed', message: attempt.kind === 'response' ? `HubSpot answered ${attempt.status} (${decision.note})` : decision.note, mayHaveBeenApplied: mayHaveBeenApplied || reachedServer(attempt) };
        case 'retry':
          break;
      }
      mayHaveBeenApplied ||= reachedServer(attempt);
      try {
        await options.sleep(decision.delayMs, signal);
      } catch {
        return { kind: 'cancelled', mayHaveBeenApplied };
      }
      if (signal?.aborted) return { kind: 'cancelled', mayHaveBeenApplied };
      retries++;
    }
  }

  return {
    send,
    get requests() {
      return requests;
    },
    get rateLimited() {
      return rateLimited;
    },
  };
}

/** A 5xx or an attempt whose request may have arrived: a write it carried may have been applied. */
function reachedServer(attempt: JsonAttempt): boolean {
  return attempt.kind === 'response' ? attempt.status >= 500 : attempt.mayHaveReachedServer;
}
