// The CRM objects API's batch endpoints for contacts (`…/contacts/batch/{create,update,upsert,read}`,
// hubspot-contacts-api.md §10): their paths, their bodies and what their answers say of each input.
// HubSpot lists results in no guaranteed order, so an answer is matched to its inputs by
// objectWriteTraceId, else by the contact's id or email, never by position; an input the answer
// says nothing about is reported as such, not guessed. Readers take `unknown` and treat every field
// as optional, as HubSpot asks of clients.
import { asObject, text } from './bodyReaders';
import type { ContactPropertyValue } from './contactsApi';
import { collectionPath, propertiesObject, type ApiVersion } from './contactsObjects';
import { readErrorEnvelope, readExistingIdInMessage, readValidationResults, type ValidationResult } from './errorBodies';

export type BatchWrite = 'create' | 'update' | 'upsert';

export function batchPath(version: ApiVersion, operation: BatchWrite | 'read'): string {
  return `${collectionPath(version)}/batch/${operation}`;
}

/** HubSpot takes at most this many inputs a request and refuses the whole request (400) beyond. */
export const BATCH_MAX_INPUTS = 100;

export interface BatchWriteInput {
  /** Unique in the request; sent as objectWriteTraceId, which HubSpot needs to answer a 207 rather than fail the batch. */
  readonly traceId: string;
  /** A later duplicate wins, as in the file; sent as a null-prototype object. */
  readonly properties: readonly ContactPropertyValue[];
  /** Upsert: the contact's email, sent as `id` with idProperty "email". */
  readonly email?: string;
  /** Update: the contact's id. */
  readonly id?: string;
  /** Create only, as the file has them. */
  readonly associations?: unknown;
}

/**
 * The request body. Throws a RangeError for inputs HubSpot's answer could not be matched to (a
 * repeated or empty traceId) or that say nothing to write to (an update without id, an upsert
 * without email): a caller's mistake, caught before anything is sent. More than BATCH_MAX_INPUTS
 * are not refused here: HubSpot refuses them (`rejected`), and the caller splits its inputs.
 */
export function batchWriteBody(operation: BatchWrite, inputs: readonly BatchWriteInput[]): string {
  const seen = new Set<string>();
  const wire = inputs.map((input) => {
    if (input.traceId === '' || seen.has(input.traceId)) throw new RangeError(`Each batch input needs its own traceId (got "${input.traceId}" twice or empty).`);
    seen.add(input.traceId);
    const properties = propertiesObject(input.properties);
    const objectWriteTraceId = input.traceId;
    switch (operation) {
      case 'create':
        return input.associations === undefined ? { properties, objectWriteTraceId } : { properties, associations: input.associations, objectWriteTraceId };
      case 'update':
        if (!input.id) throw new RangeError(`The update input "${input.traceId}" has no contact id.`);
        return { id: input.id, properties, objectWriteTraceId };
      case 'upsert':
        if (!input.email) throw new RangeError(`The upsert input "${input.traceId}" has no email.`);
        return { idProperty: 'email', id: input.email, properties, objectWriteTraceId };
    }
  });
  return JSON.stringify({ inputs: wire });
}

/** By email, `email` is always asked for: it is what tells the found contacts apart. */
export function batchReadBody(by: 'email' | 'id', ids: readonly string[], properties: readonly string[]): string {
  const inputs = ids.map((id) => ({ id }));
  if (by === 'id') return JSON.stringify({ inputs, properties });
  return JSON.stringify({ idProperty: 'email', inputs, properties: properties.includes('email') ? properties : [...properties, 'email'] });
}

export interface BatchInputResult {
  readonly traceId: string;
  readonly outcome: 'created' | 'updated' | 'failed';
  /** HubSpot's id when it gave one: the contact written, or for a CONFLICT the contact that has the email. */
  readonly id?: string;
  /** HubSpot's message for a failure. */
  readonly message?: string;
  /** e.g. VALIDATION_ERROR, CONFLICT, OBJECT_NOT_FOUND. */
  readonly category?: string;
  /** Per-property errors when the message carries them (errorBodies.ts). */
  readonly rejected?: readonly ValidationResult[];
}

