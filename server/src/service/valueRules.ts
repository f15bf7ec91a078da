// HubSpot's own value rules, checked against the property catalog: the checks that make HubSpot
// answer 400 (INVALID_EMAIL, INVALID_OPTION, INVALID_DATE, INVALID_LONG, number and bool formats).
// Telling whether a value breaks a rule is cheap; the finding (its message, its suggestions) is built
// only when the report shows it: a file can hold thousands of bad values, each with suggestions to
// look up among the options.
import { fullFormats } from 'ajv-formats/dist/formats';
import { hasCheckableOptions, isMultiSelect, type PropertyDefinition } from './catalog';
import { DiagnosticCode } from './diagnosticCodes';
import type { Finding } from './finding';
import type { JsonValue } from './payloadModel';
import { MAX_LABEL_LENGTH, shortened } from './portalText';
import { optionIndex } from './suggest';

const DAY_MS = 86_400_000;
/** The farthest a JavaScript Date reaches from 1970, either way: years -271821 to 275760. */
const MAX_EPOCH_MS = 8_640_000_000_000_000;
const EMAIL = fullFormats.email as RegExp;
const NUMBER = /^-?(?:\d+(?:\.\d*)?|\.\d+)$/;
const LONG = /^-?\d+$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/** Builds the finding for a value that breaks a rule. */
export type ValueFinding = (definition: PropertyDefinition, text: string, span: JsonValue) => Finding;

/** The rule a string value breaks, as the function that builds its finding; undefined when it passes (an empty string always does: it clears the property). */
export function brokenValueRule(definition: PropertyDefinition, text: string): ValueFinding | undefined {
  if (text === '') return undefined;
  if (definition.name === 'email') return EMAIL.test(text) ? undefined : invalidEmail;
  switch (definition.type) {
    case 'enumeration': return hasCheckableOptions(definition) && !hasOnlyOptions(definition, text) ? invalidOption : undefined;
    case 'number': return NUMBER.test(text) ? undefined : invalidNumber;
    case 'date': return isEpochMs(text) && Number(text) % DAY_MS === 0 ? undefined : invalidDate;
    case 'datetime': return isEpochMs(text) ? undefined : invalidDatetime;
    case 'bool': return text === 'true' || text === 'false' ? undefined : invalidBool;
    default: return undefined;
  }
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
const optionValueSets = new WeakMap<PropertyDefinition, ReadonlySet<string>>();

function optionValues(definition: PropertyDefinition): ReadonlySet<string> {
  let values = optionValueSets.get(definition);
  if (!values) {
    values = new Set(definition.options!.map((o) => o.value));
    optionValueSets.set(definition, values);
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
  const iso = ISO_DATE.test(text) ? Date.parse(text) : NaN;
  return {
    code: DiagnosticCode.InvalidDate, severity: 'error', span,
    message: `"${text}" is not a date HubSpot's v1 API accepts for ${describe(definition)}: use epoch milliseconds at midnight UTC${Number.isNaN(iso) ? '' : ` (${iso})`}.`,
    ...(Number.isNaN(iso) ? {} : { data: { fix: 'replace', replacements: [String(iso)] } }),
  };
}

function invalidDatetime(definition: PropertyDefinition, text: string, span: JsonValue): Finding {
  if (LONG.test(text)) return beyondDates(DiagnosticCode.InvalidDatetime, definition, text, span, 'timestamp', '');
  const ms = ISO_DATE_TIME.test(text) || ISO_DATE.test(text) ? Date.parse(text) : NaN;
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
