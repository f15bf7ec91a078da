// What a create or update came to, as a discriminated union the UI can switch on, and the mapping
// from one HTTP attempt to it. The human one-liner is written by explain.ts.
import type { ContactOperation, ContactsApi, ContactTarget, UpdatedContact } from './contactsApi';
import {
  readErrorEnvelope,
  readRateLimitPolicy,
  readRequiredScopes,
  readValidationResults,
  type RateLimitPolicy,
  type ValidationResult,
} from './errorBodies';
import { megabytes } from './format';
import type { HttpAttemptResult, NetworkFailureReason, ResponseHeaders } from './http';
import { readRateLimitHeaders, readRetryAfterMs, type RateLimitHeaders } from './responseHeaders';

export type OutcomeDetails =
  | {
      readonly kind: 'created';
      readonly vid: number;
      readonly portalId: number | undefined;
      readonly profileUrl: string | undefined;
      /**
       * A retry met 409 (a contact has this email) after an earlier attempt whose answer was lost (reset, timeout,
       * 5xx), and reading the contact showed HubSpot added it after that attempt started: that attempt
       * created it, with this file's values. Portal id and profile URL come from the read.
       */
      readonly createdOnEarlierAttempt: boolean;
    }
  | UpdatedContact
  /** 409: on create, a contact with this email exists; on update, another contact owns the new email. */
  | {
      readonly kind: 'alreadyExists';
      readonly vid: number | undefined;
      /** An earlier attempt's answer was lost, and reading the contact showed it is older than that attempt. */
      readonly predatesLostAttempt: boolean;
    }
  /**
   * 409 on a resent create after an attempt whose answer was lost, and reading the contact could not
   * tell whether that attempt created it (the read failed; the record or the clocks do not say).
   */
  | { readonly kind: 'existsMaybeCreated'; readonly vid: number; readonly reason: string }
  /** 400: per-property results when HubSpot gave them (empty for e.g. "property cannot be missing or null"). */
  | { readonly kind: 'validationFailed'; readonly message: string | undefined; readonly results: readonly ValidationResult[] }
  | { readonly kind: 'unauthorized'; readonly message: string | undefined; readonly category: string | undefined }
  | { readonly kind: 'forbidden'; readonly scopes: readonly string[]; readonly message: string | undefined }
  /** 404 on update: no contact has the target's id (`vid`) or its email. */
  | { readonly kind: 'notFound'; readonly vid: number | undefined; readonly email?: string }
  | {
      readonly kind: 'rateLimited';
      readonly policy: RateLimitPolicy;
      /** HubSpot's `policyName` as sent (TEN_SECONDLY_ROLLING, SECONDLY, DAILY). */
      readonly policyName: string | undefined;
      readonly daily: boolean;
      /** When a retry may succeed; undefined for the daily limit (it resets at midnight, account time zone). */
      readonly retryAfterMs: number | undefined;
    }
  /** 5xx, or 477 (HubSpot's "migration in progress"). */
  | { readonly kind: 'serverError'; readonly message: string | undefined; readonly retryAfterMs: number | undefined }
  /** A status this client has no meaning for (a redirect, 404 on create, an update's success without what it should say, …). */
  | { readonly kind: 'unexpectedResponse'; readonly message: string }
  | {
      readonly kind: 'networkError';
      readonly reason: NetworkFailureReason;
      readonly timeoutPhase: 'connect' | 'headers' | 'body' | undefined;
      readonly mayHaveReachedServer: boolean;
      readonly message: string;
    }
  /** Nothing left for HubSpot: the request could not be built or sent (a body too large, a closed client). */
  | { readonly kind: 'notSent'; readonly message: string }
  /** mayHaveReachedServer is false when the request was stopped before it had a connection. */
  | { readonly kind: 'cancelled'; readonly mayHaveReachedServer: boolean };

export type OutcomeKind = OutcomeDetails['kind'];

/** Facts about the exchange that every outcome carries. */
export interface OutcomeContext {
  readonly operation: ContactOperation;
  readonly method: 'POST' | 'PATCH';
  readonly url: string;
  /** Status of the last response; undefined when the last attempt got none. */
  readonly status: number | undefined;
  /** Duration of the last attempt. */
  readonly durationMs: number;
  /** All attempts and the waits between them. */
  readonly elapsedMs: number;
  readonly retries: number;
  readonly correlationId: string | undefined;
  readonly rateLimit: RateLimitHeaders;
  /** Headers of the last response (lower-case names); empty when there was none. */
  readonly headers: ResponseHeaders;
  /** Parsed JSON body of the last response; its text when not JSON; undefined when empty. */
  readonly body: unknown;
  /**
   * HubSpot may have applied the request although the outcome is not a success: an attempt's
   * answer was lost after it was sent. For a create, the contact may exist.
   */
  readonly mayHaveBeenApplied: boolean;
  /** Why a failure that can be retried was not retried (again): "gave up after 3 retries", … */
  readonly retryNote: string | undefined;
  /** One line for a person: "200 OK — contact 61574 created in 143 ms". */
  readonly summary: string;
}

