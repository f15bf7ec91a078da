// HubSpot's CRM objects API for contacts, in its date-based versions (`/crm/objects/2026-09/…`) and
// the older numeric v3 (`/crm/v3/objects/…`), which take the same requests: the body
// `{"properties":{name: value}}`, a create answering 201 with the object `{id, properties, createdAt,
// updatedAt, archived}`, an update PATCH answering 200 with it. The id is v1's vid, as a string.
// Readers take `unknown` and treat every field as optional, as HubSpot asks of clients.
import { asObject, text } from './bodyReaders';
import { parseVid, type BodyExtras, type ContactPropertyValue, type ContactTarget, type ContactsApi, type CreatedContact, type SuccessRead } from './contactsApi';
import { readExistingIdInMessage } from './errorBodies';

export type ApiVersion = '2026-09' | '2026-03' | 'v3';

/** Newest first. v3 is unsupported from September 2027, with v1. */
export const API_VERSIONS: readonly ApiVersion[] = ['2026-09', '2026-03', 'v3'];

export const DEFAULT_API_VERSION: ApiVersion = '2026-09';

/** Where a version keeps its contacts: single routes and batches (contactsBatch.ts) hang off it. */
export function collectionPath(version: ApiVersion): string {
  return version === 'v3' ? '/crm/v3/objects/contacts' : `/crm/objects/${version}/contacts`;
}

export function contactsObjectsApi(version: ApiVersion): ContactsApi {
  const collection = collectionPath(version);
  const objectPath = (id: number): string => `${collection}/${id}`;

  const endpointPath = (target: ContactTarget): string => {
    if (target.operation === 'create') return collection;
    return target.email === undefined ? objectPath(target.id) : `${collection}/${encodeURIComponent(target.email)}?idProperty=email`;
  };

  return {
    label: `CRM objects ${version}`,
    payloadShape: 'objects',

    endpoint: (target) => ({ method: target.operation === 'create' ? 'POST' : 'PATCH', path: endpointPath(target) }),

    body: (properties: readonly ContactPropertyValue[], extras?: BodyExtras) => JSON.stringify(objectBody(properties, extras)),

    readSuccess(target: ContactTarget, status: number, body: unknown): SuccessRead {
      const object = readObject(body);
      if (target.operation === 'create') {
        if (status === 201 && object) return { kind: 'created', ...object };
        return { kind: 'unexpectedResponse', message: 'expected 201 Created with the contact; the contact may have been created' };
      }
      // The object must come back: an empty 200 (a proxy's, or the kind v1 once gave a bad id) says nothing was written.
      if (status !== 200 || !object) return { kind: 'unexpectedResponse', message: 'expected 200 OK with the contact; the update may not have been applied' };
      return target.email === undefined ? { kind: 'updated', vid: target.id } : { kind: 'updated', vid: object.vid, email: target.email };
    },

    /** CRM 409s carry the id only in their message: "Contact already exists. Existing ID: 123". */
    readExistingId: readExistingIdInMessage,

    readPath: objectPath,

    readContact: readObject,

    /** `createdAt`, an ISO 8601 time: when HubSpot added the object, which no import can back-date. */
    readCreatedAt(body: unknown): number | undefined {
      const createdAt = text(asObject(body)?.createdAt);
      const epochMs = createdAt === undefined ? Number.NaN : Date.parse(createdAt);
      return Number.isFinite(epochMs) ? epochMs : undefined;
    },
  };
}

/**
 * The `properties` object of a CRM objects write, single or batch: a later duplicate winning as it
 * would in a JSON object. The object has no prototype, so a property named `__proto__` or
 * `constructor` is sent as the plain key it is.
 */
export function propertiesObject(properties: readonly ContactPropertyValue[]): Record<string, ContactPropertyValue['value']> {
  const values = Object.create(null) as Record<string, ContactPropertyValue['value']>;
  for (const { property, value } of properties) values[property] = value;
  return values;
}

/** `{"properties":{…}}` and the create's associations when given (the caller passes them only for a create). */
function objectBody(properties: readonly ContactPropertyValue[], extras: BodyExtras | undefined): Record<string, unknown> {
  const values = propertiesObject(properties);
  return extras?.associations === undefined ? { properties: values } : { properties: values, associations: extras.associations };
}

/** The object a create, an update or a read answers with: its id is the contact's number. No portal id or profile URL in it. */
function readObject(body: unknown): CreatedContact | undefined {
  const id = text(asObject(body)?.id);
  const vid = id === undefined ? undefined : parseVid(id);
  return vid === undefined ? undefined : { vid, portalId: undefined, profileUrl: undefined };
}
