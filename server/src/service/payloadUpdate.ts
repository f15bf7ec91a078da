// The model of a document's next version, from the model of its previous one: when an edit stays
// inside one property (typing a value, the common keystroke) — an entry of v1's `properties` array or
// a member of the CRM objects' `properties` object — only that one is read again and the others are
// kept, moved by the edit's change in length. On a 100 000-entry file that is a few
// milliseconds instead of a full read, and the kept entries are not garbage to collect.
// Any other edit, or a previous model that did not come from plain JSON, reads the whole text.
import { parseBatch, parsePayload } from './payload';
import { contactIndexAt, entryAt, isBatch, LocatedMember, MAX_NESTING, propertyMemberAt, type JsonValue, type Member, type ParsedBatch, type ParsedDocument, type ParsedPayload, type PayloadEntry, type PropertyMember, type Span } from './payloadModel';
import { ENTRY_DEPTH, PROPERTY_VALUE_DEPTH, scanPlainEntry, scanPlainPropertyMember } from './payloadScanner';

/**
 * The model of `text`, reusing `previous` (the model of the document's previous text) where the edit
 * did not reach. `previous` must not be used afterwards: its entries array and the entries after the
 * edit are taken over and moved in place (copying 100 000 entries per keystroke is what this avoids).
 */
export function updatePayload(previous: ParsedPayload, text: string): ParsedPayload {
  if (!previous.fromPlainJson || !previous.root) return parsePayload(text);
  const change = changedRange(previous.text, text);
  if (change.start === text.length && text.length === previous.text.length) return sameText(previous, text);
  return updatedContact(previous, text, change, SINGLE_FILE_DEPTHS) ?? parsePayload(text);
}

/**
 * The next version of a document of either kind, as updatePayload. In a batch file an edit inside one
 * property of one contact reads that property again, and the contacts after it are moved: a keystroke
 * in a 10 000-contact file reads no other contact.
 */
export function updateDocument(previous: ParsedDocument, text: string): ParsedDocument {
  return isBatch(previous) ? updateBatch(previous, text) : updatePayload(previous, text);
}

function updateBatch(previous: ParsedBatch, text: string): ParsedBatch {
  if (!previous.fromPlainJson || !previous.list) return parseBatch(text);
  const change = changedRange(previous.text, text);
  if (change.start === text.length && text.length === previous.text.length) return { ...previous, text };
  const position = contactIndexAt(previous, change.start);
  const contact = position >= 0 ? previous.contacts[position] : undefined;
  const root = contact?.root;
  // Strictly inside the contact's braces, so that it starts and its neighbours stay where they were.
  if (!contact || !root || change.start <= root.offset || change.oldEnd >= root.offset + root.length) return parseBatch(text);
  const updated = updatedContact(contact, text, change, previous.list === previous.root ? V1_BATCH_DEPTHS : OBJECTS_BATCH_DEPTHS);
  if (!updated) return parseBatch(text);
  const delta = text.length - previous.text.length;
  // The previous model is not used again: its arrays are taken over, and what follows the edit is moved in place.
  const contacts = previous.contacts as ParsedPayload[];
  const elements = previous.elements as JsonValue[];
  contacts[position] = updated;
  elements[contact.batchIndex!] = updated.root!;
  // The other contacts are taken over too, their text set in place: no 10 000 new objects a keystroke.
  for (let i = 0; i < contacts.length; i++) {
    if (i === position) continue;
    if (i > position && delta !== 0) moveContact(contacts[i], delta);
    (contacts[i] as Mutable<ParsedPayload>).text = text;
  }
  // A contact's root is its element, moved with it; the list's other elements (not objects) are moved here.
  if (delta !== 0) for (let i = contact.batchIndex! + 1; i < elements.length; i++) if (elements[i].kind !== 'object') (elements[i] as Mutable<JsonValue>).offset += delta;
  const list = grown(previous.list, delta);
  const inputs = previous.inputs;
  const topMembers = previous.topMembers.map((member) => {
    if (member === inputs) return new LocatedMember(member.key, member.keySpan.offset, member.keySpan.length, list, member.span.length + delta);
    return member.span.offset > root.offset ? movedMember(member, delta) : member;
  });
  return {
    text,
    syntaxErrors: [],
    nestingCut: undefined,
    root: previous.list === previous.root ? list : grown(previous.root!, delta),
    topMembers,
    inputs: inputs && topMembers[previous.topMembers.indexOf(inputs)],
    list,
    elements,
    contacts,
    fromPlainJson: true,
  };
}

