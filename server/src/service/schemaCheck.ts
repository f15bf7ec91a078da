// Structural validation of a v1 payload: against schemas/contact.schema.json with ajv (compiled once),
// each failure turned into a finding on the exact key or value, in words a person understands. The
// explanations of the top level and the plain-value helpers are shared with the CRM objects shape
// (shapes/objectsStructure.ts).
import type { ErrorObject, ValidateFunction } from 'ajv';
import { validateContactPayload, validateV1BatchContact } from './contactSchemaValidator';
import { DiagnosticCode } from './diagnosticCodes';
import type { Finding } from './finding';
import { lastMember, type JsonValue, type Member, type ParsedPayload, type PayloadEntry, type Span } from './payloadModel';

/** Entries validated per call: few enough that their plain values die young, many enough that the per-call cost vanishes. */
const ENTRIES_PER_CHECK = 1024;

/** Which schema a contact's structure is checked against, and what HubSpot reads of it (for the message on a key it does not). */
export interface StructureRules {
  readonly validate: ValidateFunction;
  readonly sentKeys: string;
  /**
   * The top-level keys whose values the schema surely accepts when the test says so. A top level
   * whose every member passes (and has `properties`) is not given to ajv: a batch file has 10 000 of
   * them, each a plain object to build and collect every keystroke.
   */
  readonly plainKeys: ReadonlyMap<string, (value: JsonValue) => boolean>;
}

const isString = (value: JsonValue) => value.kind === 'string';
const isArray = (value: JsonValue) => value.kind === 'array';
const isVid = (value: JsonValue) => value.kind === 'number' && Number.isSafeInteger(value.value) && (value.value as number) >= 1;
export const isIdDigits = (value: JsonValue) => value.kind === 'string' && /^[1-9][0-9]*$/.test(value.value as string);

/** A v1 single file: schemas/contact.schema.json. */
export const V1_RULES: StructureRules = {
  validate: validateContactPayload, sentKeys: 'only "properties"',
  plainKeys: new Map([['properties', isArray], ['vid', isVid], ['$schema', isString]]),
};

/** A contact of a v1 batch: schemas/contacts-v1-batch.schema.json, where `email` and `vid` find the contact. */
export const V1_BATCH_RULES: StructureRules = {
  validate: validateV1BatchContact, sentKeys: '"email", "vid" and "properties"',
  plainKeys: new Map([['properties', isArray], ['vid', isVid], ['email', isString]]),
};

/** True when the top level surely passes the schema (with `properties` emptied): every member's value passes its key's test, and `properties` is there. */
export function plainTopLevel(payload: ParsedPayload, rules: StructureRules): boolean {
  if (!payload.properties) return false;
  const { topMembers } = payload;
  for (let i = 0; i < topMembers.length; i++) {
    const { key, value } = topMembers[i];
    const test = rules.plainKeys.get(key);
    if (!test || !value || !test(value)) return false;
  }
  return true;
}

export function checkStructure(payload: ParsedPayload, rules: StructureRules = V1_RULES): Finding[] {
  if (!payload.root) return [];
  const validator = rules.validate;
  const findings: Finding[] = [];
  /** `entryIndexes`: the index in the payload of each element of `properties` in the value ajv checked. */
  const explainAll = (errors: readonly ErrorObject[] | null | undefined, entryIndexes: readonly number[]) => {
    for (const error of errors ?? []) for (const finding of explain(error, payload, entryIndexes, rules.sentKeys)) findings.push(finding);
  };
  // The top level with `properties` empty, then the entries a chunk at a time inside an otherwise valid
  // payload: a 100 000-entry file never has 100 000 plain values alive at once.
  const entriesApart = payload.properties?.value?.kind === 'array';
  if (!(entriesApart && plainTopLevel(payload, rules)) && !validator(shallowValue(payload, entriesApart))) explainAll(validator.errors, []);
  if (!entriesApart) return findings;
  // Entries that plainly pass the schema are not given to ajv: nearly all of them, and each would be a
  // plain object to build and collect, every keystroke.
  const { entries } = payload;
  let indexes: number[] = [];
  const check = () => {
    if (!validator({ properties: indexes.map((index) => entryValue(entries[index])) })) explainAll(validator.errors, indexes);
    indexes = [];
  };
  for (let index = 0; index < entries.length; index++) {
    if (plainlyValid(entries[index])) continue;
    indexes.push(index);
    if (indexes.length === ENTRIES_PER_CHECK) check();
  }
  if (indexes.length > 0) check();
  return findings;
}

