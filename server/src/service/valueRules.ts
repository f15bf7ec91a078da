// HubSpot's own value rules, checked against the property catalog: the checks that make HubSpot
// answer 400 (INVALID_EMAIL, INVALID_OPTION, INVALID_DATE, INVALID_LONG, number and bool formats).
// Telling whether a value breaks a rule is cheap; the finding (its message, its suggestions) is built
// only when the report shows it: a file can hold thousands of bad values, each with suggestions to
// look up among the options.
import { fullFormats } from 'ajv-formats/dist/formats';
import { hasCheckableOptions, isMultiSelect, type PropertyDefinition, type PropertyOption } from './catalog';
import { DiagnosticCode } from './diagnosticCodes';
import type { Finding } from './finding';
import type { JsonValue } from './payloadModel';
import { MAX_LABEL_LENGTH, shortened } from './portalText';
import { isoDateMs, isoDateTimeMs, looksLikeIsoDate } from './isoDates';
import { optionIndex } from './suggest';

const DAY_MS = 86_400_000;
/** The farthest a JavaScript Date reaches from 1970, either way: years -271821 to 275760. */
const MAX_EPOCH_MS = 8_640_000_000_000_000;
const EMAIL = fullFormats.email as RegExp;
const NUMBER = /^-?(?:\d+(?:\.\d*)?|\.\d+)$/;
const LONG = /^-?\d+$/;

/** Builds the finding for a value that breaks a rule. */
export type ValueFinding = (definition: PropertyDefinition, text: string, span: JsonValue) => Finding;

/**
 * How the API a payload goes to reads dates: v1 takes epoch milliseconds only; the CRM objects API also
 * takes ISO 8601 (`YYYY-MM-DD` for a date, a date-time for a datetime). Every other rule is the same.
 */
export type DateDialect = 'epochMilliseconds' | 'isoOrEpochMilliseconds';

/** The rule a string value breaks, as the function that builds its finding; undefined when it passes (an empty string always does: it clears the property). */
export function brokenValueRule(definition: PropertyDefinition, text: string, dates: DateDialect): ValueFinding | undefined {
  if (text === '') return undefined;
  if (definition.name === 'email') return EMAIL.test(text) ? undefined : invalidEmail;
  const iso = dates === 'isoOrEpochMilliseconds';
  switch (definition.type) {
    case 'enumeration': return hasCheckableOptions(definition) && !hasOnlyOptions(definition, text) ? invalidOption : undefined;
    case 'number': return NUMBER.test(text) ? undefined : invalidNumber;
    case 'date': return isMidnightEpochMs(text) || (iso && isIsoDate(text)) ? undefined : iso ? invalidIsoDate : invalidDate;
    case 'datetime': return isEpochMs(text) || (iso && (isIsoDateTime(text) || isIsoDate(text))) ? undefined : iso ? invalidIsoDatetime : invalidDatetime;
    case 'bool': return text === 'true' || text === 'false' ? undefined : invalidBool;
    default: return undefined;
  }
}

function isMidnightEpochMs(text: string): boolean {
  return isEpochMs(text) && Number(text) % DAY_MS === 0;
}

function isIsoDate(text: string): boolean {
  return isoDateMs(text) !== undefined;
}

function isIsoDateTime(text: string): boolean {
  return isoDateTimeMs(text) !== undefined;
}

/** Whole milliseconds within the range of dates (beyond it, a number is no moment and has no ISO form). */
function isEpochMs(text: string): boolean {
  return LONG.test(text) && Math.abs(Number(text)) <= MAX_EPOCH_MS;
}

function invalidEmail(_definition: PropertyDefinition, text: string, span: JsonValue): Finding {
  const trimmed = text.trim();
  const fixed = trimmed !== text && EMAIL.test(trimmed) ? [trimmed] : [];
  return {
    code: DiagnosticCode.InvalidEmail, severity: 'error', span,
    message: `"${text}" is not a valid email address: HubSpot answers INVALID_EMAIL.`,
    ...(fixed.length ? { data: { fix: 'replace', replacements: fixed } } : {}),
  };
}

/** Each enumeration's option values, built once per definition: the check runs for every such value of every entry, every keystroke. */
/** Keyed by the options, which properties with the same options share (catalog.ts): one set for them all. */
const optionValueSets = new WeakMap<readonly PropertyOption[], ReadonlySet<string>>();

