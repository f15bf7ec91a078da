// Everything this project knows about the Contacts v1 API itself: its URLs, its request body and the
// shapes of its answers. Readers take `unknown` and treat every field as optional, as HubSpot asks
// of clients; they return undefined (or an empty list) rather than throw on a surprising body.
import { asObject, positiveInteger, text } from './bodyReaders';

/** One entry of the payload's `properties` array, sent exactly as the file has it. */
export interface ContactPropertyValue {
  readonly property: string;
  readonly value: string | number | boolean | null;
}

export const CREATE_CONTACT_PATH = '/contacts/v1/contact';

/** The contact's profile: POST updates it, GET reads it. */
export function contactProfilePath(vid: number): string {
  return `/contacts/v1/contact/vid/${vid}/profile`;
}

/** The request body, exactly `{"properties":[…]}`. */
export function contactRequestBody(properties: readonly ContactPropertyValue[]): string {
  return JSON.stringify({ properties });
}

/**
 * A vid as HubSpot numbers contacts. Checked before sending because a non-numeric vid in the path
 * once made HubSpot answer 200 with an empty body, which looks like success.
 */
export function parseVid(vid: number | string): number | undefined {
  const number = typeof vid === 'number' ? vid : /^\s*\d+\s*$/.test(vid) ? Number(vid) : Number.NaN;
  return Number.isSafeInteger(number) && number > 0 ? number : undefined;
}

/** Email is the key HubSpot de-duplicates contacts by: a second create with it answers 409 instead of creating a twin. */
export function hasDeduplicationKey(properties: readonly ContactPropertyValue[]): boolean {
  return properties.some((entry) => entry.property === 'email' && typeof entry.value === 'string' && entry.value.trim() !== '');
}

export interface CreatedContact {
  readonly vid: number;
  readonly portalId: number | undefined;
  readonly profileUrl: string | undefined;
}

/** The 200 body of a create: the full contact record. */
export function readCreatedContact(body: unknown): CreatedContact | undefined {
  const record = asObject(body);
  const vid = positiveInteger(record?.vid);
  if (vid === undefined) return undefined;
  return { vid, portalId: positiveInteger(record?.['portal-id']), profileUrl: text(record?.['profile-url']) };
}

/**
 * When HubSpot added the contact (epoch ms, its clock), from a read of the record: `addedAt`, else
 * the `createdate` property. `addedAt` comes first because `createdate` is a property an import may
 * have back-dated.
 */
export function readContactCreatedAt(body: unknown): number | undefined {
  const record = asObject(body);
  const addedAt = positiveInteger(record?.addedAt);
  if (addedAt !== undefined) return addedAt;
  const createdate = text(asObject(asObject(record?.properties)?.createdate)?.value);
  return createdate !== undefined && /^\d+$/.test(createdate) ? positiveInteger(Number(createdate)) : undefined;
}

/** The existing record's vid in a 409: `identityProfile.vid`, else the "Existing ID: 123" of newer messages. */
export function readExistingContactVid(body: unknown): number | undefined {
  const error = asObject(body);
  const fromProfile = positiveInteger(asObject(error?.identityProfile)?.vid);
  if (fromProfile !== undefined) return fromProfile;
  const match = /Existing ID: (\d+)/.exec(text(error?.message) ?? '');
  return match ? positiveInteger(Number(match[1])) : undefined;
}

export interface ValidationResult {
  /** The property the error is about. */
  readonly name: string;
  /** HubSpot's code: INVALID_EMAIL, PROPERTY_DOESNT_EXIST, INVALID_OPTION, INVALID_DATE, INVALID_LONG, … */
  readonly error: string;
  readonly message: string;
}

/**
 * The per-property errors of a 400: v1's `validationResults`, or the same list that v3-style bodies
 * wrap as a JSON string inside `message`. Empty for 400s that have none ("property cannot be missing or null").
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
