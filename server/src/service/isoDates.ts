// ISO 8601 dates and date-times as HubSpot's CRM objects API takes them, read once for the value rules
// (valueRules.ts) and for conversion to v1 (convertDates.ts), so that what one calls valid the other
// converts: `YYYY-MM-DD` naming a day of the calendar, and a date-time with its time zone on such a day.

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;
const DATE_TIME_WITHOUT_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;

/** Written as `YYYY-MM-DD`, whether or not the calendar has that day. */
export function looksLikeIsoDate(text: string): boolean {
  return DATE.test(text);
}

/** Epoch milliseconds at midnight UTC of `YYYY-MM-DD` when it names a day of the calendar (not 2026-02-30). */
export function isoDateMs(text: string): number | undefined {
  if (!DATE.test(text)) return undefined;
  const ms = Date.parse(text);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === text ? ms : undefined;
}

/** Epoch milliseconds of an ISO 8601 date-time with its time zone, on a day of the calendar. */
export function isoDateTimeMs(text: string): number | undefined {
  if (!DATE_TIME.test(text) || isoDateMs(text.slice(0, 10)) === undefined) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Written as a date-time with its time zone, whether or not the calendar has that day. */
export function looksLikeIsoDateTime(text: string): boolean {
  return DATE_TIME.test(text);
}

/** A date-time without its time zone: the moment it means is not known. */
export function isDateTimeWithoutZone(text: string): boolean {
  return DATE_TIME_WITHOUT_ZONE.test(text);
}