function optionValues(definition: PropertyDefinition): ReadonlySet<string> {
  const options = definition.options!;
  let values = optionValueSets.get(options);
  if (!values) {
    values = new Set(options.map((o) => o.value));
    optionValueSets.set(options, values);
  }
  return values;
}

/** True when the value is an option value, or for a multi-select when every `;`-separated part is empty or one. The common case, a valid value, allocates nothing. */
function hasOnlyOptions(definition: PropertyDefinition, text: string): boolean {
  const values = optionValues(definition);
  if (!isMultiSelect(definition) || !text.includes(';')) return values.has(text);
  for (const part of text.split(';')) if (part !== '' && !values.has(part)) return false;
  return true;
}

function invalidOption(definition: PropertyDefinition, text: string, span: JsonValue): Finding {
  const options = definition.options!;
  const values = optionValues(definition);
  const parts = isMultiSelect(definition) ? text.split(';') : [text];
  const first = parts.find((part) => part !== '' && !values.has(part))!;

  // The classic trap: the option's label where HubSpot needs its value.
  const valueForLabel = (part: string) => {
    const lower = part.toLowerCase();
    return options.find((o) => o.label === part)?.value ?? options.find((o) => o.label.toLowerCase() === lower || o.value.toLowerCase() === lower)?.value;
  };
  const fixedParts = parts.map((part) => (part === '' || values.has(part) ? part : valueForLabel(part)));
  const labelFix = fixedParts.every((p) => p !== undefined) ? fixedParts.join(';') : undefined;

  const replacements = labelFix !== undefined
    ? [labelFix]
    : parts.length === 1 ? optionIndex(definition).closest(first) : [];
  const what = parts.length > 1 ? `"${first}" (in "${text}")` : `"${text}"`;
  const hint = labelFix !== undefined && parts.length === 1
    ? ` It is the label of an option; HubSpot needs the option's value "${labelFix}".`
    : labelFix !== undefined ? ` Use option values, not labels: "${labelFix}".` : ` Allowed values: ${listValues(options.map((o) => o.value))}.`;
  return {
    code: DiagnosticCode.InvalidOption, severity: 'error', span,
    message: `${what} is not an option value of ${describe(definition)}: HubSpot answers INVALID_OPTION.${hint}`,
    ...(replacements.length ? { data: { fix: 'replace', replacements } } : {}),
  };
}