/** How deep a contact's entries and property values are: in a single file, in v1's batch list, in `inputs`. */
interface ContactDepths {
  readonly entry: number;
  readonly propertyValue: number;
}
const SINGLE_FILE_DEPTHS: ContactDepths = { entry: ENTRY_DEPTH, propertyValue: PROPERTY_VALUE_DEPTH };
const V1_BATCH_DEPTHS: ContactDepths = { entry: ENTRY_DEPTH + 1, propertyValue: PROPERTY_VALUE_DEPTH + 1 };
const OBJECTS_BATCH_DEPTHS: ContactDepths = { entry: ENTRY_DEPTH + 2, propertyValue: PROPERTY_VALUE_DEPTH + 2 };

/** One contact's next model when the edit stays inside one of its properties; undefined otherwise. */
function updatedContact(previous: ParsedPayload, text: string, change: ChangedRange, depths: ContactDepths): ParsedPayload | undefined {
  const kind = previous.properties?.value?.kind;
  if (kind === 'array') return updatedWithinOneEntry(previous, text, change, depths.entry);
  if (kind === 'object') return updatedWithinOneMember(previous, text, change, depths.propertyValue);
  return undefined;
}

function updatedWithinOneEntry(previous: ParsedPayload, text: string, change: ChangedRange, depth: number): ParsedPayload | undefined {
  const entry = entryAt(previous, change.start);
  // The edit must lie strictly between the entry's braces, so that its start and its neighbours stay as they were.
  if (!entry || entry.kind !== 'object' || change.start <= entry.offset || change.oldEnd >= entry.offset + entry.length) return undefined;
  const delta = text.length - previous.text.length;
  // The entry must end where the old one ended, moved by the edit: then everything after it reads as before.
  const scanned = scanPlainEntry(text, entry.offset, entry.offset + entry.length + delta, entry.index, MAX_NESTING, depth);
  if (!scanned) return undefined;
  moveEntry(scanned, entry.offset); // it was read on its own, from offset 0

  // The previous model is not used again: its array is taken over rather than copied (800 KB a keystroke at 100 000 entries).
  const entries = previous.entries as PayloadEntry[];
  entries[entry.index] = scanned;
  if (delta !== 0) for (let i = entry.index + 1; i < entries.length; i++) moveEntry(entries[i], delta);
  return { ...withPropertiesGrown(previous, text, delta), entries };
}

function updatedWithinOneMember(previous: ParsedPayload, text: string, change: ChangedRange, depth: number): ParsedPayload | undefined {
  const member = propertyMemberAt(previous, change.start);
  // Strictly inside the member (after its key's opening quote, before its value's last character), so
  // that its start and its neighbours stay as they were.
  if (!member || change.start <= member.keyOffset || change.oldEnd >= member.keyOffset + member.spanLength) return undefined;
  const delta = text.length - previous.text.length;
  const scanned = scanPlainPropertyMember(text, member.keyOffset, member.keyOffset + member.spanLength + delta, member.index, MAX_NESTING, depth);
  if (!scanned) return undefined;
  moveMember(scanned, member.keyOffset);

  const members = previous.propertyMembers as PropertyMember[];
  members[member.index] = scanned;
  if (delta !== 0) for (let i = member.index + 1; i < members.length; i++) moveMember(members[i], delta);
  return { ...withPropertiesGrown(previous, text, delta), propertyMembers: members };
}