/**
 * True for an entry the schema surely accepts: an object with a string `property`, a scalar `value` (a finite number if a number) and
 * no other key (no `timestamp` either: whether a number is an integer is left to ajv). Any other entry,
 * valid or not, goes to ajv, which alone decides what is wrong with it.
 */
export function plainlyValid(entry: PayloadEntry): boolean {
  if (entry.kind !== 'object' || entry.property?.value?.kind !== 'string') return false;
  const value = entry.value?.value;
  if (!value || value.kind === 'object' || value.kind === 'array') return false;
  // ajv's "number" leaves out Infinity, which is what 1e400 reads as.
  if (value.kind === 'number' && !Number.isFinite(value.value)) return false;
  const { members } = entry;
  for (let i = 0; i < members.length; i++) if (members[i].key !== 'property' && members[i].key !== 'value') return false;
  return true;
}

/**
 * The payload as a plain value, only as deep as the schema looks: nested objects and arrays inside an
 * entry become empty placeholders, and with `entriesApart` the `properties` array is left empty.
 */
function shallowValue(payload: ParsedPayload, entriesApart: boolean): unknown {
  const root = payload.root!;
  if (root.kind !== 'object') return root.kind === 'array' ? [] : root.value;
  const value: Record<string, unknown> = {};
  for (const member of payload.topMembers) {
    if (!member.value) continue; // still being typed: the syntax error says so
    setOwn(value, member.key, member === payload.properties && entriesApart ? [] : scalarOrPlaceholder(member.value));
  }
  return value;
}

function entryValue(entry: PayloadEntry): unknown {
  if (entry.kind === 'array') return [];
  if (entry.kind !== 'object') return null;
  const value: Record<string, unknown> = {};
  for (const member of entry.members) if (member.value) setOwn(value, member.key, scalarOrPlaceholder(member.value));
  return value;
}

/** Sets an own property; `__proto__` stays a key instead of setting the prototype. */
export function setOwn(object: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  else object[key] = value;
}

export function scalarOrPlaceholder(value: JsonValue): unknown {
  if (value.kind === 'object') return {};
  if (value.kind === 'array') return [];
  return value.value;
}

/** `entryIndexes`: the index in the payload of each element of `properties` in the value ajv checked. */
function explain(error: ErrorObject, payload: ParsedPayload, entryIndexes: readonly number[], sentKeys: string): Finding[] {
  const path = error.instancePath.split('/').slice(1);
  const root = payload.root!;
  if (path.length === 0) return explainRoot(error, payload, sentKeys);

  if (path[0] === 'properties') {
    const member = payload.properties!;
    if (path.length === 1) {
      return [{ code: DiagnosticCode.PropertiesNotArray, severity: 'error', span: member.value ?? member.keySpan, message: `"properties" must be an object of values such as {"email": "…"} (the CRM objects API) or an array of entries such as [{"property": "email", "value": "…"}] (the v1 API), not ${describeKind(member.value?.kind)}.` }];
    }
    const index = entryIndexes[Number(path[1])];
    const entry = index === undefined ? undefined : payload.entries[index];
    if (!entry) return [];
    if (path.length === 2) return explainEntry(error, entry);
    const key = path[2];
    const field = lastMember(entry.members, key);
    const span = field?.value ?? entry;
    if (key === 'property') {
      return [{ code: DiagnosticCode.PropertyNameNotString, severity: 'error', span, message: `"property" must be the property's internal name as a string, not ${describeKind(field?.value?.kind)}.` }];
    }
    if (key === 'value') {
      return [{ code: DiagnosticCode.ValueNotScalar, severity: 'error', span, message: `A property value must be a string (HubSpot stores every value as text), not ${describeKind(field?.value?.kind)}.` }];
    }
    if (key === 'timestamp') {
      return [{ code: DiagnosticCode.InvalidTimestamp, severity: 'error', span, message: '"timestamp" must be the time of the change in epoch milliseconds, a whole number.' }];
    }
  }
  if (path[0] === '$schema' && path.length === 1) return [invalidSchemaKey(lastMember(payload.topMembers, '$schema')!)];
  if (path[0] === 'vid' && path.length === 1) {
    const member = lastMember(payload.topMembers, 'vid')!;
    return [{ code: DiagnosticCode.InvalidVid, severity: 'warning', span: member.value ?? member.keySpan, message: '"vid" must be a positive whole number (the contact id saved after a create); "Update Contact by VID" will ask for one instead.' }];
  }
  if (path[0] === 'email' && path.length === 1) {
    const member = lastMember(payload.topMembers, 'email')!;
    return [{ code: DiagnosticCode.InvalidEmail, severity: 'error', span: member.value ?? member.keySpan, message: `"email" must be the contact's email address as a string, not ${describeKind(member.value?.kind)}.` }];
  }
  return [{ code: DiagnosticCode.InvalidJson, severity: 'error', span: root, message: `Unexpected content at ${error.instancePath}.` }];
}