export type BatchWriteAnswer =
  /**
   * 200/201/207: every input's result HubSpot gave, matched by objectWriteTraceId, else by id/email;
   * `unmatched`: traceIds of inputs the answer says nothing about (their outcome is unknown).
   */
  | { readonly kind: 'answered'; readonly results: ReadonlyMap<string, BatchInputResult>; readonly unmatched: readonly string[] }
  /** A 4xx for the whole request: nothing applied (400 "more than 100 inputs", 401, 403, 429, …). */
  | { readonly kind: 'rejected'; readonly status: number; readonly message: string; readonly category?: string }
  /** A 2xx we cannot read, a 5xx or another status: the writes may have been applied. */
  | { readonly kind: 'unexpected'; readonly status: number; readonly message: string };

const ANSWERED_STATUSES: ReadonlySet<number> = new Set([200, 201, 207]);

export function readBatchWriteAnswer(operation: BatchWrite, inputs: readonly BatchWriteInput[], status: number, body: unknown): BatchWriteAnswer {
  if (status >= 400 && status < 500) {
    const { message, category } = readErrorEnvelope(body);
    return { kind: 'rejected', status, message: message ?? `HubSpot refused the batch (${status})`, ...(category === undefined ? {} : { category }) };
  }
  const answer = ANSWERED_STATUSES.has(status) ? readEnvelope(body) : undefined;
  if (!answer) {
    const message = status >= 200 && status < 300 ? `HubSpot's answer (${status}) does not list the results` : `HubSpot answered ${status}: ${readErrorEnvelope(body).message ?? 'no details'}`;
    return { kind: 'unexpected', status, message: `${message}; the writes may have been applied` };
  }

  const matcher = inputMatcher(operation, inputs);
  const found = new Map<string, BatchInputResult>();
  const settle = (traceId: string | undefined, result: Omit<BatchInputResult, 'traceId'>): void => {
    // The first word on an input stands: a second one naming it is HubSpot contradicting itself, not news.
    if (traceId !== undefined && !found.has(traceId)) found.set(traceId, { traceId, ...result });
  };
  for (const item of answer.results) {
    const object = asObject(item);
    const id = text(object?.id);
    const outcome = writeOutcome(operation, object?.new);
    // An upsert result without `new` says it was applied but not whether it created: that stays unknown.
    if (outcome !== undefined) settle(matcher.byTrace(object) ?? matcher.byContact(id, text(asObject(object?.properties)?.email)), { outcome, ...(id === undefined ? {} : { id }) });
  }
  for (const item of answer.errors) {
    const error = asObject(item);
    const { message, category } = readErrorEnvelope(error);
    const rejected = readValidationResults(error);
    const existingId = category === 'CONFLICT' ? readExistingIdInMessage(error) : undefined;
    const failure: Omit<BatchInputResult, 'traceId'> = {
      outcome: 'failed',
      ...(existingId === undefined ? {} : { id: String(existingId) }),
      ...(message === undefined ? {} : { message }),
      ...(category === undefined ? {} : { category }),
      ...(rejected.length === 0 ? {} : { rejected }),
    };
    const traced = matcher.byTrace(error);
    if (traced !== undefined) settle(traced, failure);
    // Only a not-found error's ids are the inputs' own: a CONFLICT's name the contact that has the email.
    else if (category === 'OBJECT_NOT_FOUND') for (const named of contextIds(error)) settle(matcher.byContact(named, named), failure);
  }

  const results = new Map<string, BatchInputResult>();
  const unmatched: string[] = [];
  for (const { traceId } of inputs) {
    const result = found.get(traceId);
    if (result) results.set(traceId, result);
    else unmatched.push(traceId);
  }
  return { kind: 'answered', results, unmatched };
}

export interface PortalContact {
  readonly id: string;
  /** Null-prototype record: a property named `__proto__` is a property. */
  readonly properties: Readonly<Record<string, string | null>>;
}

export type BatchReadAnswer =
  /** 200/207: the contacts found (by email, the email is properties.email), and the ids HubSpot's errors name as not found. */
  | { readonly kind: 'answered'; readonly found: readonly PortalContact[]; readonly missing: readonly string[] }
  | { readonly kind: 'failed'; readonly status: number; readonly message: string };

