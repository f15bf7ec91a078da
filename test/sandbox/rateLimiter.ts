// HubSpot's two limits for private apps: a rolling ten-second burst window and a daily allowance
// (reset at midnight; the sandbox's account time zone is UTC). Every authenticated API request
// counts; a refused one does not.
import type { RateLimitPolicyName } from './errorBodies';

export interface RateLimits {
  /** Requests allowed per rolling window (HubSpot: 100 to 190 for private apps). */
  readonly burst: number;
  readonly intervalMs: number;
  readonly daily: number;
  /** Send Retry-After with a 429. HubSpot is not confirmed to; the default follows the documented headers only. */
  readonly retryAfter: boolean;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { burst: 100, intervalMs: 10_000, daily: 250_000, retryAfter: false };

export type RateLimitVerdict =
  | { readonly allowed: true; readonly headers: Record<string, string> }
  | { readonly allowed: false; readonly policyName: RateLimitPolicyName; readonly headers: Record<string, string> };

export interface RateLimiter {
  take(): RateLimitVerdict;
}

const DAY_MS = 86_400_000;

export function createRateLimiter(limits: RateLimits, now: () => number): RateLimiter {
  let recent: number[] = [];
  let day = -1;
  let usedToday = 0;

  const headers = (): Record<string, string> => ({
    'X-HubSpot-RateLimit-Daily': String(limits.daily),
    'X-HubSpot-RateLimit-Daily-Remaining': String(Math.max(0, limits.daily - usedToday)),
    'X-HubSpot-RateLimit-Interval-Milliseconds': String(limits.intervalMs),
    'X-HubSpot-RateLimit-Max': String(limits.burst),
    'X-HubSpot-RateLimit-Remaining': String(Math.max(0, limits.burst - recent.length)),
  });

  return {
    take() {
      const at = now();
      if (Math.floor(at / DAY_MS) !== day) {
        day = Math.floor(at / DAY_MS);
        usedToday = 0;
      }
      recent = recent.filter((time) => time > at - limits.intervalMs);
      if (usedToday >= limits.daily) return refuse('DAILY', headers(), limits.retryAfter ? DAY_MS - (at % DAY_MS) : undefined);
      if (recent.length >= limits.burst) {
        const oldest = recent[0] ?? at;
        return refuse('TEN_SECONDLY_ROLLING', headers(), limits.retryAfter ? oldest + limits.intervalMs - at : undefined);
      }
      recent.push(at);
      usedToday++;
      return { allowed: true, headers: headers() };
    },
  };
}

function refuse(policyName: RateLimitPolicyName, headers: Record<string, string>, retryAfterMs: number | undefined): RateLimitVerdict {
  if (retryAfterMs === undefined) return { allowed: false, policyName, headers };
  return { allowed: false, policyName, headers: { ...headers, 'Retry-After': String(Math.ceil(retryAfterMs / 1000)) } };
}