/** A failure at the top level; `sentKeys` says which keys HubSpot reads of this shape ("only \"properties\""). */
export function explainRoot(error: ErrorObject, payload: ParsedPayload, sentKeys: string): Finding[] {
  const root = payload.root!;
  const opening: Span = { offset: root.offset, length: 1 };
  switch (error.keyword) {
    case 'type':
      return [{ code: DiagnosticCode.RootNotObject, severity: 'error', span: root, message: `A contact payload is a JSON object such as {"properties": {…}}, not ${describeKind(root.kind)}.` }];
    case 'required':
      return [{ code: DiagnosticCode.PropertiesMissing, severity: 'error', span: opening, message: 'Missing "properties": a contact payload is {"properties": {"email": "…", …}} for the CRM objects API, or {"properties": [{"property": "email", "value": "…"}, …]} for the v1 API.' }];
    case 'additionalProperties': {
      const key = (error.params as { additionalProperty: string }).additionalProperty;
      return payload.topMembers.filter((m) => m.key === key).map((m) => ({
        code: DiagnosticCode.UnknownTopLevelKey, severity: 'warning' as const, span: m.keySpan,
        message: `"${key}" is not part of a contact payload: HubSpot reads ${sentKeys}, and "${key}" is not sent.`,
      }));
    }
    default:
      return [];
  }
}

function explainEntry(error: ErrorObject, entry: PayloadEntry): Finding[] {
  const opening: Span = { offset: entry.offset, length: 1 };
  switch (error.keyword) {
    case 'type':
      return [{ code: DiagnosticCode.EntryNotObject, severity: 'error', span: entry, message: `Each entry of "properties" must be an object such as {"property": "email", "value": "…"}, not ${describeKind(entry.kind)}.` }];
    case 'required': {
      const missing = (error.params as { missingProperty: string }).missingProperty;
      if (missing === 'property') {
        return [{ code: DiagnosticCode.EntryMissingProperty, severity: 'error', span: entry.value?.span ?? opening, message: 'This entry has no "property": HubSpot answers "property cannot be missing or null".' }];
      }
      return [{ code: DiagnosticCode.EntryMissingValue, severity: 'error', span: entry.property?.span ?? opening, message: `This entry has no "value"${entry.name !== undefined ? ` for "${entry.name}"` : ''}: add one (an empty string clears the property).` }];
    }
    case 'additionalProperties': {
      const key = (error.params as { additionalProperty: string }).additionalProperty;
      return entry.members.filter((m) => m.key === key).map((m) => ({
        code: DiagnosticCode.UnknownEntryKey, severity: 'warning' as const, span: m.keySpan,
        message: `"${key}" is not a key HubSpot reads in an entry: only "property", "value" and "timestamp" are.`,
      }));
    }
    default:
      return [];
  }
}

/** `$schema`, the JSON convention both shapes accept, holding something other than a string. */
export function invalidSchemaKey(member: Member): Finding {
  return { code: DiagnosticCode.InvalidSchemaKey, severity: 'warning', span: member.value ?? member.keySpan, message: `"$schema" must be a string (the address of the JSON Schema this file follows), not ${describeKind(member.value?.kind)}.` };
}

export function describeKind(kind: string | undefined): string {
  switch (kind) {
    case 'object': return 'an object';
    case 'array': return 'an array';
    case 'string': return 'a string';
    case 'number': return 'a number';
    case 'boolean': return 'a boolean';
    case 'null': return 'null';
    default: return 'nothing';
  }
}
