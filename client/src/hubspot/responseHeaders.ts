// Reads the response headers worth showing and acting on: the correlation id HubSpot support asks
// for, the X-HubSpot-RateLimit-* family, Retry-After and Date.
import type { ResponseHeaders } from './http';

/** Rate-limit headers of the last response; a field is undefined when the header was absent or not a number. */
export interface RateLimitHeaders {
  /** Requests allowed per window (`X-HubSpot-RateLimit-Max`). */
  readonly max: number | undefined;
  /** Requests left in the current window. */
  readonly remaining: number | undefined;
  /** Length of the window (`X-HubSpot-RateLimit-Interval-Milliseconds`). */
  readonly intervalMs: number | undefined;
  /** Daily allowance; absent for OAuth calls. */
  readonly daily: number | undefined;
  readonly dailyRemaining: number | undefined;
}

export function readCorrelationId(headers: ResponseHeaders): string | undefined {
  return headers['x-hubspot-correlation-id'] || undefined;
}

export function readRateLimitHeaders(headers: ResponseHeaders): RateLimitHeaders {
  const number = (name: string): number | undefined => {
    const value = headers[`x-hubspot-ratelimit-${name}`];
    return value !== undefined && /^\d+$/.test(value.trim()) ? Number(value) : undefined;
  };
  return {
    max: number('max'),
    remaining: number('remaining'),
    intervalMs: number('interval-milliseconds'),
    daily: number('daily'),
    dailyRemaining: number('daily-remaining'),
  };
}

/** `Retry-After` as a wait in ms: delay-seconds or an HTTP date (compared with `nowMs`, epoch ms). */
export function readRetryAfterMs(headers: ResponseHeaders, nowMs: number): number | undefined {
  const value = headers['retry-after']?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/** `Date`: the server's clock when it answered, whole seconds, as epoch ms; undefined when absent or not a date. */
export function readServerDateMs(headers: ResponseHeaders): number | undefined {
  const value = headers.date?.trim();
  const date = value ? Date.parse(value) : Number.NaN;
  return Number.isNaN(date) ? undefined : date;
}
