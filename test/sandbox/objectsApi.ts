// The CRM objects API's contact endpoints (`/crm/v3/objects/contacts`, `/crm/objects/{YYYY-MM}/contacts`)
// over the same contacts as v1: create (201), update by id or by email (200), read (200), with the
// answers of hubspot-contacts-api.md §10 — the object `{id, properties, createdAt, updatedAt,
// archived}`, a 409 naming the existing id in its message, a 400 whose per-property results are JSON
// inside its message.
import { createBatchApi, isBatchRoute } from './batchApi';
import { contactObject, emailOwner, findContact, type ContactStore } from './contactStore';
import { errorEnvelope, notFound } from './errorBodies';
import type { SandboxProperty } from './propertyCatalog';
import type { Random } from './seededRandom';
import { INVALID_JSON, type ApiRequest, type ApiResponse, type ObjectsPath } from './routes';
import { refusalMessage, validateObjectProperties } from './validateObjectProperties';
import type { Verdict } from './validateProperties';

export interface ObjectsApiSetup {
  readonly store: ContactStore;
  readonly byName: ReadonlyMap<string, SandboxProperty>;
  /** Enforced on creates from version 2026-09, the first that applies the portal admins' rules to API writes. */
  readonly requiredOnCreate: readonly string[];
  /** The clock of a batch's startedAt and completedAt. */
  readonly now: () => number;
  /** The order of a batch's results. */
  readonly random: Random;
}

const FIRST_VERSION_WITH_ADMIN_RULES = '2026-09';

/** Date versions compare as text: "2026-03" < "2026-09"; "v3" is no date version and enforces none. */
function adminRulesApply(version: string): boolean {
  return version !== 'v3' && version >= FIRST_VERSION_WITH_ADMIN_RULES;
}

export function createObjectsApi({ store, byName, requiredOnCreate, now, random }: ObjectsApiSetup): (request: ApiRequest, path: ObjectsPath) => ApiResponse {
  const requiredIn = (version: string): readonly string[] => (adminRulesApply(version) ? requiredOnCreate : []);
  const batchApi = createBatchApi({ store, byName, requiredIn, now, random });
  const verdictOf = (request: ApiRequest, required: readonly string[]): Verdict => {
    if (request.body === INVALID_JSON) return { ok: false, message: 'Invalid input JSON on line 1' };
    return validateObjectProperties(request.body, byName, required);
  };
  const badRequest = (request: ApiRequest, verdict: Extract<Verdict, { ok: false }>): ApiResponse => ({
    status: 400,
    body: errorEnvelope(request.correlationId, refusalMessage(verdict), { category: 'VALIDATION_ERROR' }),
  });
  const conflict = (request: ApiRequest, vid: number): ApiResponse => ({
    status: 409,
    body: errorEnvelope(request.correlationId, `Contact already exists. Existing ID: ${vid}`, { category: 'CONFLICT' }),
  });
  const missing = (request: ApiRequest): ApiResponse => ({ status: 404, body: notFound(request.correlationId, 'resource not found') });
  // The sandbox's wording: it has no other unique property to look contacts up by.
  const unknownIdProperty = (request: ApiRequest): ApiResponse => ({
    status: 400,
    body: errorEnvelope(request.correlationId, `idProperty ${request.idProperty} is not a unique property of contacts here; use email`, { category: 'VALIDATION_ERROR' }),
  });

  return (request, path) => {
    const { version } = path;
    if (isBatchRoute(request.route)) return batchApi(request, request.route, path);
    if (request.idProperty !== undefined && request.idProperty !== 'email') return unknownIdProperty(request);
    switch (request.route) {
      case 'createContact': {
        const verdict = verdictOf(request, requiredIn(version));
        if (!verdict.ok) return badRequest(request, verdict);
        const owner = emailOwner(store, verdict.writes);
        if (owner) return conflict(request, owner.vid);
        // Associations would link other objects; the sandbox has none, so a create's are accepted and left out.
        return { status: 201, body: contactObject(store.create(verdict.writes)) };
      }
      case 'updateContact': {
        const contact = findContact(store, request.vid, request.idProperty);
        if (!contact) return missing(request);
        const verdict = verdictOf(request, []);
        if (!verdict.ok) return badRequest(request, verdict);
        const owner = emailOwner(store, verdict.writes);
        if (owner && owner.vid !== contact.vid) return conflict(request, owner.vid);
        store.update(contact, verdict.writes);
        return { status: 200, body: contactObject(contact) };
      }
      case 'getContact': {
        const contact = findContact(store, request.vid, request.idProperty);
        return contact ? { status: 200, body: contactObject(contact) } : missing(request);
      }
      default:
        return missing(request);
    }
  };
}
