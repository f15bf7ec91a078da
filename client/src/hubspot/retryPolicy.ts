// Whether to send again, and after how long. Pure: the outcome of the attempt in, a decision out.
//
// Rules (issue 3 and the API reference): retry 429 of the burst policies, waiting as long as HubSpot
// says (Retry-After, else the rate-limit interval header); never retry the daily limit, 4xx, 401,
// 403, 404. 5xx, 477 and connection failures are retried only when it is safe. An update is
// idempotent. A create whose answer was lost may still have created the contact: it is resent only
// when the payload has an email, because then HubSpot answers the duplicate with 409 (v1's
// CONTACT_EXISTS, the CRM objects API's CONFLICT) instead of creating a twin (lostCreate.ts then
// reads the contact to tell whether the lost attempt created it).
import { plural, seconds } from './format';
import type { ContactOperation } from './contactsApi';
import { mayHaveBeenProcessed, type OutcomeDetails } from './outcome';

export interface RetryOptions {
  /** Retries after the first attempt; 0 turns retrying off. */
  readonly maxRetries: number;
  /** First backoff ceiling; doubles with each retry. */
  readonly baseDelayMs: number;
  /** Longest wait before a retry. A server asking for longer ends the retries instead. */
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryOptions = { maxRetries: 3, baseDelayMs: 500, maxDelayMs: 30_000 };

/** Fills in defaults and clamps nonsense (negative, fractional or non-finite values from a settings file). */
export function normaliseRetryOptions(options: Partial<RetryOptions> = {}): RetryOptions {
  const wholeNumber = (value: number | undefined, fallback: number): number =>
    value !== undefined && Number.isFinite(value) ? Math.max(0, Math.floor(value)) : fallback;
  return {
    maxRetries: wholeNumber(options.maxRetries, DEFAULT_RETRY.maxRetries),
    baseDelayMs: wholeNumber(options.baseDelayMs, DEFAULT_RETRY.baseDelayMs),
    maxDelayMs: wholeNumber(options.maxDelayMs, DEFAULT_RETRY.maxDelayMs),
  };
}

/** Statuses HubSpot's error-handling guide says to back off and retry. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([477, 500, 502, 503, 504, 521, 523, 524]);

/** Connection failures worth another try; DNS and TLS failures repeat until someone fixes something. */
export const RETRYABLE_REASONS: ReadonlySet<string> = new Set(['timeout', 'reset', 'refused', 'unreachable', 'proxy', 'other']);

export interface RetryQuestion {
  readonly operation: ContactOperation;
  readonly details: OutcomeDetails;
  /** Status of the attempt's response, if any. */
  readonly status: number | undefined;
  readonly retriesSoFar: number;
  /** The payload carries an email, so HubSpot would answer a second create with 409. */
  readonly createIsDeduplicated: boolean;
  readonly options: RetryOptions;
  /** A number in [0, 1), for jitter. */
  readonly random: () => number;
}

export type RetryDecision =
  | { readonly retry: true; readonly delayMs: number; /** What is being retried, for the log: "503", "reset", "429 TEN_SECONDLY_ROLLING". */ readonly cause: string }
  | { readonly retry: false; /** Set when the failure was retryable in principle. */ readonly note: string | undefined };

export interface RetryableFailure {
  readonly cause: string;
  /** How long the server asked to wait, if it did. */
  readonly serverWaitMs: number | undefined;
}

export function decideRetry(question: RetryQuestion): RetryDecision {
  const failure = retryableFailure(question.details, question.status);
  if (!failure) return { retry: false, note: undefined };

  if (mayHaveBeenProcessed(question.details) && question.operation === 'create' && !question.createIsDeduplicated) {
    return { retry: false, note: 'not resent: without an email HubSpot cannot tell a second create from a new contact' };
  }
  return scheduleRetry(failure, question.retriesSoFar, question.options, question.random);
}

/** When a failure worth retrying is retried: within the retries allowed, after the server's wait or a backoff, never longer than allowed. */
export function scheduleRetry(failure: RetryableFailure, retriesSoFar: number, options: RetryOptions, random: () => number): RetryDecision {
  if (retriesSoFar >= options.maxRetries) {
    return { retry: false, note: options.maxRetries === 0 ? 'retries are turned off' : `gave up after ${plural(retriesSoFar, 'retry', 'retries')}` };
  }
  if (failure.serverWaitMs !== undefined && failure.serverWaitMs > options.maxDelayMs) {
    return {
      retry: false,
      note: `not retried: HubSpot asks to wait ${seconds(failure.serverWaitMs)}, longer than the ${seconds(options.maxDelayMs)} allowed`,
    };
  }
  const delayMs = failure.serverWaitMs ?? backoffDelayMs(retriesSoFar, options, random);
  return { retry: true, delayMs, cause: failure.cause };
}

/** Exponential backoff with "equal jitter": half the ceiling for sure, the other half random. */
export function backoffDelayMs(retryIndex: number, options: RetryOptions, random: () => number): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** retryIndex);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

function retryableFailure(details: OutcomeDetails, status: number | undefined): RetryableFailure | undefined {
  switch (details.kind) {
    case 'rateLimited':
      // A 429 is a refusal: nothing was processed, so a create may be resent as well.
      if (details.daily) return undefined;
      return { cause: `429 ${details.policyName ?? 'rate limit'}`, serverWaitMs: details.retryAfterMs };
    case 'serverError':
      if (status === undefined || !RETRYABLE_STATUSES.has(status)) return undefined;
      return { cause: String(status), serverWaitMs: details.retryAfterMs };
    case 'networkError':
      if (!RETRYABLE_REASONS.has(details.reason)) return undefined;
      return { cause: details.reason, serverWaitMs: undefined };
    default:
      return undefined;
  }
}
