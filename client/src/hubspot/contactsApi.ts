// What a send asks of HubSpot, whatever the API version: a target (a new contact, or the contact
// with this id or this email) and the properties to write. The HTTP client sends it through a
// ContactsApi, one module per API version (contactsV1.ts, contactsObjects.ts), which alone knows its
// paths, methods, request bodies and what its successful answers look like. Adding a version is
// adding such a module.

/** One property and the value to give it, exactly as the file has them. */
export interface ContactPropertyValue {
  readonly property: string;
  readonly value: string | number | boolean | null;
}

/**
 * What a send acts on: a new contact, the contact with this id, or the contact with this email.
 * The two updates exclude each other's key (`?: undefined`), so either can be told apart by it.
 */
export type ContactTarget =
  | { readonly operation: 'create' }
  | { readonly operation: 'update'; readonly id: number; readonly email?: undefined }
  | { readonly operation: 'update'; readonly email: string; readonly id?: undefined };

export type ContactOperation = ContactTarget['operation'];

export const CREATE_TARGET: ContactTarget = { operation: 'create' };

export function updateTarget(id: number): ContactTarget {
  return { operation: 'update', id };
}

export function updateByEmail(email: string): ContactTarget {
  return { operation: 'update', email };
}

/** What a request body may carry besides the properties. */
export interface BodyExtras {
  /** The CRM objects API's `associations` of a create, as the file has them; v1 has no such field. */
  readonly associations?: unknown;
}

/** Where a send goes; the HTTP client adds the origin and the headers. */
export interface ContactEndpoint {
  readonly method: 'POST' | 'PATCH';
  readonly path: string;
}

export interface CreatedContact {
  readonly vid: number;
  readonly portalId: number | undefined;
  readonly profileUrl: string | undefined;
}

/** What a 2xx answer to a create or an update says happened. */
export type SuccessRead =
  | ({ readonly kind: 'created' } & CreatedContact)
  | UpdatedContact
  | { readonly kind: 'unexpectedResponse'; readonly message: string };

/** An update that happened: the contact's id when the target or the answer gives it, and the email it was addressed by, if it was. */
export interface UpdatedContact {
  readonly kind: 'updated';
  readonly vid: number | undefined;
  readonly email?: string;
}

export interface ContactsApi {
  /** For messages: "Contacts v1", "CRM objects 2026-09". */
  readonly label: string;
  /** Which payload file shape this API takes: v1's property list or the CRM objects' `properties` object. */
  readonly payloadShape: 'v1' | 'objects';
  /** The method and path that write to the target. */
  endpoint(target: ContactTarget): ContactEndpoint;
  /**
   * The request body that writes these properties, with the extras this API knows (v1 ignores them;
   * the caller warns). Throws when it cannot be built (too large for a string).
   */
  body(properties: readonly ContactPropertyValue[], extras?: BodyExtras): string;
  /** What a 2xx answer to that request means. */
  readSuccess(target: ContactTarget, status: number, body: unknown): SuccessRead;
  /** The id of the existing contact a 409 names. */
  readExistingId(body: unknown): number | undefined;
  /** The GET path that reads one contact. */
  readPath(id: number): string;
  /** The contact a read answered with. */
  readContact(body: unknown): CreatedContact | undefined;
  /** When HubSpot added the contact (epoch ms, its clock), from a read. */
  readCreatedAt(body: unknown): number | undefined;
}

/** The method and URL a send to the target requests ("POST https://api.hubapi.com/…"), for a person to confirm or a dry run to show. */
export function requestLine(api: ContactsApi, origin: string, target: ContactTarget): string {
  const { method, path } = api.endpoint(target);
  return `${method} ${origin}${path}`;
}

/**
 * A contact id as HubSpot numbers contacts. Checked before sending because a non-numeric id in the
 * path once made HubSpot answer 200 with an empty body, which looks like success.
 */
export function parseVid(vid: number | string): number | undefined {
  const number = typeof vid === 'number' ? vid : /^\s*\d+\s*$/.test(vid) ? Number(vid) : Number.NaN;
  return Number.isSafeInteger(number) && number > 0 ? number : undefined;
}

/** Email is the key HubSpot de-duplicates contacts by: a second create with it answers 409 instead of creating a twin. */
export function hasDeduplicationKey(properties: readonly ContactPropertyValue[]): boolean {
  return properties.some((entry) => entry.property === 'email' && typeof entry.value === 'string' && entry.value.trim() !== '');
}
