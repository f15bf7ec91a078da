// How long a request may take. The promise is one total deadline per attempt, as curl's --max-time
// and Go's Client.Timeout: connecting, sending, waiting and reading the answer all count, so a proxy
// that never opens its tunnel or a server that drips its answer a byte at a time cannot hold a send.
// The per-phase bounds inside it end some failures earlier (a dead host fails after the connect bound,
// and the retry policy can try again).
import { HubSpotConfigError } from './configError';

export interface HttpTimeouts {
  /** Establishing the TCP/TLS connection (to the proxy, when there is one). */
  readonly connectMs: number;
  /** From the request being sent to the response headers arriving. */
  readonly headersMs: number;
  /** Longest silence while the response body arrives. */
  readonly bodyMs: number;
  /** The whole attempt, from asking for a connection to the last byte of the answer. */
  readonly totalMs: number;
}

/** The one timeout a user sets (`contactPayloads.request.timeoutSeconds`, the CLI's --timeout), in seconds. */
export const REQUEST_TIMEOUT_SECONDS = { minimum: 1, maximum: 600, default: 30 } as const;

/** Connecting takes at most this much of the total: a host that does not accept in 10 s is not going to. */
const CONNECT_MS = 10_000;

/** What the timeout setting means: `seconds` for the whole attempt, connecting included. */
export function timeoutsForSeconds(seconds: number): HttpTimeouts {
  const totalMs = seconds * 1000;
  return { connectMs: Math.min(totalMs, CONNECT_MS), headersMs: totalMs, bodyMs: totalMs, totalMs };
}

export const DEFAULT_TIMEOUTS: HttpTimeouts = timeoutsForSeconds(REQUEST_TIMEOUT_SECONDS.default);

/** Node's timers fire at once (with a warning) beyond this. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/** Fills in defaults; throws, before anything is sent, for a value no timer can wait for. */
export function checkedTimeouts(given: Partial<HttpTimeouts> = {}): HttpTimeouts {
  const value = (name: keyof HttpTimeouts): number => {
    const ms = given[name] ?? DEFAULT_TIMEOUTS[name];
    if (typeof ms !== 'number' || !(ms >= 1 && ms <= LONGEST_TIMER_MS)) {
      throw new HubSpotConfigError(`The ${name} timeout must be from 1 to ${LONGEST_TIMER_MS} milliseconds (got ${String(ms)}).`);
    }
    return ms;
  };
  return { connectMs: value('connectMs'), headersMs: value('headersMs'), bodyMs: value('bodyMs'), totalMs: value('totalMs') };
}
