// HubSpot's own value rules, checked against the property catalog: the checks that make HubSpot
// answer 400 (INVALID_EMAIL, INVALID_OPTION, INVALID_DATE, INVALID_LONG, number and bool formats).
import { fullFormats } from 'ajv-formats/dist/formats';
import { hasCheckableOptions, isMultiSelect, type PropertyDefinition } from './catalog';
import { DiagnosticCode } from './diagnosticCodes';
import type { Finding } from './finding';
import type { JsonValue } from './payload';
import { closestMatches } from './suggest';

const DAY_MS = 86_400_000;
const EMAIL = fullFormats.email as RegExp;
const NUMBER = /^-?(?:\d+(?:\.\d*)?|\.\d+)$/;
const LONG = /^-?\d+$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/** Checks one string value (an empty string always passes: it clears the property). */
export function checkValue(definition: PropertyDefinition, text: string, span: JsonValue): Finding | undefined {
  if (text === '') return undefined;
  if (definition.name === 'email') return checkEmail(text, span);
  switch (definition.type) {
    case 'enumeration': return hasCheckableOptions(definition) ? checkOptions(definition, text, span) : undefined;
    case 'number': return checkNumber(definition, text, span);
    case 'date': return checkDate(definition, text, span);
    case 'datetime': return checkDatetime(definition, text, span);
    case 'bool': return checkBool(definition, text, span);
    default: return undefined;
  }
}

function checkEmail(text: string, span: JsonValue): Finding | undefined {
  if (EMAIL.test(text)) return undefined;
  const trimmed = text.trim();
  const fixed = trimmed !== text && EMAIL.test(trimmed) ? [trimmed] : [];
  return {
    code: DiagnosticCode.InvalidEmail, severity: 'error', span,
    message: `"${text}" is not a valid email address: HubSpot answers INVALID_EMAIL.`,
    ...(fixed.length ? { data: { fix: 'replace', replacements: fixed } } : {}),
  };
}

/** Each enumeration's option values, built once per definition: checkOptions runs for every such value of every entry, every keystroke. */
const optionValueSets = new WeakMap<PropertyDefinition, ReadonlySet<string>>();

function optionValues(definition: PropertyDefinition): ReadonlySet<string> {
  let values = optionValueSets.get(definition);
  if (!values) {
    values = new Set(definition.options!.map((o) => o.value));
    optionValueSets.set(definition, values);
  }
  return values;
}

function checkOptions(definition: PropertyDefinition, text: string, span: JsonValue): Finding | undefined {
  const values = optionValues(definition);
  const multi = isMultiSelect(definition);
  // The common case, a valid value, allocates nothing.
  if (multi ? allOptions(text, values) : values.has(text)) return undefined;
  return invalidOption(definition, text, span, values, multi);
}

/** True when every `;`-separated part of `text` is empty or an option value. */
function allOptions(text: string, values: ReadonlySet<string>): boolean {
  if (!text.includes(';')) return values.has(text);
  for (const part of text.split(';')) if (part !== '' && !values.has(part)) return false;
  return true;
}

function invalidOption(definition: PropertyDefinition, text: string, span: JsonValue, values: ReadonlySet<string>, multi: boolean): Finding | undefined {
  const options = definition.options!;
  const parts = multi ? text.split(';') : [text];
  const bad = parts.filter((part) => part !== '' && !values.has(part));
  if (bad.length === 0) return undefined;

  // The classic trap: the option's label where HubSpot needs its value.
  const valueForLabel = (part: string) =>
    options.find((o) => o.label === part)?.value ?? options.find((o) => o.label.toLowerCase() === part.toLowerCase() || o.value.toLowerCase() === part.toLowerCase())?.value;
  const fixedParts = parts.map((part) => (part === '' || values.has(part) ? part : valueForLabel(part)));
  const labelFix = fixedParts.every((p) => p !== undefined) ? fixedParts.join(';') : undefined;

  const first = bad[0];
  const candidates = options.map((o) => ({ value: o.value, alias: o.label }));
  const replacements = labelFix !== undefined
    ? [labelFix]
    : parts.length === 1 ? closestMatches(first, candidates) : [];
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

function checkNumber(definition: PropertyDefinition, text: string, span: JsonValue): Finding | undefined {
  if (NUMBER.test(text)) return undefined;
  const cleaned = text.trim().replace(/[\s,_']/g, '');
  return {
    code: DiagnosticCode.InvalidNumber, severity: 'error', span,
    message: `"${text}" is not a number HubSpot accepts for ${describe(definition)}: only digits, one leading "-" and one "." (no thousands separators or spaces).`,
    ...(NUMBER.test(cleaned) && cleaned !== text ? { data: { fix: 'replace', replacements: [cleaned] } } : {}),
  };
}

function checkDate(definition: PropertyDefinition, text: string, span: JsonValue): Finding | undefined {
  if (LONG.test(text)) {
    const ms = Number(text);
    if (ms % DAY_MS === 0) return undefined;
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

function checkDatetime(definition: PropertyDefinition, text: string, span: JsonValue): Finding | undefined {
  if (LONG.test(text)) return undefined;
  const ms = ISO_DATE_TIME.test(text) || ISO_DATE.test(text) ? Date.parse(text) : NaN;
  return {
    code: DiagnosticCode.InvalidDatetime, severity: 'error', span,
    message: `"${text}" is not a timestamp HubSpot's v1 API accepts for ${describe(definition)}: use epoch milliseconds${Number.isNaN(ms) ? '' : ` (${ms})`}; HubSpot answers INVALID_LONG.`,
    ...(Number.isNaN(ms) ? {} : { data: { fix: 'replace', replacements: [String(ms)] } }),
  };
}

const TRUTHY = new Set(['true', 'yes', 'y', '1', 'on', 'checked']);
const FALSY = new Set(['false', 'no', 'n', '0', 'off', 'unchecked']);

function checkBool(definition: PropertyDefinition, text: string, span: JsonValue): Finding | undefined {
  if (text === 'true' || text === 'false') return undefined;
  const lower = text.trim().toLowerCase();
  const fixed = TRUTHY.has(lower) ? 'true' : FALSY.has(lower) ? 'false' : undefined;
  return {
    code: DiagnosticCode.InvalidBool, severity: 'error', span,
    message: `"${text}" is not a value of the checkbox ${describe(definition)}: use "true" or "false".`,
    data: { fix: 'replace', replacements: fixed ? [fixed] : ['true', 'false'] },
  };
}

function describe(definition: PropertyDefinition): string {
  return `${definition.name} (${definition.label})`;
}

function listValues(values: readonly string[]): string {
  const shown = values.slice(0, 10).map((v) => `"${v}"`).join(', ');
  return values.length > 10 ? `${shown} and ${values.length - 10} more` : shown;
}
