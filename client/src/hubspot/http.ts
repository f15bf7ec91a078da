// The one undici dispatcher and a single HTTP attempt. It knows sockets, timeouts and proxies, not
// HubSpot: a send either returns the response (status, headers, body text) or says how the
// connection failed and whether the request may have reached the server — the fact the retry
// policy needs to decide whether resending a create is safe.
import { resolveProxySettings, type ProxyEnvironment } from './proxy';
import { EnvHttpProxyAgent } from './undiciCore';

export interface HttpTimeouts {
  /** Establishing the TCP/TLS connection (to the proxy, when there is one). */
  readonly connectMs: number;
  /** From the request being sent to the response headers arriving. */
  readonly headersMs: number;
  /** Longest silence while the response body arrives. */
  readonly bodyMs: number;
}

export const DEFAULT_TIMEOUTS: HttpTimeouts = { connectMs: 10_000, headersMs: 30_000, bodyMs: 30_000 };

export interface TransportOptions {
  readonly timeouts: HttpTimeouts;
  /** An explicit proxy URL (VS Code's `http.proxy`); when absent the environment's proxy variables apply. */
  readonly proxy?: string | undefined;
  /** Where HTTPS_PROXY / HTTP_PROXY / NO_PROXY are read from. */
  readonly env: ProxyEnvironment;
}

export interface HttpRequest {
  readonly method: 'GET' | 'POST';
  readonly origin: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

/** Response headers by lower-case name; repeated headers joined with ", ". */
export type ResponseHeaders = Readonly<Record<string, string>>;

export type NetworkFailureReason = 'timeout' | 'reset' | 'refused' | 'unreachable' | 'dns' | 'tls' | 'proxy' | 'other';

export interface NetworkFailure {
  readonly reason: NetworkFailureReason;
  /** Which wait ran out, for `timeout`. */
  readonly timeoutPhase?: 'connect' | 'headers' | 'body';
  /** False only when the connection provably never carried the request (refused, DNS, connect timeout…). */
  readonly mayHaveReachedServer: boolean;
  readonly message: string;
}

export type HttpAttemptResult =
  | { readonly kind: 'response'; readonly status: number; readonly headers: ResponseHeaders; readonly bodyText: string }
  | ({ readonly kind: 'networkError' } & NetworkFailure)
  | { readonly kind: 'cancelled' };

export interface HttpTransport {
  send(request: HttpRequest, signal?: AbortSignal): Promise<HttpAttemptResult>;
  close(): Promise<void>;
}

/** How long an idle connection is kept for the next request. */
const KEEP_ALIVE_MS = 30_000;

export function createHttpTransport(options: TransportOptions): HttpTransport {
  const { timeouts } = options;
  const connectTimeout = { timeout: timeouts.connectMs };
  const dispatcher = new EnvHttpProxyAgent({
    ...resolveProxySettings(options.proxy, options.env),
    connect: connectTimeout,
    // Through a proxy, undici connects with these instead of `connect`.
    proxyTls: connectTimeout,
    requestTls: connectTimeout,
    headersTimeout: timeouts.headersMs,
    bodyTimeout: timeouts.bodyMs,
    keepAliveTimeout: KEEP_ALIVE_MS,
  });

  return {
    async send(request, signal) {
      try {
        const response = await dispatcher.request({
          origin: request.origin,
          path: request.path,
          method: request.method,
          headers: request.headers,
          body: request.body ?? null,
          signal,
        });
        const bodyText = await response.body.text();
        return { kind: 'response', status: response.statusCode, headers: flattenHeaders(response.headers), bodyText };
      } catch (error) {
        if (signal?.aborted) return { kind: 'cancelled' };
        return { kind: 'networkError', ...classifyNetworkError(error) };
      }
    },
    close: () => dispatcher.close(),
  };
}

const TLS_CODE = /^(CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT$|SELF_SIGNED_CERT_IN_CHAIN$|ERR_TLS_|ERR_SSL_|HOSTNAME_MISMATCH$)/;

/** Maps undici's and Node's connection errors to a reason and whether the request may have been delivered. */
export function classifyNetworkError(error: unknown): NetworkFailure {
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  const notDelivered = (reason: NetworkFailureReason): NetworkFailure => ({ reason, mayHaveReachedServer: false, message });
  const maybeDelivered = (reason: NetworkFailureReason): NetworkFailure => ({ reason, mayHaveReachedServer: true, message });

  switch (code) {
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'ETIMEDOUT':
      return { ...notDelivered('timeout'), timeoutPhase: 'connect' };
    case 'UND_ERR_HEADERS_TIMEOUT':
      return { ...maybeDelivered('timeout'), timeoutPhase: 'headers' };
    case 'UND_ERR_BODY_TIMEOUT':
      return { ...maybeDelivered('timeout'), timeoutPhase: 'body' };
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
    case 'UND_ERR_PRX_TLS':
      return { reason: 'proxy', mayHaveReachedServer: false, message: 'the secure connection to the proxy failed' };
  }
  if (code !== undefined && TLS_CODE.test(code)) return notDelivered('tls');
  // A proxy that refuses the CONNECT tunnel or wants credentials: the request never left for HubSpot.
  const proxyStatus = /^Proxy (?:response|Authentication Required) \((\d+)\)/.exec(message)?.[1];
  if (proxyStatus !== undefined) {
    const why = proxyStatus === '407' ? 'wants credentials (407)' : `answered ${proxyStatus} to the tunnel request`;
    return { reason: 'proxy', mayHaveReachedServer: false, message: `the proxy ${why}` };
  }
  return maybeDelivered('other');
}

function errorCode(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; current instanceof Object && depth < 3; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): ResponseHeaders {
  // No prototype: a header named `__proto__` must stay a header.
  const flat = Object.create(null) as Record<string, string>;
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}
