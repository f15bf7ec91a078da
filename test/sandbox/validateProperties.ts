// Checks the properties of a write the way HubSpot's endpoints do, with the error codes and message
// texts captured from the live API (hubspot-contacts-api.md §3.2, §8): v1's `{"properties":[…]}`
// here, the CRM objects' `{"properties":{…}}` in validateObjectProperties.ts, one set of value rules
// for both but for dates. Kept deliberately simple: it plays HubSpot for tests and demos, it is not
// the extension's validator.
import type { SandboxOption, SandboxProperty } from './propertyCatalog';

export interface PropertyWrite {
  readonly name: string;
  readonly value: string;
}

export interface ValidationResult {
  readonly isValid: false;
  readonly name: string;
  readonly error: 'PROPERTY_DOESNT_EXIST' | 'INVALID_EMAIL' | 'INVALID_OPTION' | 'INVALID_DATE' | 'INVALID_LONG' | 'REQUIRED_PROPERTY';
  readonly message: string;
}

export type Verdict =
  | { readonly ok: true; readonly writes: readonly PropertyWrite[] }
  | { readonly ok: false; readonly message: string; readonly validationResults?: readonly ValidationResult[] };

/** How an API reads date and datetime values: v1 takes epoch ms only, the CRM objects API ISO 8601 as well. */
export type DateFormats = 'epochMs' | 'isoOrEpochMs';

/** One property a write sets, its value already text. */
export interface PropertyEntry {
  readonly name: string;
  readonly value: string;
}

const DAY_MS = 86_400_000;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const LONG = /^-?\d+$/;
/** Digits, an optional leading minus and one decimal point: HubSpot's rule for number values since 2023. */
const NUMBER = /^-?\d+(\.\d+)?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

export function validateProperties(body: unknown, properties: ReadonlyMap<string, SandboxProperty>): Verdict {
  const list = typeof body === 'object' && body !== null ? (body as { properties?: unknown }).properties : undefined;
  // The sandbox's own wording: HubSpot's answer to a body without a properties array was not captured.
  if (!Array.isArray(list)) return { ok: false, message: 'Invalid input JSON: expected {"properties":[…]}' };

  const entries: PropertyEntry[] = [];
  for (const item of list) {
    const name = typeof item === 'object' && item !== null ? (item as { property?: unknown }).property : undefined;
    // What HubSpot answered to items keyed `name` instead of `property`.
    if (typeof name !== 'string') return { ok: false, message: 'property cannot be missing or null' };
    entries.push({ name, value: asText((item as { value?: unknown }).value) });
  }
  return checkEntries(entries, properties, 'epochMs');
}

/**
 * Every entry against the catalog: the writes to apply, or the per-property results (plus those the
 * caller found already, such as missing required properties).
 */
export function checkEntries(entries: readonly PropertyEntry[], properties: ReadonlyMap<string, SandboxProperty>, dates: DateFormats, found: readonly ValidationResult[] = []): Verdict {
  const writes: PropertyWrite[] = [];
  const results: ValidationResult[] = [...found];
  for (const { name, value } of entries) {
    const definition = properties.get(name);
    if (!definition) {
      results.push(invalid(name, 'PROPERTY_DOESNT_EXIST', `Property "${name}" does not exist`));
      continue;
    }
    const checked = value === '' ? { value } : checkValue(definition, value, dates);
    if ('problem' in checked) results.push(checked.problem);
    // Whether HubSpot rejects or ignores writes to read-only properties is unconfirmed; the sandbox ignores them.
    else if (!definition.readOnlyValue) writes.push({ name, value: checked.value });
  }
  if (results.length > 0) return { ok: false, message: 'Property values were not valid', validationResults: results };
  return { ok: true, writes };
}

/** The value to store (dates as epoch ms, v1's form, whichever API wrote them), or what is wrong with it. */
function checkValue(definition: SandboxProperty, value: string, dates: DateFormats): { readonly value: string } | { readonly problem: ValidationResult } {
  const { name } = definition;
  const verdict = (problem: ValidationResult | undefined) => (problem ? { problem } : { value });
  if (name === 'email' && !EMAIL.test(value)) return verdict(invalid(name, 'INVALID_EMAIL', `Email address ${value} is invalid`));
  switch (definition.type) {
    case 'enumeration':
    case 'bool':
      return verdict(checkOptions(definition, value));
    case 'number':
      return verdict(NUMBER.test(value) ? undefined : notALong(name, value));
    case 'datetime':
      if (LONG.test(value)) return { value };
      if (dates === 'epochMs') return verdict(notALong(name, value));
      return ISO_DATE_TIME.test(value) && Number.isFinite(Date.parse(value)) ? { value: String(Date.parse(value)) } : verdict(notADate(name, value));
    case 'date': {
      if (dates === 'isoOrEpochMs' && ISO_DATE.test(value)) {
        const day = Date.parse(`${value}T00:00:00Z`);
        // Date.parse rolls 2026-02-30 over into March; a real day prints back as itself.
        return Number.isFinite(day) && new Date(day).toISOString().startsWith(value) ? { value: String(day) } : verdict(notADate(name, value));
      }
      if (!LONG.test(value)) return verdict(dates === 'epochMs' ? notALong(name, value) : notADate(name, value));
      return verdict(Number(value) % DAY_MS === 0 ? undefined : invalid(name, 'INVALID_DATE', `${value} is at ${timeOfDay(Number(value))} UTC, not midnight!`));
    }
    default:
      return { value };
  }
}

/** Options owned elsewhere (owners) or not in the bundled catalog (per-portal personas) cannot be checked. */
function checkOptions(definition: SandboxProperty, value: string): ValidationResult | undefined {
  const options = definition.options ?? [];
  if (definition.externalOptions || options.length === 0) return undefined;
  // Multi-select values are `;`-separated. Hidden options are still valid values, only not offered in forms.
  const parts = definition.fieldType === 'checkbox' ? value.split(';') : [value];
  const allowed = new Set(options.map((option) => option.value));
  if (parts.every((part) => allowed.has(part))) return undefined;
  return invalid(definition.name, 'INVALID_OPTION', `${value} was not one of the allowed options: [${options.map(describeOption).join(', ')}]`);
}

/** HubSpot prints the options in protobuf text form. */
function describeOption(option: SandboxOption, index: number): string {
  return `label: "${option.label}"\nvalue: "${option.value}"\ndisplay_order: ${index}\nhidden: ${option.hidden ?? false}\nread_only: false\n`;
}

function notALong(name: string, value: string): ValidationResult {
  return invalid(name, 'INVALID_LONG', `${value} was not a valid long.`);
}

/** The sandbox's wording: HubSpot's answer to an unreadable date in the CRM objects API was not captured. */
function notADate(name: string, value: string): ValidationResult {
  return invalid(name, 'INVALID_DATE', `${value} is not a valid date`);
}

/** As HubSpot writes it: "13:1:0.0", unpadded. */
function timeOfDay(epochMs: number): string {
  const time = new Date(epochMs);
  return `${time.getUTCHours()}:${time.getUTCMinutes()}:${time.getUTCSeconds()}.${time.getUTCMilliseconds()}`;
}

export function invalid(name: string, error: ValidationResult['error'], message: string): ValidationResult {
  return { isValid: false, name, error, message };
}

/** v1 values are strings; numbers and booleans are accepted and stored as their text, null clears. */
export function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return value === null || value === undefined ? '' : (JSON.stringify(value) ?? '');
}
