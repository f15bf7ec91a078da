// Dates on the way to v1. The CRM objects API takes a `date` property as `YYYY-MM-DD` and a
// `datetime` as an ISO 8601 date-time; the v1 API takes both only as epoch milliseconds (a date at
// midnight UTC). Epoch milliseconds are valid in both, so nothing is needed the other way.
import type { PropertyType } from './catalog';
import { isDateTimeWithoutZone, isoDateMs, isoDateTimeMs, looksLikeIsoDate, looksLikeIsoDateTime } from './isoDates';

export type V1Date =
  /** The value as v1 takes it: epoch milliseconds, as a string. */
  | { readonly kind: 'converted'; readonly text: string }
  /** A date v1 cannot take and that cannot be converted without guessing; why, as a clause. */
  | { readonly kind: 'unconvertible'; readonly why: string };

/** What a CRM objects value of a `date` or `datetime` property becomes in v1; undefined when v1 takes it as it is. */
export function v1Date(value: string, type: PropertyType): V1Date | undefined {
  if (type !== 'date' && type !== 'datetime') return undefined;
  const midnight = isoDateMs(value);
  if (midnight !== undefined) return { kind: 'converted', text: String(midnight) };
  if (looksLikeIsoDate(value)) return { kind: 'unconvertible', why: 'is not a day of the calendar' };
  if (type === 'date') return undefined;
  const instant = isoDateTimeMs(value);
  if (instant !== undefined) return { kind: 'converted', text: String(instant) };
  if (looksLikeIsoDateTime(value)) return { kind: 'unconvertible', why: 'is not a moment of the calendar' };
  return isDateTimeWithoutZone(value) ? { kind: 'unconvertible', why: 'has no time zone, so the moment it means is not known' } : undefined;
}