export function readBatchReadAnswer(by: 'email' | 'id', status: number, body: unknown): BatchReadAnswer {
  const answer = status === 200 || status === 207 ? readEnvelope(body) : undefined;
  if (!answer) {
    const message = readErrorEnvelope(body).message;
    return { kind: 'failed', status, message: status === 200 || status === 207 ? `HubSpot's answer (${status}) does not list the contacts` : `HubSpot answered ${status}: ${message ?? 'no details'}` };
  }
  const found: PortalContact[] = [];
  for (const item of answer.results) {
    const contact = portalContact(item);
    // Without its email a contact found by email cannot be told apart from the others: the answer is not one we can use.
    if (!contact) return { kind: 'failed', status, message: "HubSpot's answer lists a contact without its id" };
    if (by === 'email' && typeof contact.properties.email !== 'string') return { kind: 'failed', status, message: "HubSpot's answer lists a contact without its email" };
    found.push(contact);
  }
  const missing = answer.errors.flatMap((error) => (text(asObject(error)?.category) === 'OBJECT_NOT_FOUND' ? contextIds(error) : []));
  return { kind: 'answered', found, missing };
}

/** `results` and `errors` of a batch answer; undefined when there is no results list to read. */
function readEnvelope(body: unknown): { readonly results: readonly unknown[]; readonly errors: readonly unknown[] } | undefined {
  const envelope = asObject(body);
  if (!Array.isArray(envelope?.results)) return undefined;
  return { results: envelope.results, errors: Array.isArray(envelope.errors) ? envelope.errors : [] };
}

function writeOutcome(operation: BatchWrite, isNew: unknown): 'created' | 'updated' | undefined {
  if (operation === 'create') return 'created';
  if (operation === 'update') return 'updated';
  return isNew === true ? 'created' : isNew === false ? 'updated' : undefined;
}

interface InputMatcher {
  /** The input whose traceId the item carries back. */
  byTrace(item: Readonly<Record<string, unknown>> | undefined): string | undefined;
  /** The input addressed by this id (update) or email (upsert, or a create's email property). */
  byContact(id: string | undefined, email: string | undefined): string | undefined;
}

function inputMatcher(operation: BatchWrite, inputs: readonly BatchWriteInput[]): InputMatcher {
  const traceIds = new Set(inputs.map((input) => input.traceId));
  const byId = new Map<string, string>();
  const byEmail = new Map<string, string>();
  for (const input of inputs) {
    if (operation === 'update' && input.id !== undefined) byId.set(input.id, input.traceId);
    const email = operation === 'upsert' ? input.email : operation === 'create' ? emailProperty(input.properties) : undefined;
    // HubSpot keeps emails in lower case; two inputs with one email cannot be told apart, so neither is matched by it.
    if (email !== undefined) {
      const key = email.toLowerCase();
      byEmail.set(key, byEmail.has(key) ? '' : input.traceId);
    }
  }
  return {
    byTrace(item) {
      const traceId = text(item?.objectWriteTraceId);
      return traceId !== undefined && traceIds.has(traceId) ? traceId : undefined;
    },
    byContact(id, email) {
      const traceId = (id === undefined ? undefined : byId.get(id)) ?? (email === undefined ? undefined : byEmail.get(email.toLowerCase()));
      return traceId === '' ? undefined : traceId;
    },
  };
}

/** The email a create writes: the last value given, as the body sends it. */
function emailProperty(properties: readonly ContactPropertyValue[]): string | undefined {
  const value = propertiesObject(properties).email;
  return typeof value === 'string' ? value : undefined;
}

function contextIds(error: unknown): string[] {
  const ids = asObject(asObject(error)?.context)?.ids;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
}

function portalContact(item: unknown): PortalContact | undefined {
  const object = asObject(item);
  const id = text(object?.id);
  if (id === undefined) return undefined;
  const properties = Object.create(null) as Record<string, string | null>;
  for (const [name, value] of Object.entries(asObject(object?.properties) ?? {})) {
    if (typeof value === 'string' || value === null) properties[name] = value;
  }
  return { id, properties };
}
