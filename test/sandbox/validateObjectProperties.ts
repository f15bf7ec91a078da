// Checks a CRM objects `{"properties":{name: value}}` body: the same value rules as v1 but for dates
// (ISO 8601 as well as epoch ms), values coerced as HubSpot does (numbers and booleans to their text),
// and, on creates from 2026-09, the properties the portal's admins require.
import type { SandboxProperty } from './propertyCatalog';
import { asText, checkEntries, invalid, type PropertyEntry, type ValidationResult, type Verdict } from './validateProperties';

export function validateObjectProperties(body: unknown, properties: ReadonlyMap<string, SandboxProperty>, requiredOnCreate: readonly string[] = []): Verdict {
  const object = typeof body === 'object' && body !== null ? (body as { properties?: unknown }).properties : undefined;
  // The sandbox's own wording, as for v1: HubSpot's answer to a body without a properties object was not captured.
  if (typeof object !== 'object' || object === null || Array.isArray(object)) return { ok: false, message: 'Invalid input JSON: expected {"properties":{…}}' };

  const entries: PropertyEntry[] = [];
  for (const [name, value] of Object.entries(object)) {
    // The sandbox's wording too: HubSpot refuses a value it cannot read as text, in words not captured.
    if (typeof value === 'object' && value !== null) return { ok: false, message: `Invalid input JSON: the value of "${name}" must be a string, a number or a boolean` };
    entries.push({ name, value: asText(value) });
  }
  const given = new Set(entries.filter((entry) => entry.value !== '').map((entry) => entry.name));
  // REQUIRED_PROPERTY is the sandbox's code: the one HubSpot sends for its admin rules is not verified.
  const missing: ValidationResult[] = requiredOnCreate.filter((name) => !given.has(name)).map((name) => invalid(name, 'REQUIRED_PROPERTY', `${name} is required`));
  return checkEntries(entries, properties, 'isoOrEpochMs', missing);
}

/** A refusal's message as the CRM objects API words it: the per-property results as JSON inside the text. */
export function refusalMessage(verdict: Extract<Verdict, { ok: false }>): string {
  return verdict.validationResults ? `${verdict.message}: ${JSON.stringify(verdict.validationResults)}` : verdict.message;
}
