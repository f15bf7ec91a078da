// The HubSpot client the extension and the CLI use: sends properties to a target (a new contact, or
// the contact with an id) through one API version's module, as a loop of attempts governed by the
// retry policy, ending in one ContactOutcome. The access token goes into
// the Authorization header and nowhere else: not into log entries, outcomes or error messages.
import { setTimeout as delay } from 'node:timers/promises';
import { parseBaseUrl, type HubSpotBaseUrl } from './baseUrl';
import { HubSpotConfigError } from './configError';
import { hasDeduplicationKey, parseVid, type BodyExtras, type ContactPropertyValue, type ContactEndpoint, type ContactsApi, type ContactTarget } from './contactsApi';
import { CONTACTS_V1 } from './contactsV1';
import { readErrorEnvelope } from './errorBodies';
import { explainOutcome } from './explain';
import { megabytes } from './format';
import { createHttpTransport, type HttpAttemptResult, type HttpTimeouts, type NetworkFailureReason, type ResponseHeaders } from './http';
import {
  classifyAttempt,
  mayHaveBeenProcessed,
  type ContactOutcome,
  type OutcomeDetails,
  type OutcomeKind,
} from './outcome';
import { DIRECT, resolveProxySettings, type ProxyEnvironment } from './proxy';
import { settleLostCreate, type ClockSample } from './lostCreate';
import type { HttpRequest } from './httpRequest';
import type { ReadResult } from './readResult';
import type { RequestRecord } from './requestRecord';
import { readCorrelationId, readRateLimitHeaders, readServerDateMs } from './responseHeaders';
import { decideRetry, normaliseRetryOptions, type RetryOptions } from './retryPolicy';

export interface HubSpotClientOptions {
  /** `https://api.hubapi.com`, or an http:// loopback URL such as the sandbox's. */
  readonly baseUrl: string;
  /** Private-app access token, sent as `Authorization: Bearer …`. */
  readonly token: string;
  /** The contacts API version sent to; Contacts v1 unless told. */
  readonly api?: ContactsApi;
  /** `totalMs` bounds each attempt as a whole; the default is 30 s. */
  readonly timeouts?: Partial<HttpTimeouts>;
  readonly retry?: Partial<RetryOptions>;
  /**
   * Explicit proxy URL (VS Code's `http.proxy`); when absent HTTPS_PROXY / HTTP_PROXY / NO_PROXY apply.
   * A loopback base URL (the sandbox) is never reached through a proxy.
   */
  readonly proxy?: string | undefined;
  /** Hosts that bypass the proxy besides the environment's NO_PROXY (VS Code's `http.noProxy`). */
  readonly noProxy?: readonly string[];
  /** Environment the proxy variables are read from; defaults to process.env. */
  readonly env?: ProxyEnvironment;
  readonly userAgent?: string;
  /** Receives one entry per attempt. */
  readonly log?: (entry: HttpLogEntry) => void;
  /** Receives one record per request made, retries folded in, with both bodies: a history's sink. */
  readonly record?: (record: RequestRecord) => void;
  /** Waits between attempts; must reject or return early when the signal aborts. Tests record delays instead. */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Wall clock in epoch ms, for durations and HTTP-date Retry-After values. */
  readonly now?: () => number;
  /** Jitter source in [0, 1). */
  readonly random?: () => number;
}

export interface SendOptions {
  readonly signal?: AbortSignal | undefined;
  /** What the body carries besides the properties (a create's associations); only a create sends them, and only an API that has them. */
  readonly extras?: BodyExtras | undefined;
  /** The file the request is made from, for the request's record. */
  readonly source?: string | undefined;
}

