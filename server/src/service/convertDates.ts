// Dates on the way to v1. The CRM objects API takes a `date` property as `YYYY-MM-DD` and a
// `datetime` as an ISO 8601 date-time; the v1 API takes both only as epoch milliseconds (a date at
// midnight UTC). Epoch milliseconds are valid in both, so nothing is needed the other way.
import type { PropertyType } from './catalog';

export type V1Date =
  /** The value as v1 takes it: epoch milliseconds, as a string. */
  | { readonly kind: 'converted'; readonly text: string }
  /** A date v1 cannot take and that cannot be converted without guessing; why, as a clause. */
  | { readonly kind: 'unconvertible'; readonly why: string };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A date-time with a time zone: without one, the instant it names is a guess. */
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/i;
const DATE_TIME_WITHOUT_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;

/** What a CRM objects value of a `date` or `datetime` property becomes in v1; undefined when v1 takes it as it is. */
export function v1Date(value: string, type: PropertyType): V1Date | undefined {
  if (type !== 'date' && type !== 'datetime') return undefined;
  const midnight = midnightUtc(value);
  if (midnight !== undefined) return { kind: 'converted', text: String(midnight) };
  if (type === 'date') return DATE.test(value) ? { kind: 'unconvertible', why: 'is not a day of the calendar' } : undefined;
  const zoned = DATE_TIME.exec(value);
  if (zoned) {
    const instant = Date.parse(value);
    return zoned[1] !== undefined && midnightUtc(zoned[1]) !== undefined && Number.isFinite(instant)
      ? { kind: 'converted', text: String(instant) }
      : { kind: 'unconvertible', why: 'is not a moment of the calendar' };
  }
  return DATE_TIME_WITHOUT_ZONE.test(value) ? { kind: 'unconvertible', why: 'has no time zone, so the moment it means is not known' } : undefined;
}

/** Epoch milliseconds of a real calendar day `YYYY-MM-DD` at midnight UTC. */
function midnightUtc(value: string): number | undefined {
  const match = DATE.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  // Date.UTC rolls 2024-02-30 over into March: such a day does not exist.
  return new Date(ms).toISOString().slice(0, 10) === value ? ms : undefined;
}
