// Structural validation of a CRM objects payload: against schemas/contact-objects.schema.json with ajv,
// each failure turned into a finding on the exact key or value. The top level is checked once, with
// `associations` as written (it is small) and `properties` empty; the property values the schema might
// refuse (objects, arrays, numbers JSON cannot hold) are checked apart, keyed by their index so that
// duplicates and odd names (`__proto__`, `a/b`) stay apart and each failure finds its member.
import type { ErrorObject } from 'ajv';
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import { validateObjectsBatchInput, validateObjectsPayload } from '../contactSchemaValidator';
import { DiagnosticCode } from '../diagnosticCodes';
import type { Finding } from '../finding';
import { lastMember, type JsonValue, type Member, type ParsedPayload, type PropertyMember, type Span } from '../payloadModel';
import { describeKind, explainRoot, invalidSchemaKey, isIdDigits, plainTopLevel, scalarOrPlaceholder, setOwn, type StructureRules } from '../schemaCheck';

// `associations` is never taken as plainly valid: ajv reads it in full.
const isObject = (value: JsonValue) => value.kind === 'object';

/** A CRM objects single file: schemas/contact-objects.schema.json. */
export const OBJECTS_RULES: StructureRules = {
  validate: validateObjectsPayload, sentKeys: '"properties" and "associations"',
  plainKeys: new Map([['properties', isObject], ['id', isIdDigits], ['$schema', (value) => value.kind === 'string']]),
};

/** A contact of a CRM objects batch's `inputs`: schemas/contacts-objects-batch.schema.json, where `id` names the contact to update. */
export const OBJECTS_BATCH_RULES: StructureRules = {
  validate: validateObjectsBatchInput, sentKeys: '"properties", "associations" and "id"',
  plainKeys: new Map([['properties', isObject], ['id', isIdDigits]]),
};

const ASSOCIATION_EXAMPLE = '{"to": {"id": "101"}, "types": [{"associationCategory": "HUBSPOT_DEFINED", "associationTypeId": 279}]}';

export function checkObjectsStructure(payload: ParsedPayload, rules: StructureRules = OBJECTS_RULES): Finding[] {
  if (!payload.root) return [];
  const findings: Finding[] = [];
  const validator = rules.validate;
  if (!(payload.properties?.value?.kind === 'object' && plainTopLevel(payload, rules)) && !validator(topLevelValue(payload))) {
    for (const error of validator.errors ?? []) findings.push(...explainTopLevel(error, payload, rules.sentKeys));
  }
  // No array unless there is a suspect: a batch file asks 10 000 contacts every keystroke, and nearly none has one.
  let suspects: PropertyMember[] | undefined;
  const members = payload.propertyMembers;
  for (let i = 0; i < members.length; i++) if (!plainlyValid(members[i].value)) (suspects ??= []).push(members[i]);
  if (suspects) {
    const properties = Object.create(null) as Record<string, unknown>;
    suspects.forEach((member, index) => (properties[index] = scalarOrPlaceholder(member.value!)));
    if (!validator({ properties })) {
      for (const error of validator.errors ?? []) {
        const member = suspects[Number(error.instancePath.split('/')[2])] as PropertyMember | undefined;
        if (member) findings.push(valueNotScalar(member));
      }
    }
  }
  return findings;
}

/** A value the schema surely accepts: a scalar, a finite number if a number (ajv's "number" leaves out Infinity, what 1e400 reads as). */
function plainlyValid(value: JsonValue | undefined): boolean {
  // A member still being typed (no value) is the syntax check's to report.
  if (!value) return true;
  if (value.kind === 'object' || value.kind === 'array') return false;
  return value.kind !== 'number' || Number.isFinite(value.value);
}

/** The payload as a plain value for the top-level check: `properties` empty, `associations` in full. */
function topLevelValue(payload: ParsedPayload): unknown {
  const root = payload.root!;
  if (root.kind !== 'object') return root.kind === 'array' ? [] : root.value;
  const value: Record<string, unknown> = {};
  for (const member of payload.topMembers) {
    if (!member.value) continue; // still being typed: the syntax error says so
    const plain = member === payload.properties ? {} : member.key === 'associations' ? writtenValue(payload.text, member.value) : scalarOrPlaceholder(member.value);
    setOwn(value, member.key, plain);
  }
  return value;
}

