// The values of `npm run sandbox`'s options that are more than a word: `--rate-limit 20/2s`,
// `--daily N`, `--faults 5xx=0.05,lost=0.03`, `--seed N`. Each parser throws a message naming the
// option and what it expects, for main.ts to print.
import type { RandomFaultRates } from './faults';
import type { RateLimits } from './rateLimiter';

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1_000, m: 60_000 };

/** `N/interval`: N requests in any rolling window of the interval (`10s`, `500ms`, `1m`; a bare number is seconds). */
export function parseRateLimit(text: string): Pick<RateLimits, 'burst' | 'intervalMs'> {
  const match = /^\s*(\d+)\s*\/\s*(\d+(?:\.\d+)?)\s*(ms|s|m)?\s*$/.exec(text);
  const intervalMs = match ? Number(match[2]) * (UNIT_MS[match[3] ?? 's'] ?? 1_000) : 0;
  if (!match || Number(match[1]) < 1 || !Number.isInteger(intervalMs) || intervalMs < 1) {
    throw new Error(`--rate-limit takes requests/interval, such as 100/10s or 20/500ms: ${text}`);
  }
  return { burst: Number(match[1]), intervalMs };
}

export function parseWholeNumber(option: string, text: string): number {
  if (!/^\d+$/.test(text.trim())) throw new Error(`--${option} takes a whole number: ${text}`);
  return Number(text);
}

const FAULT_KINDS: Readonly<Record<string, keyof RandomFaultRates>> = { '5xx': 'serverError', lost: 'lost' };

/** `5xx=0.05,lost=0.03`: the chance of each kind of fault per request. */
export function parseFaultRates(text: string): RandomFaultRates {
  const rates: Partial<Record<keyof RandomFaultRates, number>> = {};
  for (const part of text.split(',').filter((item) => item.trim() !== '')) {
    const [name = '', value = ''] = part.split('=').map((item) => item.trim());
    const kind = FAULT_KINDS[name];
    const chance = Number(value);
    if (!kind || value === '' || !(chance >= 0 && chance <= 1)) throw new Error(`--faults takes kind=chance pairs, the kinds 5xx and lost, each chance from 0 to 1: ${text}`);
    rates[kind] = chance;
  }
  if ((rates.serverError ?? 0) + (rates.lost ?? 0) > 1) throw new Error(`--faults: the chances add up to more than 1: ${text}`);
  return rates;
}
