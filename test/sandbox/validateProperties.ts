// Checks a `{"properties":[…]}` body the way HubSpot's v1 endpoints do, with the error codes and
// message texts captured from the live API (hubspot-contacts-api.md §3.2, §8). Kept deliberately
// simple: it plays HubSpot for tests and demos, it is not the extension's validator.
import type { SandboxOption, SandboxProperty } from './propertyCatalog';

export interface PropertyWrite {
  readonly name: string;
  readonly value: string;
}

export interface ValidationResult {
  readonly isValid: false;
  readonly name: string;
  readonly error: 'PROPERTY_DOESNT_EXIST' | 'INVALID_EMAIL' | 'INVALID_OPTION' | 'INVALID_DATE' | 'INVALID_LONG';
  readonly message: string;
}

export type Verdict =
  | { readonly ok: true; readonly writes: readonly PropertyWrite[] }
  | { readonly ok: false; readonly message: string; readonly validationResults?: readonly ValidationResult[] };

const DAY_MS = 86_400_000;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const LONG = /^-?\d+$/;
/** Digits, an optional leading minus and one decimal point: HubSpot's rule for number values since 2023. */
const NUMBER = /^-?\d+(\.\d+)?$/;

export function validateProperties(body: unknown, properties: ReadonlyMap<string, SandboxProperty>): Verdict {
  const list = typeof body === 'object' && body !== null ? (body as { properties?: unknown }).properties : undefined;
  // The sandbox's own wording: HubSpot's answer to a body without a properties array was not captured.
  if (!Array.isArray(list)) return { ok: false, message: 'Invalid input JSON: expected {"properties":[…]}' };

  const writes: PropertyWrite[] = [];
  const results: ValidationResult[] = [];
  for (const item of list) {
    const name = typeof item === 'object' && item !== null ? (item as { property?: unknown }).property : undefined;
    // What HubSpot answered to items keyed `name` instead of `property`.
    if (typeof name !== 'string') return { ok: false, message: 'property cannot be missing or null' };
    const value = asText((item as { value?: unknown }).value);
    const definition = properties.get(name);
    if (!definition) {
      results.push(invalid(name, 'PROPERTY_DOESNT_EXIST', `Property "${name}" does not exist`));
      continue;
    }
    const problem = value === '' ? undefined : checkValue(definition, value);
    if (problem) results.push(problem);
    // Whether HubSpot rejects or ignores writes to read-only properties is unconfirmed; the sandbox ignores them.
    else if (!definition.readOnlyValue) writes.push({ name, value });
  }
  if (results.length > 0) return { ok: false, message: 'Property values were not valid', validationResults: results };
  return { ok: true, writes };
}

function checkValue(definition: SandboxProperty, value: string): ValidationResult | undefined {
  const { name } = definition;
  if (name === 'email' && !EMAIL.test(value)) return invalid(name, 'INVALID_EMAIL', `Email address ${value} is invalid`);
  switch (definition.type) {
    case 'enumeration':
    case 'bool':
      return checkOptions(definition, value);
    case 'number':
      return NUMBER.test(value) ? undefined : notALong(name, value);
    case 'datetime':
      return LONG.test(value) ? undefined : notALong(name, value);
    case 'date':
      if (!LONG.test(value)) return notALong(name, value);
      return Number(value) % DAY_MS === 0 ? undefined : invalid(name, 'INVALID_DATE', `${value} is at ${timeOfDay(Number(value))} UTC, not midnight!`);
    default:
      return undefined;
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

/** As HubSpot writes it: "13:1:0.0", unpadded. */
function timeOfDay(epochMs: number): string {
  const time = new Date(epochMs);
  return `${time.getUTCHours()}:${time.getUTCMinutes()}:${time.getUTCSeconds()}.${time.getUTCMilliseconds()}`;
}

function invalid(name: string, error: ValidationResult['error'], message: string): ValidationResult {
  return { isValid: false, name, error, message };
}

/** v1 values are strings; numbers and booleans are accepted and stored as their text, null clears. */
function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return value === null || value === undefined ? '' : (JSON.stringify(value) ?? '');
}