/** A value as JSON.parse reads it (own keys only, `__proto__` included); a placeholder when the text is not plain JSON. */
function writtenValue(text: string, value: JsonValue): unknown {
  try {
    return JSON.parse(text.slice(value.offset, value.offset + value.length));
  } catch {
    return scalarOrPlaceholder(value);
  }
}

function explainTopLevel(error: ErrorObject, payload: ParsedPayload, sentKeys: string): Finding[] {
  const path = error.instancePath.split('/').slice(1).map(unescapePointer);
  if (path.length === 0) return explainRoot(error, payload, sentKeys);
  const member = lastMember(payload.topMembers, path[0]);
  if (!member) return [];
  const span = member.value ?? member.keySpan;
  switch (path[0]) {
    case 'id':
      return [{ code: DiagnosticCode.InvalidSavedId, severity: 'warning', span, message: '"id" must be the contact\'s id as a string of digits, such as "123" (saved after a create); "Update Contact" asks for an id instead.' }];
    case '$schema':
      return [invalidSchemaKey(member)];
    case 'associations':
      return [explainAssociation(error, payload, member, path.slice(1))];
    default:
      return [];
  }
}

/** A failure inside `associations`, on the exact value it is about. */
function explainAssociation(error: ErrorObject, payload: ParsedPayload, member: Member, path: readonly string[]): Finding {
  const value = member.value!;
  const finding = (span: Span, message: string): Finding => ({ code: DiagnosticCode.InvalidAssociation, severity: 'error', span, message });
  if (path.length === 0) return finding(value, `"associations" must be an array of associations such as ${ASSOCIATION_EXAMPLE}, not ${describeKind(value.kind)}.`);
  const node = nodeAt(payload.text, value, path);
  const span = node ? { offset: value.offset + node.offset, length: node.length } : value;
  const key = [...path].reverse().find((segment) => !/^\d+$/.test(segment)) ?? 'association';
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return finding(node ? { offset: span.offset, length: 1 } : span, `This ${path.length === 1 ? 'association' : `"${key}"`} has no "${String(params.missingProperty)}": an association is ${ASSOCIATION_EXAMPLE}.`);
    case 'enum':
      return finding(span, `"${key}" must be "HUBSPOT_DEFINED", "USER_DEFINED" or "INTEGRATOR_DEFINED".`);
    case 'minimum':
    case 'type':
      if (key === 'associationTypeId') return finding(span, '"associationTypeId" must be a positive whole number, such as 279 (contact to company).');
      return finding(span, `${path.length === 1 ? 'An association' : `"${key}"`} must be ${describeType(params.type)}, not ${describeKind(node?.type)}.`);
    case 'minItems':
      return finding(span, '"types" must name at least one association type.');
    default:
      return finding(span, `This association is not one HubSpot reads: ${error.message ?? 'unexpected content'}.`);
  }
}

/** The node at `path` inside a value, parsed on its own (associations are small). */
function nodeAt(text: string, value: JsonValue, path: readonly string[]): Node | undefined {
  const tree = parseTree(text.slice(value.offset, value.offset + value.length));
  return tree && findNodeAtLocation(tree, path.map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment)));
}

function describeType(type: unknown): string {
  const types = Array.isArray(type) ? type : [type];
  return types.map((t) => (t === 'object' ? 'an object' : t === 'array' ? 'an array' : t === 'string' ? 'a string' : t === 'integer' ? 'a whole number' : `a ${String(t)}`)).join(' or ');
}

/** JSON Pointer escapes: `~1` is `/`, `~0` is `~`. */
function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

function valueNotScalar(member: PropertyMember): Finding {
  const value = member.value!;
  return { code: DiagnosticCode.ValueNotScalar, severity: 'error', span: value, message: `A property value must be a string (HubSpot stores every value as text), not ${describeKind(value.kind)}.` };
}