export interface HubSpotClient {
  readonly baseUrl: HubSpotBaseUrl;
  /**
   * Writes the properties to the target, as the API version's request. Rejects with a RangeError
   * before sending when an update's id is not a positive whole number, or its email not a non-empty
   * string (a script may hand in anything).
   */
  sendContact(target: ContactTarget, properties: readonly ContactPropertyValue[], options?: SendOptions): Promise<ContactOutcome>;
  /** One GET of a JSON resource (property definitions, account details), not retried: callers fall back to a cache. */
  getJson(path: string, options?: SendOptions): Promise<ReadResult>;
  /**
   * One POST of a JSON body (a batch), not retried: the caller decides (seed/batchRetry.ts), because
   * only it knows whether resending is safe. Logged like every attempt, bounded by the client's
   * timeouts, the token scrubbed from everything it returns. Never rejects.
   */
  postJson(path: string, body: string, options?: { readonly signal?: AbortSignal; readonly source?: string | undefined }): Promise<JsonAttempt>;
  /** One request of any method the client sends, as postJson sends a POST: a recorded request sent again. */
  requestJson(method: HttpRequest['method'], path: string, body: string | undefined, options?: { readonly signal?: AbortSignal; readonly source?: string | undefined }): Promise<JsonAttempt>;
  /** Closes the dispatcher's connections; the client cannot be used afterwards. */
  close(): Promise<void>;
}

/** What one POST came to: HubSpot's answer, whatever its status, or why there is none. */
export type JsonAttempt =
  | {
      readonly kind: 'response';
      readonly status: number;
      readonly headers: ResponseHeaders;
      /** Parsed JSON; the text when not JSON; undefined when empty. */
      readonly body: unknown;
      readonly durationMs: number;
      readonly correlationId: string | undefined;
    }
  | {
      readonly kind: 'failed';
      /** `oversized`: an answer came but was too large to read; `notSent`: nothing left this machine. */
      readonly reason: NetworkFailureReason | 'oversized' | 'notSent';
      /** False only when the request provably never reached HubSpot. */
      readonly mayHaveReachedServer: boolean;
      readonly message: string;
      readonly durationMs: number;
    }
  | { readonly kind: 'cancelled'; readonly mayHaveReachedServer: boolean };

/** One attempt, for the log. Holds no token and no request headers. */
export interface HttpLogEntry {
  readonly level: 'info' | 'warn' | 'error';
  readonly method: 'GET' | ContactEndpoint['method'];
  readonly url: string;
  /** 1 for the first attempt. */
  readonly attempt: number;
  readonly status: number | undefined;
  readonly durationMs: number;
  readonly correlationId: string | undefined;
  /** What a create or update came to; undefined for a GET. */
  readonly outcome: OutcomeKind | undefined;
  /** The network failure reason, or the retry note when retries stop. */
  readonly reason: string | undefined;
  /** Set when another attempt follows after this wait. */
  readonly retryInMs: number | undefined;
  /** The entry as one line: "POST https://api.hubapi.com/… → 503 in 12 ms (correlation …); retry 1 of 3 in 480 ms". */
  readonly message: string;
}

/** The API version sends go to: the client, the editor's first-send question and the CLI's --dry-run all name its requests. */
export const DEFAULT_CONTACTS_API: ContactsApi = CONTACTS_V1;

export const DEFAULT_USER_AGENT = 'contact-payloads-for-hubspot (VS Code extension "Contact Payloads for HubSpot")';

/** Largest answer to a create or update that is read: HubSpot's are a few KB. */
export const CONTACT_ANSWER_MAX_BYTES = 4 * 1024 * 1024;
/** Largest answer to a GET that is read: a portal's property catalog, with thousands of properties and long option lists, can run to MBs. */
export const READ_ANSWER_MAX_BYTES = 64 * 1024 * 1024;
/** Largest answer to a POST that is read: a batch of 100 contacts with their properties, a few KB each, with room for wide reads. */
export const BATCH_ANSWER_MAX_BYTES = 16 * 1024 * 1024;

/** Shorter secrets are not scrubbed from texts: replacing every occurrence of a few letters would garble them. */
const MIN_SCRUBBED_SECRET_LENGTH = 8;

