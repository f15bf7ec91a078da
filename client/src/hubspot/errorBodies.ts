// HubSpot's error answers, which its contact APIs share: the envelope, a 400's per-property results,
// a 403's missing scopes, a 429's policy. Readers take `unknown` and treat every field as optional,
// as HubSpot asks of clients; they return undefined (or an empty list) rather than throw on a surprising body.
import { asObject, positiveInteger, text } from './bodyReaders';

export interface ValidationResult {
  /** The property the error is about. */
  readonly name: string;
  /**
   * HubSpot's code: INVALID_EMAIL, PROPERTY_DOESNT_EXIST, INVALID_OPTION, INVALID_DATE, INVALID_LONG, …;
   * REQUIRED_PROPERTY for the admin rules the date-based versions enforce from 2026-09 (see below).
   */
  readonly error: string;
  readonly message: string;
}

/**
 * The per-property errors of a 400: v1's `validationResults`, or the same list that the CRM objects
 * API (v3 and the date-based versions) wraps as a JSON string inside `message`, category
 * VALIDATION_ERROR. From 2026-09 that API also enforces the portal admins' rules (required on create,
 * conditionally required) with 400 VALIDATION_ERROR; they are read as the same list, whatever the
 * code in it — REQUIRED_PROPERTY is the sandbox's, the code HubSpot sends for them is not verified.
 * Empty for 400s that have none ("property cannot be missing or null") or whose inner JSON does not
 * parse: the outcome then shows the message as it is.
 */
export function readValidationResults(body: unknown): readonly ValidationResult[] {
  const error = asObject(body);
  if (Array.isArray(error?.validationResults)) return toValidationResults(error.validationResults);
  const wrapped = /^Property values were not valid: (\[[\s\S]*\])$/.exec(text(error?.message) ?? '');
  if (!wrapped) return [];
  try {
    const list: unknown = JSON.parse(wrapped[1] ?? '');
    return Array.isArray(list) ? toValidationResults(list) : [];
  } catch {
    return [];
  }
}

/** The "Existing ID: 123" a 409's message names (newer v1 bodies and every CRM objects 409). */
export function readExistingIdInMessage(body: unknown): number | undefined {
  const match = /Existing ID: (\d+)/.exec(text(asObject(body)?.message) ?? '');
  return match ? positiveInteger(Number(match[1])) : undefined;
}

/** The scopes a 403 MISSING_SCOPES says the token lacks (`requiredGranularScopes` or the older `requiredScopes`). */
export function readRequiredScopes(body: unknown): readonly string[] {
  const errors = asObject(body)?.errors;
  const details: readonly unknown[] = Array.isArray(errors) ? errors : [];
  const scopes = new Set<string>();
  for (const detail of details) {
    const context = asObject(asObject(detail)?.context);
    for (const key of ['requiredGranularScopes', 'requiredScopes']) {
      const list = context?.[key];
      if (Array.isArray(list)) for (const scope of list) if (typeof scope === 'string') scopes.add(scope);
    }
  }
  return [...scopes];
}

export type RateLimitPolicy = 'daily' | 'tenSecondly' | 'secondly' | 'unknown';

/** Which limit a 429 is about, from `policyName` (or, in older bodies, the message). */
export function readRateLimitPolicy(body: unknown): { readonly policy: RateLimitPolicy; readonly policyName: string | undefined } {
  const error = asObject(body);
  const policyName = text(error?.policyName);
  const message = text(error?.message) ?? '';
  if (policyName === 'DAILY' || /daily limit/i.test(message)) return { policy: 'daily', policyName };
  if (policyName === 'TEN_SECONDLY_ROLLING' || /ten_secondly/i.test(message)) return { policy: 'tenSecondly', policyName };
  if (policyName === 'SECONDLY' || /secondly limit/i.test(message)) return { policy: 'secondly', policyName };
  return { policy: 'unknown', policyName };
}

/** The error envelope's `message` and `category` (e.g. INVALID_AUTHENTICATION, EXPIRED_AUTHENTICATION). */
export function readErrorEnvelope(body: unknown): { readonly message: string | undefined; readonly category: string | undefined } {
  const error = asObject(body);
  return { message: text(error?.message), category: text(error?.category) };
}

function toValidationResults(list: readonly unknown[]): ValidationResult[] {
  return list.flatMap((item) => {
    const entry = asObject(item);
    if (!entry || entry.isValid === true) return [];
    return [{ name: text(entry.name) ?? '', error: text(entry.error) ?? '', message: text(entry.message) ?? '' }];
  });
}
