// The CRM objects API's contact batches (`…/contacts/batch/{create,update,upsert,read}`), as
// hubspot-contacts-api.md §10 describes them: at most 100 inputs, each checked and applied on its
// own with the single routes' value rules, a 207 listing the inputs that failed while the others are
// applied, and results in no guaranteed order. The sandbox shuffles them (by its seed, so a run
// reproduces) so that a client matching results by position fails here, not against HubSpot.
import { contactObject, emailOwner, findContact, type ContactStore, type StoredContact } from './contactStore';
import { errorEnvelope } from './errorBodies';
import type { SandboxRoute } from './faults';
import type { SandboxProperty } from './propertyCatalog';
import { INVALID_JSON, type ApiRequest, type ApiResponse, type ObjectsPath } from './routes';
import { shuffled, type Random } from './seededRandom';
import { refusalMessage, validateObjectProperties } from './validateObjectProperties';
import type { PropertyWrite } from './validateProperties';

export const MAX_BATCH_INPUTS = 100;

export type BatchRoute = 'batchCreate' | 'batchUpdate' | 'batchUpsert' | 'batchRead';
const BATCH_ROUTES: ReadonlySet<SandboxRoute> = new Set<BatchRoute>(['batchCreate', 'batchUpdate', 'batchUpsert', 'batchRead']);

export function isBatchRoute(route: SandboxRoute): route is BatchRoute {
  return BATCH_ROUTES.has(route);
}

export interface BatchApiSetup {
  readonly store: ContactStore;
  readonly byName: ReadonlyMap<string, SandboxProperty>;
  /** The properties a create must set in this API version. */
  readonly requiredIn: (version: string) => readonly string[];
  readonly now: () => number;
  readonly random: Random;
}

/** One failed input as a 207 lists it. */
interface BatchError {
  readonly status: 'error';
  readonly category: 'VALIDATION_ERROR' | 'CONFLICT' | 'OBJECT_NOT_FOUND';
  readonly message: string;
  readonly context: Readonly<Record<string, readonly string[]>>;
  readonly objectWriteTraceId?: string;
}

interface BatchInput {
  readonly id?: unknown;
  readonly idProperty?: unknown;
  readonly properties?: unknown;
  readonly objectWriteTraceId?: unknown;
}

/** An input that passed the checks that need no store: its writes, to apply in turn. */
interface CheckedInput {
  readonly input: BatchInput;
  readonly id: string;
  readonly writes: readonly PropertyWrite[];
}

type Outcome = { readonly result: Record<string, unknown> } | { readonly error: BatchError };

const NOT_FOUND_MESSAGE = 'Could not get some CONTACT objects, they may be deleted or not exist. Check that ids are valid.';
/** Always in a read's answer, whichever properties were asked for (as HubSpot's). */
const SYSTEM_PROPERTIES = ['hs_object_id', 'createdate', 'lastmodifieddate'];

