// A single HTTP attempt. It knows sockets, deadlines, answer sizes and proxies, not HubSpot's API: a
// send either returns the response (status, headers, body text) or says how it failed and whether
// the request may have reached the server — the fact the retry policy needs to decide whether
// resending a create is safe. Every send ends by its deadline, whatever undici does meanwhile.
import { createDispatcherSlot, ProxyTunnelError } from './dispatchers';
import { startExchange, type ExchangeEnd, type ExchangePhase } from './exchange';
import type { HttpRequest, ResponseHeaders } from './httpRequest';
import { seconds } from './format';
import type { ProxySettings } from './proxy';
import { checkedTimeouts, type HttpTimeouts } from './timeouts';

export type { HttpTimeouts } from './timeouts';
export type { ResponseHeaders } from './httpRequest';

export interface TransportOptions {
  readonly timeouts?: Partial<HttpTimeouts>;
  /** Which proxy requests go through; all empty for a direct connection. */
  readonly proxy: ProxySettings;
}


export type NetworkFailureReason = 'timeout' | 'reset' | 'refused' | 'unreachable' | 'dns' | 'tls' | 'proxy' | 'other';

export interface NetworkFailure {
  readonly reason: NetworkFailureReason;
  /** Which wait ran out, for `timeout`. */
  readonly timeoutPhase?: 'connect' | 'headers' | 'body';
  /** False only when the connection provably never carried the request (refused, DNS, no socket yet…). */
  readonly mayHaveReachedServer: boolean;
  readonly message: string;
}

export type HttpAttemptResult =
  | { readonly kind: 'response'; readonly status: number; readonly headers: ResponseHeaders; readonly bodyText: string }
  /** The answer was longer than the request's bound; it was not read. */
  | { readonly kind: 'oversized'; readonly status: number; readonly headers: ResponseHeaders; readonly limitBytes: number }
  | ({ readonly kind: 'networkError' } & NetworkFailure)
  /** The request could not leave at all (the client was closed, undici refused its arguments). */
  | { readonly kind: 'notSent'; readonly message: string }
  | { readonly kind: 'cancelled'; readonly mayHaveReachedServer: boolean };

export interface HttpTransport {
  /** Never rejects. */
  send(request: HttpRequest, signal?: AbortSignal): Promise<HttpAttemptResult>;
  close(): Promise<void>;
}

/** Throws a HubSpotConfigError for timeouts no timer can keep. */
export function createHttpTransport(options: TransportOptions): HttpTransport {
  const timeouts = checkedTimeouts(options.timeouts);
  const dispatchers = createDispatcherSlot(options.proxy, timeouts);

  return {
    async send(request, signal) {
      if (signal?.aborted) return { kind: 'cancelled', mayHaveReachedServer: false };
      const lease = dispatchers.lease();
      if (!lease) return { kind: 'notSent', message: 'the HubSpot client was closed' };
      const exchange = startExchange(lease.dispatcher, request);
      const stop = stopSignals(signal, timeouts.totalMs);
      try {
        const first = await Promise.race([exchange.end, stop.stopped]);
        if (first !== 'deadline' && first !== 'cancelled') return attemptResult(first, request, timeouts);
        // undici may never end a request that waits for a connection: it is left to its dispatcher,
        // which is destroyed (a stuck reconnect loop with it) once nothing else uses it.
        const phase = exchange.phase();
        exchange.abort(new Error(first === 'deadline' ? timedOutAfter(timeouts.totalMs) : 'cancelled'));
        lease.abandon();
        if (first === 'cancelled') return { kind: 'cancelled', mayHaveReachedServer: phase !== 'waiting' };
        return { kind: 'networkError', ...deadlineFailure(phase, timeouts.totalMs, lease.tunnelProxy()) };
      } finally {
        stop.dispose();
        lease.release();
      }
    },
    close: () => dispatchers.close(),
  };
}

interface StopSignals {
  /** Resolves when the deadline passes or the caller aborts, whichever comes first. */
  readonly stopped: Promise<'deadline' | 'cancelled'>;
  dispose(): void;
}