/** The top of the model after an edit inside `properties` that changed its length by `delta`. */
function withPropertiesGrown(previous: ParsedPayload, text: string, delta: number): ParsedPayload {
  const properties = previous.properties!;
  const topMembers = previous.topMembers.map((member) => {
    if (member === properties) return new LocatedMember(member.key, member.keySpan.offset, member.keySpan.length, grown(member.value!, delta), member.span.length + delta);
    return member.span.offset > properties.span.offset ? movedMember(member, delta) : member;
  });
  return {
    text,
    syntaxErrors: [],
    nestingCut: undefined,
    root: grown(previous.root!, delta),
    topMembers,
    properties: topMembers[previous.topMembers.indexOf(properties)],
    entries: previous.entries,
    propertyMembers: previous.propertyMembers,
    fromPlainJson: true,
    ...(previous.batchIndex !== undefined ? { batchIndex: previous.batchIndex } : {}),
  };
}

/** A new version with the same text (an edit undone within one change, or a save): the same model. */
function sameText(previous: ParsedPayload, text: string): ParsedPayload {
  return { ...previous, text };
}

export interface ChangedRange {
  /** Where the texts start to differ. */
  readonly start: number;
  /** Where the changed part ends in the old text and in the new one (the rest is the same). */
  readonly oldEnd: number;
  readonly newEnd: number;
}

/** Characters compared at once: string equality runs natively over the chunk, far faster than a loop over characters. */
const CHUNK = 4096;

/** The one range an edit replaced, found by comparing the texts from both ends. */
export function changedRange(oldText: string, newText: string): ChangedRange {
  const shorter = Math.min(oldText.length, newText.length);
  let start = 0;
  while (start + CHUNK <= shorter && oldText.slice(start, start + CHUNK) === newText.slice(start, start + CHUNK)) start += CHUNK;
  while (start < shorter && oldText.charCodeAt(start) === newText.charCodeAt(start)) start++;
  const maxSuffix = shorter - start;
  let suffix = 0;
  while (suffix + CHUNK <= maxSuffix && oldText.slice(oldText.length - suffix - CHUNK, oldText.length - suffix) === newText.slice(newText.length - suffix - CHUNK, newText.length - suffix)) suffix += CHUNK;
  while (suffix < maxSuffix && oldText.charCodeAt(oldText.length - suffix - 1) === newText.charCodeAt(newText.length - suffix - 1)) suffix++;
  return { start, oldEnd: oldText.length - suffix, newEnd: newText.length - suffix };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Moves a kept entry by the edit's change in length, in place. Its members are the scanner's LocatedMembers (fromPlainJson). */
function moveEntry(entry: PayloadEntry, delta: number): void {
  (entry as Mutable<PayloadEntry>).offset += delta;
  for (const member of entry.members) moveMember(member as LocatedMember, delta);
}

/** Moves a kept contact of a batch file by the edit's change in length, in place: its object, members, entries and property members. */
function moveContact(contact: ParsedPayload, delta: number): void {
  (contact.root as Mutable<JsonValue>).offset += delta;
  for (const member of contact.topMembers) moveMember(member as LocatedMember, delta);
  for (const entry of contact.entries) moveEntry(entry, delta);
  for (const member of contact.propertyMembers) moveMember(member, delta);
}

/** Moves a kept member by the edit's change in length, in place. */
function moveMember(member: LocatedMember, delta: number): void {
  (member as Mutable<LocatedMember>).keyOffset += delta;
  if (member.value) (member.value as Mutable<JsonValue>).offset += delta;
}

/** A top-level member after `properties`: a handful at most, so new objects rather than moved ones. */
function movedMember(member: Member, delta: number): Member {
  const value = member.value && { ...member.value, offset: member.value.offset + delta };
  return new LocatedMember(member.key, member.keySpan.offset + delta, member.keySpan.length, value, member.span.length);
}

function grown<S extends Span>(span: S, delta: number): S {
  return { ...span, length: span.length + delta };
}
