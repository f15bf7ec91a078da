// The HubSpot endpoints the sandbox serves, as plain functions from a parsed request to a response:
// v1 here, the CRM objects API's contacts in objectsApi.ts. Sockets, auth, rate limits and faults are
// sandbox.ts's business.
import { contactRecord, emailOwner, findContact, identityProfile, type ContactStore, type StoredContact } from './contactStore';
import { errorEnvelope, notFound } from './errorBodies';
import type { SandboxRoute } from './faults';
import { createObjectsApi } from './objectsApi';
import { toV1Definition, toV3Definition, type SandboxProperty } from './propertyCatalog';
import type { Random } from './seededRandom';
import { INVALID_JSON, type ApiRequest, type ApiResponse } from './routes';
import { validateProperties } from './validateProperties';

export const WRITE_CONTACTS = 'crm.objects.contacts.write';
export const READ_CONTACTS = 'crm.objects.contacts.read';
export const READ_PROPERTIES = 'crm.schemas.contacts.read';

/** The scope each API route needs; routes not listed need no token. */
export const REQUIRED_SCOPE: Partial<Record<SandboxRoute, string>> = {
  createContact: WRITE_CONTACTS,
  updateContact: WRITE_CONTACTS,
  getContact: READ_CONTACTS,
  batchCreate: WRITE_CONTACTS,
  batchUpdate: WRITE_CONTACTS,
  batchUpsert: WRITE_CONTACTS,
  batchRead: READ_CONTACTS,
  listPropertiesV1: READ_PROPERTIES,
  listPropertiesV3: READ_PROPERTIES,
};

/** Routes any valid token may call (HubSpot's account details need no particular scope). */
export const AUTHENTICATED_WITHOUT_SCOPE: ReadonlySet<SandboxRoute> = new Set(['accountDetails']);

export interface ContactsApiSetup {
  readonly store: ContactStore;
  readonly properties: readonly SandboxProperty[];
  readonly portalId: number;
  readonly profileUrl: (vid: number) => string;
  /** Properties the portal's admins require on create, enforced by the CRM objects API from 2026-09. */
  readonly requiredOnCreate: readonly string[];
  readonly now: () => number;
  /** The order of batch results. */
  readonly random: Random;
  /** The scopes of a token this portal issued; undefined for any other text. */
  readonly scopesOf: (token: string) => ReadonlySet<string> | undefined;
}

export function createContactsApi({ store, properties, portalId, profileUrl, requiredOnCreate, now, random, scopesOf }: ContactsApiSetup): (request: ApiRequest) => ApiResponse {
  const byName = new Map(properties.map((property) => [property.name, property]));
  const objectsApi = createObjectsApi({ store, byName, requiredOnCreate, now, random });
  const record = (contact: StoredContact): Record<string, unknown> => contactRecord(contact, portalId, profileUrl(contact.vid));
  const notFoundHeader = { 'X-Hubspot-Notfound': 'true' };

  const writeVerdict = (request: ApiRequest) => {
    if (request.body === INVALID_JSON) return { ok: false as const, message: 'Invalid input JSON on line 1' };
    return validateProperties(request.body, byName);
  };
  const badRequest = (request: ApiRequest, verdict: { message: string; validationResults?: unknown }): ApiResponse => ({
    status: 400,
    body: errorEnvelope(request.correlationId, verdict.message, verdict.validationResults ? { validationResults: verdict.validationResults } : {}),
  });
  const conflict = (request: ApiRequest, vid: number): ApiResponse => {
    const existing = store.get(vid);
    return {
      status: 409,
      body: errorEnvelope(request.correlationId, 'Contact already exists', {
        error: 'CONTACT_EXISTS',
        ...(existing ? { identityProfile: identityProfile(existing) } : {}),
      }),
    };
  };
  return (request) => {
    if (request.objects) return objectsApi(request, request.objects);
    switch (request.route) {
      case 'createContact': {
        const verdict = writeVerdict(request);
        if (!verdict.ok) return badRequest(request, verdict);
        const owner = emailOwner(store, verdict.writes);
        if (owner) return conflict(request, owner.vid);
        const contact = store.create(verdict.writes);
        return { status: 200, body: record(contact) };
      }
      case 'updateContact': {
        // HubSpot answered a non-numeric vid with 200 and an empty body (hubspot-ruby#124); the client must check vids.
        if (request.idProperty === undefined && !/^\d+$/.test(request.vid ?? '')) return { status: 200 };
        const contact = findContact(store, request.vid, request.idProperty);
        if (!contact) return { status: 404, headers: notFoundHeader, body: notFound(request.correlationId, 'resource not found') };
        const verdict = writeVerdict(request);
        if (!verdict.ok) return badRequest(request, verdict);
        const owner = emailOwner(store, verdict.writes);
        if (owner && owner.vid !== contact.vid) return conflict(request, owner.vid);
        store.update(contact, verdict.writes);
        return { status: 204 };
      }
      case 'getContact':
      case 'profilePage': {
        const contact = findContact(store, request.vid, undefined);
        if (!contact) return { status: 404, headers: notFoundHeader, body: notFound(request.correlationId, 'contact does not exist') };
        // A read also says when the contact was added (epoch ms); a create's answer does not.
        return { status: 200, body: { ...record(contact), addedAt: contact.createdAt } };
      }
      case 'listPropertiesV1':
        return { status: 200, body: properties.map(toV1Definition) };
      case 'listPropertiesV3':
        return { status: 200, body: { results: properties.map(toV3Definition) } };
      case 'accountDetails':
        return {
          status: 200,
          body: { portalId, accountType: 'STANDARD', timeZone: 'US/Eastern', companyCurrency: 'USD', additionalCurrencies: [], utcOffset: '-05:00', utcOffsetMilliseconds: -18_000_000, uiDomain: 'app.hubspot.com', dataHostingLocation: 'na1' },
        };
      case 'tokenInfo': {
        // HubSpot's private-apps guide: POST {"tokenKey": …} → the app, the user, the portal (hubId) and the scopes.
        // What it answers for a token it does not know is not documented; 404 here.
        const tokenKey = (request.body as { tokenKey?: unknown } | null)?.tokenKey;
        const scopes = typeof tokenKey === 'string' ? scopesOf(tokenKey) : undefined;
        if (!scopes) return { status: 404, headers: notFoundHeader, body: notFound(request.correlationId, 'resource not found') };
        return { status: 200, body: { userId: 1_000_001, hubId: portalId, appId: 4_242_424, scopes: [...scopes].sort() } };
      }
      // Batches exist only as CRM objects paths, answered above.
      case 'batchCreate':
      case 'batchUpdate':
      case 'batchUpsert':
      case 'batchRead':
      case 'unknown':
        return { status: 404, headers: notFoundHeader, body: notFound(request.correlationId, 'resource not found') };
    }
  };
}