export function createBatchApi({ store, byName, requiredIn, now, random }: BatchApiSetup): (request: ApiRequest, route: BatchRoute, path: ObjectsPath) => ApiResponse {
  const failure = (input: BatchInput, category: BatchError['category'], message: string, context: BatchError['context'] = {}): { error: BatchError } => ({
    error: { status: 'error', category, message, context, ...traceOf(input) },
  });
  const conflict = (input: BatchInput, owner: StoredContact): { error: BatchError } =>
    failure(input, 'CONFLICT', `Contact already exists. Existing ID: ${owner.vid}`, { ids: [String(owner.vid)] });

  /** The checks of one write input that need no store; `required` only for creates. */
  const check = (input: BatchInput, route: Exclude<BatchRoute, 'batchRead'>, required: readonly string[]): CheckedInput | { error: BatchError } => {
    const id = typeof input.id === 'string' ? input.id : '';
    // The sandbox's wordings for inputs without an id or with an id property it does not look contacts up by.
    if (route !== 'batchCreate' && id === '') return failure(input, 'VALIDATION_ERROR', 'Invalid input JSON: every input needs an "id"');
    const idPropertyOk = route === 'batchUpsert' ? input.idProperty === 'email' : route === 'batchCreate' || input.idProperty === undefined || input.idProperty === 'email';
    if (!idPropertyOk) return failure(input, 'VALIDATION_ERROR', `idProperty ${JSON.stringify(input.idProperty)} is not a unique property of contacts here; use email`);
    const verdict = validateObjectProperties(input, byName, required);
    if (!verdict.ok) return failure(input, 'VALIDATION_ERROR', refusalMessage(verdict), { properties: (verdict.validationResults ?? []).map((result) => result.name) });
    return { input, id, writes: verdict.writes };
  };

  const create = ({ input, writes }: CheckedInput): Outcome => {
    const owner = emailOwner(store, writes);
    return owner ? conflict(input, owner) : { result: { ...contactObject(store.create(writes)), ...traceOf(input) } };
  };
  const update = ({ input, id, writes }: CheckedInput): Outcome => {
    const contact = findContact(store, id, input.idProperty === 'email' ? 'email' : undefined);
    if (!contact) return failure(input, 'OBJECT_NOT_FOUND', NOT_FOUND_MESSAGE, { ids: [id] });
    const owner = emailOwner(store, writes);
    if (owner && owner.vid !== contact.vid) return conflict(input, owner);
    store.update(contact, writes);
    return { result: { ...contactObject(contact), ...traceOf(input) } };
  };
  const upsert = (checked: CheckedInput, version: string): Outcome => {
    const { input, id } = checked;
    const existing = store.findByEmail(id);
    if (existing) {
      const outcome = update({ ...checked, input: { ...input, idProperty: 'email' } });
      return 'result' in outcome ? { result: { ...outcome.result, new: false } } : outcome;
    }
    // A new contact is a create: the email is the id, and the version's required properties apply.
    const properties = typeof input.properties === 'object' ? input.properties : {};
    const asCreate = check({ ...input, properties: { email: id, ...properties } }, 'batchCreate', requiredIn(version));
    if ('error' in asCreate) return asCreate;
    const outcome = create(asCreate);
    return 'result' in outcome ? { result: { ...outcome.result, new: true } } : outcome;
  };

  const read = (request: ApiRequest, inputs: readonly BatchInput[]): Outcome[] => {
    const { idProperty, properties } = request.body as { idProperty?: unknown; properties?: unknown };
    const wanted = Array.isArray(properties) ? new Set([...properties.filter((name) => typeof name === 'string'), ...SYSTEM_PROPERTIES]) : undefined;
    const missing: string[] = [];
    const outcomes: Outcome[] = [];
    for (const input of inputs) {
      const id = typeof input.id === 'string' ? input.id : '';
      const contact = findContact(store, id, idProperty === 'email' ? 'email' : undefined);
      if (contact) outcomes.push({ result: withProperties(contactObject(contact), wanted) });
      else missing.push(id);
    }
    // HubSpot names every id it could not find in one error.
    if (missing.length > 0) outcomes.push(failure({}, 'OBJECT_NOT_FOUND', NOT_FOUND_MESSAGE, { ids: missing }));
    return outcomes;
  };

  return (request, route, { version }) => {
    const refuse = (message: string): ApiResponse => ({ status: 400, body: errorEnvelope(request.correlationId, message, { category: 'VALIDATION_ERROR' }) });
    if (request.body === INVALID_JSON) return refuse('Invalid input JSON on line 1');
    const inputs = typeof request.body === 'object' && request.body !== null ? (request.body as { inputs?: unknown }).inputs : undefined;
    // The sandbox's wordings: HubSpot's for these two were not captured.
    if (!Array.isArray(inputs)) return refuse('Invalid input JSON: expected {"inputs":[…]}');
    if (inputs.length > MAX_BATCH_INPUTS) return refuse(`Too many inputs: ${inputs.length}; a batch takes at most ${MAX_BATCH_INPUTS}`);
    const list = (inputs as unknown[]).map((input): BatchInput => (typeof input === 'object' && input !== null ? input : {}));
    const startedAt = new Date(now()).toISOString();
    if (route === 'batchRead') {
      const { idProperty } = request.body as { idProperty?: unknown };
      if (idProperty !== undefined && idProperty !== 'email') return refuse(`idProperty ${JSON.stringify(idProperty)} is not a unique property of contacts here; use email`);
      return answer(read(request, list), 200, startedAt);
    }
    const checked = list.map((input) => check(input, route, route === 'batchCreate' ? requiredIn(version) : []));
    // HubSpot answers a 207 only when each input has its own objectWriteTraceId; otherwise one bad input fails the
    // batch (§10 says so of creates; the sandbox holds upserts to it too, and updates not, which §10 gives a 207 alone).
    const firstError = checked.find((entry) => 'error' in entry);
    if (firstError && 'error' in firstError && route !== 'batchUpdate' && !haveUniqueTraceIds(list)) return refuse(firstError.error.message);
    const outcomes = checked.map((entry): Outcome => {
      if ('error' in entry) return entry;
      if (route === 'batchCreate') return create(entry);
      return route === 'batchUpdate' ? update(entry) : upsert(entry, version);
    });
    return answer(outcomes, route === 'batchCreate' ? 201 : 200, startedAt);
  };

  function answer(outcomes: readonly Outcome[], successStatus: number, startedAt: string): ApiResponse {
    const results = outcomes.flatMap((outcome) => ('result' in outcome ? [outcome.result] : []));
    const errors = outcomes.flatMap((outcome) => ('error' in outcome ? [outcome.error] : []));
    return {
      status: errors.length > 0 ? 207 : successStatus,
      body: {
        status: 'COMPLETE',
        results: shuffled(results, random),
        ...(errors.length > 0 ? { numErrors: errors.length, errors: shuffled(errors, random) } : {}),
        startedAt,
        completedAt: new Date(now()).toISOString(),
      },
    };
  }
}

/** The input's objectWriteTraceId, which its result or error carries back so that a client can match them up. */
function traceOf(input: BatchInput): { objectWriteTraceId?: string } {
  return typeof input.objectWriteTraceId === 'string' ? { objectWriteTraceId: input.objectWriteTraceId } : {};
}

function haveUniqueTraceIds(inputs: readonly BatchInput[]): boolean {
  const ids = inputs.map((input) => input.objectWriteTraceId);
  return ids.every((id) => typeof id === 'string' && id !== '') && new Set(ids).size === ids.length;
}

function withProperties(object: Record<string, unknown>, wanted: ReadonlySet<string> | undefined): Record<string, unknown> {
  if (!wanted) return object;
  const properties = object.properties as Record<string, string>;
  return { ...object, properties: Object.fromEntries(Object.entries(properties).filter(([name]) => wanted.has(name))) };
}