export function createHubSpotClient(options: HubSpotClientOptions): HubSpotClient {
  const parsed = parseBaseUrl(options.baseUrl);
  if (!parsed.ok) throw new HubSpotConfigError(parsed.message);
  const { baseUrl } = parsed;
  const api = options.api ?? DEFAULT_CONTACTS_API;
  const token = checkedToken(options.token);
  const retry = normaliseRetryOptions(options.retry);
  // An unusable proxy setting is refused even when a loopback base URL would not use it: it is wrong either way.
  const proxy = resolveProxySettings(options.proxy, options.env ?? process.env, options.noProxy);
  const transport = createHttpTransport({ timeouts: options.timeouts, proxy: baseUrl.isLoopback ? DIRECT : proxy });
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number, signal?: AbortSignal) => delay(ms, undefined, { signal }));
  const random = options.random ?? Math.random;
  const safeLog = (entry: HttpLogEntry): void => {
    try {
      options.log?.(entry);
    } catch {
      // A failing log sink (a disposed output channel, say) must not change the outcome of a send.
    }
  };
  const safeRecord = (record: RequestRecord): void => {
    try {
      options.record?.(record);
    } catch {
      // Nor a failing history.
    }
  };
  const headers = {
    authorization: `Bearer ${token}`,
    'content-type': 'application/json',
    accept: 'application/json',
    'user-agent': options.userAgent ?? DEFAULT_USER_AGENT,
  };
  const scrub = tokenScrubber(token);

  async function send(target: ContactTarget, properties: readonly ContactPropertyValue[], sendOptions: SendOptions | undefined): Promise<ContactOutcome> {
    const signal = sendOptions?.signal;
    const { operation } = target;
    const { method, path } = api.endpoint(target);
    const url = baseUrl.origin + path;
    const body = requestBody(api, properties, operation === 'create' ? sendOptions?.extras : undefined);
    const createIsDeduplicated = hasDeduplicationKey(properties);
    const startedAt = now();
    let last: LastAttempt = NO_ATTEMPT;
    let retries = 0;
    // Set once an attempt may have been processed without us learning the result.
    let mayHaveBeenApplied = false;
    // When the first such attempt started, and HubSpot's Date on every answer: what a 409 after it
    // is compared with, to tell whether that attempt created the contact.
    let lostAttemptStartedAt: number | undefined;
    const clock: ClockSample[] = [];

    let attempted = false;
    const finish = (details: OutcomeDetails, retryNote: string | undefined): ContactOutcome => {
      if (attempted) {
        safeRecord({
          startedAt, method, url: scrub(url), status: last.status, answer: last.answer, durationMs: now() - startedAt, correlationId: readCorrelationId(last.headers),
          retries, requestBody: body.ok ? scrub(body.text) : undefined, responseBody: last.bodyText, source: sendOptions?.source,
        });
      }
      const succeeded = details.kind === 'created' || details.kind === 'updated';
      const unexplained = {
        ...details,
        operation,
        method,
        url,
        status: last.status,
        durationMs: last.durationMs,
        elapsedMs: now() - startedAt,
        retries,
        correlationId: readCorrelationId(last.headers),
        rateLimit: readRateLimitHeaders(last.headers),
        headers: last.headers,
        body: last.body,
        mayHaveBeenApplied: mayHaveBeenApplied && !succeeded,
        retryNote,
      };
      return { ...unexplained, summary: explainOutcome(unexplained) };
    };

    if (!body.ok) return finish({ kind: 'notSent', message: body.problem }, undefined);
    if (signal?.aborted) return finish({ kind: 'cancelled', mayHaveReachedServer: false }, undefined);
    const request = { method, origin: baseUrl.origin, path, headers, body: body.text, maxBodyBytes: CONTACT_ANSWER_MAX_BYTES };

    for (let attempt = 1; ; attempt++) {
      const attemptStartedAt = now();
      attempted = true;
      const result = scrubAttempt(await transport.send(request, signal), scrub);
      const attemptEndedAt = now();
      last = lastAttemptOf(result, attemptEndedAt - attemptStartedAt);
      clock.push({ startedAt: attemptStartedAt, endedAt: attemptEndedAt, serverDateMs: readServerDateMs(last.headers) });
      const details = classifyAttempt({ api, target, attempt: result, body: last.body, nowMs: now() });
      if (operation === 'create' && details.kind === 'alreadyExists' && details.vid !== undefined && lostAttemptStartedAt !== undefined) {
        // Our lost attempt may have made this contact, or it existed before: reading it tells, mostly.
        safeLog(logEntry({ method, url, attempt, last, details, retryInMs: undefined, note: undefined, maxRetries: retry.maxRetries }));
        const read = (readPath: string) => client.getJson(readPath, { signal });
        const settled = await settleLostCreate({ api, vid: details.vid, lostAttemptStartedAt, samples: clock, read, now });
        mayHaveBeenApplied = settled.kind === 'existsMaybeCreated';
        return finish(settled, undefined);
      }
      if (mayHaveBeenProcessed(details)) {
        mayHaveBeenApplied = true;
        lostAttemptStartedAt ??= attemptStartedAt;
      }

      const decision = decideRetry({ operation, details, status: last.status, retriesSoFar: retries, createIsDeduplicated, options: retry, random });
      const retryInMs = decision.retry ? decision.delayMs : undefined;
      const note = decision.retry ? undefined : decision.note;
      safeLog(logEntry({ method, url, attempt, last, details, retryInMs, note, maxRetries: retry.maxRetries }));
      if (!decision.retry) return finish(details, decision.note);

      try {
        await sleep(decision.delayMs, signal);
      } catch (error) {
        if (!signal?.aborted) throw error;
      }
      if (signal?.aborted) return finish({ kind: 'cancelled', mayHaveReachedServer: false }, undefined);
      retries++;
    }
  }

  /** One attempt without retries (a GET, a batch POST), scrubbed of the token, logged and recorded. */
  async function attemptOnce(request: HttpRequest, signal: AbortSignal | undefined, source: string | undefined): Promise<{ readonly result: HttpAttemptResult; readonly last: LastAttempt }> {
    const url = baseUrl.origin + request.path;
    const startedAt = now();
    const result = scrubAttempt(await transport.send(request, signal), scrub);
    const last = lastAttemptOf(result, now() - startedAt);
    const { answer } = last;
    const correlationId = readCorrelationId(last.headers);
    safeRecord({
      startedAt, method: request.method, url: scrub(url), status: last.status, answer, durationMs: last.durationMs, correlationId, retries: 0,
      requestBody: request.body === undefined ? undefined : scrub(request.body), responseBody: last.bodyText, source,
    });
    safeLog({
      level: result.kind === 'response' && isSuccess(result.status) ? 'info' : 'warn', method: request.method, url, attempt: 1, status: last.status, durationMs: last.durationMs, correlationId,
      outcome: undefined, reason: result.kind === 'networkError' ? result.reason : undefined, retryInMs: undefined,
      message: `${request.method} ${url} → ${answer} in ${last.durationMs} ms${correlationId ? ` (correlation ${correlationId})` : ''}`,
    });
    return { result, last };
  }

  const client: HubSpotClient = {
    baseUrl,
    sendContact: (target, properties, sendOptions) => {
      if (target.operation === 'create') return send(target, properties, sendOptions);
      if (target.email !== undefined) {
        const { email } = target as { email: unknown };
        if (typeof email !== 'string' || email.trim() === '') return Promise.reject(new RangeError('The email to update a contact by must be a non-empty text.'));
        return send({ operation: 'update', email }, properties, sendOptions);
      }
      const id = parseVid(target.id);
      if (id === undefined) {
        return Promise.reject(new RangeError(`The contact id must be a positive whole number, like 61574 (got "${scrub(String(target.id))}").`));
      }
      return send({ operation: 'update', id }, properties, sendOptions);
    },
    async getJson(path, sendOptions) {
      const { result, last } = await attemptOnce({ method: 'GET', origin: baseUrl.origin, path, headers, maxBodyBytes: READ_ANSWER_MAX_BYTES }, sendOptions?.signal, sendOptions?.source);
      if (result.kind === 'response' && isSuccess(result.status)) return { ok: true, status: result.status, headers: last.headers, body: last.body };
      return { ok: false, status: last.status, headers: last.headers, body: last.body, message: readFailure(result, last) };
    },
    postJson: (path, body, postOptions) => requestJson('POST', path, body, postOptions),
    requestJson: (method, path, body, requestOptions) => requestJson(method, path, body, requestOptions),
    close: () => transport.close(),
  };

  /** One attempt of a JSON request, its answer whatever the status, or why there is none. Never rejects. */
  async function requestJson(method: HttpRequest['method'], path: string, body: string | undefined, requestOptions: { readonly signal?: AbortSignal; readonly source?: string | undefined } | undefined): Promise<JsonAttempt> {
    const { result, last } = await attemptOnce({ method, origin: baseUrl.origin, path, headers, ...(body === undefined ? {} : { body }), maxBodyBytes: BATCH_ANSWER_MAX_BYTES }, requestOptions?.signal, requestOptions?.source);
    const { durationMs } = last;
    switch (result.kind) {
      case 'response':
        return { kind: 'response', status: result.status, headers: last.headers, body: last.body, durationMs, correlationId: readCorrelationId(last.headers) };
      case 'oversized':
        // An answer came, so the request reached HubSpot; what it said was not read.
        return { kind: 'failed', reason: 'oversized', mayHaveReachedServer: true, message: readFailure(result, last), durationMs };
      case 'networkError':
        return { kind: 'failed', reason: result.reason, mayHaveReachedServer: result.mayHaveReachedServer, message: result.message, durationMs };
      case 'notSent':
        return { kind: 'failed', reason: 'notSent', mayHaveReachedServer: false, message: result.message, durationMs };
      case 'cancelled':
        return { kind: 'cancelled', mayHaveReachedServer: result.mayHaveReachedServer };
    }
  }

  return client;
}

