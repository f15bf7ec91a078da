// Whether a batch request is sent again. Pure: the attempt, what the rate limiter read from it and the
// retries so far in; a decision out. Upsert, update and read are idempotent: sending one twice writes
// the same values, so a 5xx or a lost answer is retried with the retry policy's backoff. A batch
// create is not: HubSpot has no idempotency key, and a lost create may have made its contacts, so it
// is resent only when the request provably did not reach HubSpot (no connection, or a 429, which is a
// refusal); otherwise its inputs are uncertain and the caller records them without resending.
import type { BatchWrite } from '../hubspot/contactsBatch';
import type { JsonAttempt } from '../hubspot/hubspotClient';
import { readRetryAfterMs } from '../hubspot/responseHeaders';
import { RETRYABLE_REASONS, RETRYABLE_STATUSES, scheduleRetry, type RetryableFailure, type RetryOptions } from '../hubspot/retryPolicy';
import type { LimitReading } from './rateLimiter';

export interface BatchRetryOptions {
  readonly retry: RetryOptions;
  /** A number in [0, 1), for jitter. */
  readonly random: () => number;
  /** Wall clock (epoch ms), for an HTTP-date Retry-After. */
  readonly nowMs: number;
}

export type BatchRetryDecision =
  /** HubSpot answered: read the answer (readBatchWriteAnswer / readBatchReadAnswer). */
  | { readonly kind: 'read' }
  /** Send the same request again after this long (then acquire a slot: a 429's pause is the limiter's). */
  | { readonly kind: 'retry'; readonly delayMs: number; readonly cause: string }
  /** A create that may have been applied: its inputs may have been created; record them and do not resend. */
  | { readonly kind: 'uncertain'; readonly reason: string }
  /** No answer and no more tries; for an idempotent request resending later is safe. `daily`: stop the run. */
  | { readonly kind: 'giveUp'; readonly note: string; readonly daily: boolean };

export function batchRetry(operation: BatchWrite | 'read', attempt: JsonAttempt, reading: LimitReading | undefined, retriesSoFar: number, options: BatchRetryOptions): BatchRetryDecision {
  if (reading?.kind === 'daily' && attempt.kind === 'response' && attempt.status === 429) return { kind: 'giveUp', note: reading.message, daily: true };
  const failure = retryableFailure(attempt, reading, options.nowMs);
  const reached = attempt.kind !== 'response' ? attempt.mayHaveReachedServer : attempt.status !== 429;
  if (operation === 'create' && reached && (failure !== undefined || attempt.kind !== 'response' || attempt.status >= 500)) {
    return { kind: 'uncertain', reason: uncertainReason(attempt) };
  }
  if (failure === undefined) {
    if (attempt.kind === 'response') return { kind: 'read' };
    return { kind: 'giveUp', note: attempt.kind === 'cancelled' ? 'cancelled' : attempt.message, daily: false };
  }
  const decision = scheduleRetry(failure, retriesSoFar, options.retry, options.random);
  return decision.retry ? { kind: 'retry', delayMs: decision.delayMs, cause: decision.cause } : { kind: 'giveUp', note: decision.note ?? failure.cause, daily: false };
}

/** What is worth another try, and how long HubSpot asked to wait; undefined for an answer to read or a failure that would repeat. */
function retryableFailure(attempt: JsonAttempt, reading: LimitReading | undefined, nowMs: number): RetryableFailure | undefined {
  switch (attempt.kind) {
    case 'response':
      if (attempt.status === 429) return { cause: '429 rate limit', serverWaitMs: reading?.kind === 'burst' ? reading.waitMs : undefined };
      if (!RETRYABLE_STATUSES.has(attempt.status)) return undefined;
      return { cause: String(attempt.status), serverWaitMs: readRetryAfterMs(attempt.headers, nowMs) };
    case 'failed':
      return RETRYABLE_REASONS.has(attempt.reason) ? { cause: attempt.reason, serverWaitMs: undefined } : undefined;
    case 'cancelled':
      return undefined;
  }
}

function uncertainReason(attempt: JsonAttempt): string {
  switch (attempt.kind) {
    case 'response':
      return `HubSpot answered ${attempt.status}; the contacts may have been created`;
    case 'failed':
      return `${attempt.message}; the contacts may have been created`;
    case 'cancelled':
      return 'cancelled after sending; the contacts may have been created';
  }
}
