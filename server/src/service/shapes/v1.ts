// What is particular to HubSpot's legacy Contacts v1 body, `{"properties":[{"property":"email","value":"…"}]}`:
// an assignment is an element of the `properties` array (its `property` string the name, its `value`
// the value), the structure is schemas/contact.schema.json, and the contact's id is saved under `vid`.
import schema from '../../../../schemas/contact.schema.json';
import { entryAt, lastMember, type ParsedPayload } from '../payloadModel';
import { checkStructure } from '../schemaCheck';
import type { KeySchema, PayloadShape } from './payloadShape';
import { cursorContext } from './v1Cursor';
import { elementRemovalSpan } from './elementRemoval';

/** The top-level key "Save vid to file" writes the contact's id under; HubSpot never sees it. */
export const SAVED_ID_KEY = 'vid';

/**
 * The contact id saved in the file, when it can be used: a positive safe integer written as a JSON
 * number. A string such as "61574" is not one (the file was edited by hand; the user confirms the id).
 */
export function savedContactId(payload: ParsedPayload): number | undefined {
  const saved = lastMember(payload.topMembers, SAVED_ID_KEY)?.value?.value;
  return typeof saved === 'number' && Number.isSafeInteger(saved) && saved > 0 ? saved : undefined;
}

export const v1Shape: PayloadShape = {
  name: 'v1',
  apiLabel: 'the v1 API',
  example: '{"properties": [{"property": "email", "value": "…"}]}',
  newDocument: {
    detail: '{ "properties": [ … ] } with an email entry',
    documentation: 'The body of a HubSpot Contacts v1 create or update request. HubSpot deduplicates contacts by `email`.',
    text: '{\n  "properties": [\n    { "property": "email", "value": "" }\n  ]\n}',
    snippet: '{\n\t"properties": [\n\t\t{ "property": "email", "value": "$1" }$0\n\t]\n}',
  },
  newAssignment: (name, value) => `{ "property": ${name}, "value": ${value} }`,
  plainNewAssignment: (name) => `{ "property": ${name}, "value": "" }`,
  scope: 'in this file',
  duplicateMeaning: 'HubSpot keeps only one of the values.',
  dates: 'epochMilliseconds',
  topLevelKeys: new Map<string, KeySchema>(Object.entries(schema.properties)),
  assignmentKeys: new Map<string, KeySchema>(Object.entries(schema.definitions.entry.properties)),
  // The entries are the assignments themselves: no second array, no object per entry.
  assignments: (payload) => payload.entries,
  assignmentAt: entryAt,
  removalSpan: (payload, entry) => elementRemovalSpan(payload.text, (index) => payload.entries[index], payload.entries.length, entry.index),
  assignmentsHolder: (payload) => (payload.properties?.value?.kind === 'array' ? payload.properties : undefined),
  structureFindings: checkStructure,
  cursorContext,
  savedIdKey: SAVED_ID_KEY,
  savedContactId,
};