function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}

interface LastAttempt {
  readonly status: number | undefined;
  readonly headers: ResponseHeaders;
  readonly body: unknown;
  /** The body as it came, for the request's record. */
  readonly bodyText: string | undefined;
  /** The status, or what came instead, as the log and the record say it. */
  readonly answer: string;
  readonly durationMs: number;
}

const NO_ATTEMPT: LastAttempt = { status: undefined, headers: {}, body: undefined, bodyText: undefined, answer: 'not sent', durationMs: 0 };

function lastAttemptOf(result: HttpAttemptResult, durationMs: number): LastAttempt {
  if (result.kind === 'response') return { status: result.status, headers: result.headers, body: parseBody(result.bodyText), bodyText: result.bodyText === '' ? undefined : result.bodyText, answer: String(result.status), durationMs };
  // An answer too large to read still has a status and headers worth showing.
  if (result.kind === 'oversized') return { status: result.status, headers: result.headers, body: undefined, bodyText: undefined, answer: `${result.status} (answer too large to read)`, durationMs };
  const answer = result.kind === 'networkError' ? `no response (${result.reason})` : result.kind === 'notSent' ? 'not sent' : 'cancelled';
  return { ...NO_ATTEMPT, answer, durationMs };
}

/** Why a GET gave nothing usable, ready to show. */
function readFailure(result: HttpAttemptResult, last: LastAttempt): string {
  switch (result.kind) {
    case 'response':
      return `HubSpot answered ${result.status}: ${readErrorEnvelope(last.body).message ?? 'no details'}`;
    case 'oversized':
      return `HubSpot's answer (${result.status}) is larger than ${megabytes(result.limitBytes)}, so it was not read`;
    case 'networkError':
    case 'notSent':
      return result.message;
    case 'cancelled':
      return 'cancelled';
  }
}