function invalidNumber(definition: PropertyDefinition, text: string, span: JsonValue): Finding {
  const cleaned = text.trim().replace(/[\s,_']/g, '');
  return {
    code: DiagnosticCode.InvalidNumber, severity: 'error', span,
    message: `"${text}" is not a number HubSpot accepts for ${describe(definition)}: only digits, one leading "-" and one "." (no thousands separators or spaces).`,
    ...(NUMBER.test(cleaned) && cleaned !== text ? { data: { fix: 'replace', replacements: [cleaned] } } : {}),
  };
}

function invalidDate(definition: PropertyDefinition, text: string, span: JsonValue): Finding {
  if (LONG.test(text) && !isEpochMs(text)) return beyondDates(DiagnosticCode.InvalidDate, definition, text, span, 'date', ' at midnight UTC');
  if (LONG.test(text)) {
    const ms = Number(text);
    const midnight = String(Math.floor(ms / DAY_MS) * DAY_MS);
    return {
      code: DiagnosticCode.InvalidDate, severity: 'error', span,
      message: `${text} is at ${new Date(ms).toISOString().slice(11, 19)} UTC, not midnight: ${describe(definition)} is a date property and HubSpot answers INVALID_DATE. Midnight UTC of that day is ${midnight}.`,
      data: { fix: 'replace', replacements: [midnight] },
    };
  }
  const iso = looksLikeIsoDate(text) ? Date.parse(text) : NaN;
  return {
    code: DiagnosticCode.InvalidDate, severity: 'error', span,
    message: `"${text}" is not a date HubSpot's v1 API accepts for ${describe(definition)}: use epoch milliseconds at midnight UTC${Number.isNaN(iso) ? '' : ` (${iso})`}.`,
    ...(Number.isNaN(iso) ? {} : { data: { fix: 'replace', replacements: [String(iso)] } }),
  };
}

/** For the CRM objects API: a date is `YYYY-MM-DD` or epoch milliseconds at midnight UTC. */
function invalidIsoDate(definition: PropertyDefinition, text: string, span: JsonValue): Finding {
  if (LONG.test(text)) return invalidDate(definition, text, span);
  // A date-time on a date property: its day is what HubSpot keeps.
  const instant = isoDateTimeMs(text);
  const day = instant === undefined ? undefined : new Date(instant).toISOString().slice(0, 10);
  return {
    code: DiagnosticCode.InvalidDate, severity: 'error', span,
    message: `"${text}" is not a date HubSpot's CRM objects API accepts for ${describe(definition)}: use YYYY-MM-DD${day ? ` (${day})` : ''} or epoch milliseconds at midnight UTC.`,
    ...(day ? { data: { fix: 'replace', replacements: [day] } } : {}),
  };
}

/** For the CRM objects API: a datetime is an ISO 8601 date-time (or date) or epoch milliseconds. */
function invalidIsoDatetime(definition: PropertyDefinition, text: string, span: JsonValue): Finding {
  if (LONG.test(text)) return beyondDates(DiagnosticCode.InvalidDatetime, definition, text, span, 'timestamp', '');
  // A date-time without its time zone, or with a space for the `T`, is the common slip: UTC is the
  // likely meaning, and the fix says so.
  const written = text.replace(/^(\d{4}-\d{2}-\d{2}) (?=\d)/, '$1T');
  const fixed = [written, `${written}Z`].find((candidate) => candidate !== text && isIsoDateTime(candidate));
  return {
    code: DiagnosticCode.InvalidDatetime, severity: 'error', span,
    message: `"${text}" is not a date-time HubSpot's CRM objects API accepts for ${describe(definition)}: use ISO 8601 with a time zone, such as ${fixed ?? '2026-01-05T09:30:00Z'}, or epoch milliseconds.`,
    ...(fixed ? { data: { fix: 'replace', replacements: [fixed] } } : {}),
  };
}

function invalidDatetime(definition: PropertyDefinition, text: string, span: JsonValue): Finding {
  if (LONG.test(text)) return beyondDates(DiagnosticCode.InvalidDatetime, definition, text, span, 'timestamp', '');
  const ms = isoDateTimeMs(text) ?? (looksLikeIsoDate(text) ? Date.parse(text) : NaN);
  return {
    code: DiagnosticCode.InvalidDatetime, severity: 'error', span,
    message: `"${text}" is not a timestamp HubSpot's v1 API accepts for ${describe(definition)}: use epoch milliseconds${Number.isNaN(ms) ? '' : ` (${ms})`}; HubSpot answers INVALID_LONG.`,
    ...(Number.isNaN(ms) ? {} : { data: { fix: 'replace', replacements: [String(ms)] } }),
  };
}

/** Whole milliseconds so far from 1970 that no calendar reaches them. What HubSpot answers to one is not known, so the message does not say. */
function beyondDates(code: typeof DiagnosticCode.InvalidDate | typeof DiagnosticCode.InvalidDatetime, definition: PropertyDefinition, text: string, span: JsonValue, what: string, when: string): Finding {
  return {
    code, severity: 'error', span,
    message: `${text} is not a ${what} for ${describe(definition)}: as epoch milliseconds it lies beyond the range of dates (±${MAX_EPOCH_MS}, the years -271821 to 275760). Use epoch milliseconds${when}.`,
  };
}

const TRUTHY = new Set(['true', 'yes', 'y', '1', 'on', 'checked']);
const FALSY = new Set(['false', 'no', 'n', '0', 'off', 'unchecked']);

function invalidBool(definition: PropertyDefinition, text: string, span: JsonValue): Finding {
  const lower = text.trim().toLowerCase();
  const fixed = TRUTHY.has(lower) ? 'true' : FALSY.has(lower) ? 'false' : undefined;
  return {
    code: DiagnosticCode.InvalidBool, severity: 'error', span,
    message: `"${text}" is not a value of the checkbox ${describe(definition)}: use "true" or "false".`,
    data: { fix: 'replace', replacements: fixed ? [fixed] : ['true', 'false'] },
  };
}

function describe(definition: PropertyDefinition): string {
  return `${definition.name} (${shortened(definition.label, MAX_LABEL_LENGTH)})`;
}

function listValues(values: readonly string[]): string {
  const shown = values.slice(0, 10).map((v) => `"${v}"`).join(', ');
  return values.length > 10 ? `${shown} and ${values.length - 10} more` : shown;
}