function stopSignals(signal: AbortSignal | undefined, totalMs: number): StopSignals {
  let timer: NodeJS.Timeout | undefined;
  let onAbort = () => {};
  const stopped = new Promise<'deadline' | 'cancelled'>((resolve) => {
    timer = setTimeout(() => resolve('deadline'), totalMs);
    onAbort = () => resolve('cancelled');
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  return {
    stopped,
    dispose: () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    },
  };
}

/** undici errors that mean the request was refused before it had a connection. */
const NOT_SENDABLE_CODES: ReadonlySet<string> = new Set(['UND_ERR_INVALID_ARG', 'UND_ERR_NOT_SUPPORTED', 'UND_ERR_CLOSED', 'UND_ERR_DESTROYED']);

function attemptResult(end: ExchangeEnd, request: HttpRequest, timeouts: HttpTimeouts): HttpAttemptResult {
  switch (end.kind) {
    case 'answered':
      return { kind: 'response', status: end.status, headers: end.headers, bodyText: end.body.toString('utf8') };
    case 'oversized':
      return { kind: 'oversized', status: end.status, headers: end.headers, limitBytes: request.maxBodyBytes };
    case 'failed': {
      if (end.phase === 'waiting' && refusedBeforeSending(end.error)) {
        return { kind: 'notSent', message: `the request could not be sent: ${messageOf(end.error)}` };
      }
      const failure = classifyNetworkError(end.error, timeouts);
      // Without a socket nothing was written, whatever the error suggests.
      return { kind: 'networkError', ...failure, mayHaveReachedServer: failure.mayHaveReachedServer && end.phase !== 'waiting' };
    }
  }
}

function refusedBeforeSending(error: unknown): boolean {
  return error instanceof Error && NOT_SENDABLE_CODES.has(String((error as { code?: unknown }).code));
}

/** What a deadline means depends on how far the exchange got. */
function deadlineFailure(phase: ExchangePhase, totalMs: number, tunnelProxy: string | undefined): NetworkFailure {
  const message = timedOutAfter(totalMs);
  if (phase === 'waiting') {
    return tunnelProxy === undefined
      ? { reason: 'timeout', timeoutPhase: 'connect', mayHaveReachedServer: false, message }
      : { reason: 'proxy', mayHaveReachedServer: false, message: throughProxy(tunnelProxy, message) };
  }
  return { reason: 'timeout', timeoutPhase: phase === 'sent' ? 'headers' : 'body', mayHaveReachedServer: true, message };
}

const TLS_CODE = /^(CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT$|SELF_SIGNED_CERT_IN_CHAIN$|ERR_TLS_|ERR_SSL_|HOSTNAME_MISMATCH$)/;

/** Maps undici's and Node's connection errors to a reason and whether the request may have been delivered. */
export function classifyNetworkError(error: unknown, timeouts: HttpTimeouts): NetworkFailure {
  if (error instanceof ProxyTunnelError) {
    return { reason: 'proxy', mayHaveReachedServer: false, message: throughProxy(error.proxy, tunnelFailure(error, timeouts)) };
  }
  const code = errorCode(error);
  const message = messageOf(error);
  const notDelivered = (reason: NetworkFailureReason): NetworkFailure => ({ reason, mayHaveReachedServer: false, message });
  const maybeDelivered = (reason: NetworkFailureReason): NetworkFailure => ({ reason, mayHaveReachedServer: true, message });

  switch (code) {
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'ETIMEDOUT':
      return { reason: 'timeout', timeoutPhase: 'connect', mayHaveReachedServer: false, message: timedOutAfter(timeouts.connectMs) };
    case 'UND_ERR_HEADERS_TIMEOUT':
      return { reason: 'timeout', timeoutPhase: 'headers', mayHaveReachedServer: true, message: timedOutAfter(timeouts.headersMs) };
    case 'UND_ERR_BODY_TIMEOUT':
      return { reason: 'timeout', timeoutPhase: 'body', mayHaveReachedServer: true, message: `nothing arrived for ${duration(timeouts.bodyMs)}` };
    case 'ECONNREFUSED':
      return notDelivered('refused');
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EHOSTDOWN':
    case 'ENETDOWN':
      return notDelivered('unreachable');
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return notDelivered('dns');
    case 'UND_ERR_SOCKET':
    case 'ECONNRESET':
    case 'EPIPE':
      return maybeDelivered('reset');
  }
  if (code !== undefined && TLS_CODE.test(code)) return notDelivered('tls');
  return maybeDelivered('other');
}

function throughProxy(proxy: string, why: string): string {
  return `could not reach HubSpot through the proxy ${proxy}: ${why}`;
}

function tunnelFailure(error: ProxyTunnelError, timeouts: HttpTimeouts): string {
  if (error.status === 407) return 'it wants credentials (407)';
  if (error.status !== undefined) return `it answered ${error.status} to the tunnel request`;
  const code = errorCode(error.cause);
  switch (code) {
    case 'UND_ERR_SOCKET':
    case 'ECONNRESET':
    case 'EPIPE':
      return 'it closed the connection without opening a tunnel (is it a proxy?)';
    case 'ECONNREFUSED':
      return 'it refused the connection (is it running?)';
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'ETIMEDOUT':
      return `it did not accept the connection (${timedOutAfter(timeouts.connectMs)})`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'its host name could not be found (DNS)';
  }
  if (code !== undefined && TLS_CODE.test(code)) return `the secure connection to it failed: ${messageOf(error.cause)}`;
  return messageOf(error.cause);
}

function timedOutAfter(ms: number): string {
  return `timed out after ${duration(ms)}`;
}

/** Whole seconds for the setting's values; milliseconds for the short bounds tests use. */
function duration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : seconds(ms);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function errorCode(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; current instanceof Object && depth < 3; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