/** The JSON body, or why it cannot be built (too large for a string, say), in which case nothing is sent. */
function requestBody(api: ContactsApi, properties: readonly ContactPropertyValue[], extras: BodyExtras | undefined): { readonly ok: true; readonly text: string } | { readonly ok: false; readonly problem: string } {
  try {
    return { ok: true, text: api.body(properties, extras) };
  } catch (error) {
    return { ok: false, problem: `the request body could not be built: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** JSON when it parses, else the text itself (a proxy's HTML error page, say); undefined when empty. */
function parseBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Replaces the token with "[token]" in any letter case: a proxy may echo it upper-cased, and header names come lower-cased. */
function tokenScrubber(token: string): (text: string) => string {
  if (token.length < MIN_SCRUBBED_SECRET_LENGTH) return (text) => text;
  const anyCase = new RegExp(token.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&'), 'gi');
  return (text) => text.replace(anyCase, '[token]');
}

/** Removes the token from everything an attempt brought back, header names included, in case a proxy or server echoes it. */
function scrubAttempt(result: HttpAttemptResult, scrub: (text: string) => string): HttpAttemptResult {
  const scrubHeaders = (headers: ResponseHeaders) => Object.fromEntries(Object.entries(headers).map(([name, value]) => [scrub(name), scrub(value)]));
  if (result.kind === 'response') return { ...result, headers: scrubHeaders(result.headers), bodyText: scrub(result.bodyText) };
  if (result.kind === 'oversized') return { ...result, headers: scrubHeaders(result.headers) };
  if (result.kind === 'networkError' || result.kind === 'notSent') return { ...result, message: scrub(result.message) };
  return result;
}

/** Throws when the token cannot be sent as a header value; the message never quotes it. */
function checkedToken(token: string): string {
  const trimmed = token.trim();
  if (trimmed === '') throw new HubSpotConfigError('The HubSpot access token is empty; set it first.');
  if (!/^[\x21-\x7e]+$/.test(trimmed)) {
    throw new HubSpotConfigError('The HubSpot access token contains spaces or characters that cannot be sent; paste it again.');
  }
  return trimmed;
}

interface LogFacts {
  readonly method: ContactEndpoint['method'];
  readonly url: string;
  readonly attempt: number;
  readonly last: LastAttempt;
  readonly details: OutcomeDetails;
  readonly retryInMs: number | undefined;
  readonly note: string | undefined;
  readonly maxRetries: number;
}

function logEntry({ method, url, attempt, last, details, retryInMs, note, maxRetries }: LogFacts): HttpLogEntry {
  const correlationId = readCorrelationId(last.headers);
  const networkReason = details.kind === 'networkError' ? details.reason : undefined;
  const succeeded = details.kind === 'created' || details.kind === 'updated';
  const failedToAnswer = details.kind === 'serverError' || details.kind === 'networkError';
  const level = succeeded ? 'info' : failedToAnswer && retryInMs === undefined ? 'error' : 'warn';
  // The same words as the request's record: the status, or what came instead.
  let message = `${method} ${url} → ${last.answer} in ${last.durationMs} ms`;
  if (correlationId) message += ` (correlation ${correlationId})`;
  if (retryInMs !== undefined) message += `; retry ${attempt} of ${maxRetries} in ${retryInMs} ms`;
  else if (note) message += `; ${note}`;
  return {
    level,
    method,
    url,
    attempt,
    status: last.status,
    durationMs: last.durationMs,
    correlationId,
    outcome: details.kind,
    reason: networkReason ?? note,
    retryInMs,
    message,
  };
}