export type ContactOutcome = OutcomeDetails & OutcomeContext;

/** An outcome before explain.ts has written its summary. */
export type UnexplainedOutcome = OutcomeDetails & Omit<OutcomeContext, 'summary'>;

/**
 * True when the attempt may have been processed although its answer says nothing useful about it:
 * a 5xx (or 477) after the request was sent, a connection lost after sending, a cancelled request.
 */
export function mayHaveBeenProcessed(details: OutcomeDetails): boolean {
  switch (details.kind) {
    case 'serverError':
      return true;
    case 'cancelled':
    case 'networkError':
      return details.mayHaveReachedServer;
    default:
      return false;
  }
}

/** HubSpot's "migration in progress": treated like a 5xx. */
const MIGRATION_IN_PROGRESS = 477;

/** Used when a 429 names no wait: the burst window HubSpot documents, or a second for the old secondly policy. */
const TEN_SECONDS_MS = 10_000;
const ONE_SECOND_MS = 1_000;

export interface AttemptToClassify {
  /** The API version the request was sent with: it reads the success and the 409. */
  readonly api: ContactsApi;
  readonly target: ContactTarget;
  readonly attempt: HttpAttemptResult;
  /** The response body, already parsed. */
  readonly body: unknown;
  /** Wall-clock epoch ms, for an HTTP-date Retry-After. */
  readonly nowMs: number;
}

export function classifyAttempt({ api, target, attempt, body, nowMs }: AttemptToClassify): OutcomeDetails {
  if (attempt.kind === 'cancelled') return { kind: 'cancelled', mayHaveReachedServer: attempt.mayHaveReachedServer };
  if (attempt.kind === 'notSent') return { kind: 'notSent', message: attempt.message };
  // Never retried: an answer this size is no answer HubSpot gives, and the next would be no smaller.
  if (attempt.kind === 'oversized') return { kind: 'unexpectedResponse', message: oversizedAnswer(target.operation, attempt.status, attempt.limitBytes) };
  if (attempt.kind === 'networkError') {
    const { reason, timeoutPhase, mayHaveReachedServer, message } = attempt;
    return { kind: 'networkError', reason, timeoutPhase, mayHaveReachedServer, message };
  }

  const { status, headers } = attempt;
  const { message, category } = readErrorEnvelope(body);
  if (status >= 200 && status < 300) {
    const success = api.readSuccess(target, status, body);
    return success.kind === 'created' ? { ...success, createdOnEarlierAttempt: false } : success;
  }
  switch (status) {
    case 400:
      return { kind: 'validationFailed', message, results: readValidationResults(body) };
    case 401:
      return { kind: 'unauthorized', message, category };
    case 403:
      return { kind: 'forbidden', scopes: readRequiredScopes(body), message };
    case 404:
      if (target.operation === 'update') return target.email === undefined ? { kind: 'notFound', vid: target.id } : { kind: 'notFound', vid: undefined, email: target.email };
      return { kind: 'unexpectedResponse', message: `HubSpot has no such endpoint here (${message ?? 'not found'}); check the base URL` };
    case 409:
      return { kind: 'alreadyExists', vid: api.readExistingId(body), predatesLostAttempt: false };
    case 429:
      return classifyRateLimit(body, headers, nowMs);
  }
  if (status >= 500 || status === MIGRATION_IN_PROGRESS) {
    return { kind: 'serverError', message, retryAfterMs: readRetryAfterMs(headers, nowMs) };
  }
  return { kind: 'unexpectedResponse', message: message ? `unexpected answer from HubSpot: ${message}` : 'unexpected answer from HubSpot' };
}

function oversizedAnswer(operation: ContactOperation, status: number, limitBytes: number): string {
  const text = `the answer is larger than ${megabytes(limitBytes)}, so it was not read`;
  // After a 2xx or a 5xx the request may have been applied; the unread body would have told more.
  if ((status >= 200 && status < 300) || status >= 500) {
    return `${text}; ${operation === 'create' ? 'the contact may have been created' : 'the update may have been applied'}`;
  }
  return text;
}

/** Which limit a 429 is about and when a retry may succeed; the seed's rate limiter reads its 429s with it too. */
export function classifyRateLimit(body: unknown, headers: ResponseHeaders, nowMs: number): Extract<OutcomeDetails, { kind: 'rateLimited' }> {
  const { policy, policyName } = readRateLimitPolicy(body);
  const rateLimit = readRateLimitHeaders(headers);
  const daily = policy === 'daily' || (policy === 'unknown' && rateLimit.dailyRemaining === 0);
  if (daily) return { kind: 'rateLimited', policy: 'daily', policyName, daily, retryAfterMs: undefined };
  const fallbackMs = policy === 'secondly' ? ONE_SECOND_MS : TEN_SECONDS_MS;
  const retryAfterMs = readRetryAfterMs(headers, nowMs) ?? rateLimit.intervalMs ?? fallbackMs;
  return { kind: 'rateLimited', policy, policyName, daily, retryAfterMs };
}
