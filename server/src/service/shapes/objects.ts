// What is particular to the CRM objects body, `{"properties":{"email":"…"},"associations":[…]}`: an
// assignment is a member of the `properties` object (its key the name), the structure is
// schemas/contact-objects.schema.json, and the contact's id is saved under `id`, as a string of digits
// (HubSpot's ids are strings in this API).
import schema from '../../../../schemas/contact-objects.schema.json';
import { lastMember, propertyMemberAt, type ParsedPayload } from '../payloadModel';
import { elementRemovalSpan } from './elementRemoval';
import { checkObjectsStructure } from './objectsStructure';
import { objectsCursorContext } from './objectsCursor';
import type { KeySchema, PayloadShape } from './payloadShape';

/** The top-level key "Save id to file" writes the contact's id under; HubSpot never sees it. */
export const OBJECTS_SAVED_ID_KEY = 'id';

/**
 * The contact id saved in the file, when it can be used: a JSON string of digits naming a positive safe
 * integer. A number (`"id": 123`) is not one: the structure check says so and the user confirms the id.
 */
export function savedObjectsContactId(payload: ParsedPayload): number | undefined {
  const saved = lastMember(payload.topMembers, OBJECTS_SAVED_ID_KEY)?.value?.value;
  if (typeof saved !== 'string' || !/^[1-9]\d*$/.test(saved)) return undefined;
  const id = Number(saved);
  return Number.isSafeInteger(id) ? id : undefined;
}

const NO_KEYS: ReadonlyMap<string, KeySchema> = new Map();

export const objectsShape: PayloadShape = {
  name: 'objects',
  apiLabel: 'the CRM objects API',
  example: '{"properties": {"email": "…"}}',
  newDocument: {
    detail: '{ "properties": { … } } with an email',
    documentation: 'The body of a HubSpot CRM objects create or update request (`/crm/objects/…/contacts`). HubSpot deduplicates contacts by `email`.',
    text: '{\n  "properties": {\n    "email": ""\n  }\n}',
    snippet: '{\n\t"properties": {\n\t\t"email": "$1"$0\n\t}\n}',
  },
  newAssignment: (name, value) => `${name}: ${value}`,
  plainNewAssignment: (name) => name,
  scope: 'in this file',
  duplicateMeaning: 'only the last value counts (JSON keeps the last key).',
  dates: 'isoOrEpochMilliseconds',
  topLevelKeys: new Map<string, KeySchema>(Object.entries(schema.properties)),
  assignmentKeys: NO_KEYS,
  // The members are the assignments themselves: no second array, no object per member.
  assignments: (payload) => payload.propertyMembers,
  assignmentAt: propertyMemberAt,
  removalSpan: (payload, member) => elementRemovalSpan(payload.text, (index) => payload.propertyMembers[index].span, payload.propertyMembers.length, member.index),
  assignmentsHolder: (payload) => (payload.properties?.value?.kind === 'object' ? payload.properties : undefined),
  structureFindings: checkObjectsStructure,
  cursorContext: objectsCursorContext,
  savedIdKey: OBJECTS_SAVED_ID_KEY,
  savedContactId: savedObjectsContactId,
};
