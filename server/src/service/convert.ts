// Converts a payload between HubSpot's two shapes: v1 (`{"properties":[{"property":…,"value":…}],"vid":123}`)
// and CRM objects (`{"properties":{"email":…},"associations":[…],"id":"123"}`). What both can say is
// kept exactly: key order, each value's source text, unknown top-level keys; the saved contact id
// moves between v1's `vid` (a number) and CRM objects' `id` (a string of digits), and a `$schema`
// naming one format's schema names the other's. What the target cannot say is dropped and noted, and
// so is each change.
//
// The new text is written out pretty-printed with the file's own indentation (the first indented
// line decides; 2 spaces when there is none), its line ends and its byte order mark, and each v1
// entry on one line as the examples are written. A document that was written on one line comes out
// on several: a conversion rewrites every line of `properties` anyway, and one line of 100 000
// entries helps nobody. Unknown top-level values are copied as they are written.
import type { PropertyCatalog } from './catalog';
import { v1Date } from './convertDates';
import { outlineOf, type OutlineMember, type OutlineValue } from './convertOutline';

export type PayloadFormat = 'v1' | 'objects';

/** Which part of the payload a note is about, for a summary such as "drops 2 timestamps". */
export type NoteSubject = 'timestamp' | 'association' | 'duplicate' | 'entry' | 'entryKey' | 'topLevelKey' | 'schema' | 'date' | 'unconvertedDate' | 'contactId';

export interface ConversionNote {
  /** One plain sentence that names the property. */
  readonly message: string;
  readonly subject: NoteSubject;
  /** How many of the subject the note is about ("2 associations" is one note). */
  readonly count: number;
}

export type ConversionResult =
  | { readonly ok: true; readonly from: PayloadFormat; readonly to: PayloadFormat; readonly text: string; readonly notes: readonly ConversionNote[] }
  /** `already`: the text is in the target format; `unconvertible`: it is no payload of either format. */
  | { readonly ok: false; readonly reason: 'already' | 'unconvertible'; readonly message: string };

export const FORMAT_NAMES: Readonly<Record<PayloadFormat, string>> = { v1: 'v1 format', objects: 'CRM objects format' };

/** The key each format saves the contact's id under. */
const SAVED_ID_KEY: Readonly<Record<PayloadFormat, string>> = { v1: 'vid', objects: 'id' };
const BYTE_ORDER_MARK = '\uFEFF';

/** The file name of each format's schema (schemas/), as a `$schema` path or URL ends with it. */
const SCHEMA_FILE: Readonly<Record<PayloadFormat, string>> = { v1: 'contact.schema.json', objects: 'contact-objects.schema.json' };

/** Converts `text` to the format `to` ('other': the format it is not in). Never throws on any text. */
export function convertPayload(text: string, to: PayloadFormat | 'other', catalog?: PropertyCatalog): ConversionResult {
  const bom = text.startsWith(BYTE_ORDER_MARK) ? BYTE_ORDER_MARK : '';
  const json = text.slice(bom.length);
  const syntax = jsonSyntaxProblem(json);
  if (syntax !== undefined) return unconvertible(`it is not JSON (${syntax})`);
  const root = outlineOf(json);
  if (!root?.members) return unconvertible('its top level is not a JSON object');
  const properties = lastMember(root.members, 'properties')?.value;
  if (!properties) return unconvertible('it has no "properties"');
  const from: PayloadFormat | undefined = properties.kind === 'array' ? 'v1' : properties.kind === 'object' ? 'objects' : undefined;
  if (!from) return unconvertible('its "properties" is neither a list of entries (v1 format) nor an object of values (CRM objects format)');
  const target = to === 'other' ? (from === 'v1' ? 'objects' : 'v1') : to;
  if (target === from) return { ok: false, reason: 'already', message: `it is already in the ${FORMAT_NAMES[from]}` };

  const layout = layoutOf(json);
  const notes: ConversionNote[] = [];
  const members = lastOfEachKey(root.members, (key, times) => notes.push({
    subject: 'topLevelKey', count: times - 1,
    message: `${quoted(key)} was set ${timesWord(times)} at the top level; the last value, as a JSON reader takes it, is kept`,
  }));
  const written = target === 'objects' ? toObjects(members, notes, layout) : toV1(members, notes, layout, catalog);
  const body = written.map(([key, value]) => `${layout.indent}${key}: ${value}`);
  const document = body.length === 0 ? '{}' : ['{', body.join(`,${layout.eol}`), '}'].join(layout.eol);
  return { ok: true, from, to: target, text: bom + document + (layout.finalEol ? layout.eol : ''), notes };
}

interface Layout {
  readonly indent: string;
  readonly eol: string;
  readonly finalEol: boolean;
}

/** A top-level member as written: its key's text and its value's, which may span lines. */
type Written = readonly [key: string, value: string];

function toObjects(members: readonly OutlineMember[], notes: ConversionNote[], layout: Layout): Written[] {
  const hasSavedId = members.some((member) => member.key === SAVED_ID_KEY.v1);
  return members.flatMap((member): Written[] => {
    if (member.key === 'properties') return [[member.rawKey, objectOfValues(v1Assignments(member.value, notes), layout)]];
    if (member.key === SAVED_ID_KEY.v1) return [[JSON.stringify(SAVED_ID_KEY.objects), objectsId(member.value, notes)]];
    if (member.key === SAVED_ID_KEY.objects && hasSavedId) return droppedForId(member, SAVED_ID_KEY.v1, notes);
    if (member.key === '$schema') return [[member.rawKey, schemaFor(member.value, 'v1', 'objects', notes)]];
    return [[member.rawKey, member.value.raw]];
  });
}

function toV1(members: readonly OutlineMember[], notes: ConversionNote[], layout: Layout, catalog: PropertyCatalog | undefined): Written[] {
  const hasSavedId = members.some((member) => member.key === SAVED_ID_KEY.objects);
  return members.flatMap((member): Written[] => {
    if (member.key === 'properties') return [[member.rawKey, listOfEntries(objectsAssignments(member.value, notes, catalog), layout)]];
    if (member.key === SAVED_ID_KEY.objects) return [[JSON.stringify(SAVED_ID_KEY.v1), v1Vid(member.value, notes)]];
    if (member.key === SAVED_ID_KEY.v1 && hasSavedId) return droppedForId(member, SAVED_ID_KEY.objects, notes);
    if (member.key === 'associations') {
      const count = member.value.elements?.length ?? 1;
      const what = member.value.elements ? ` (${count === 1 ? '1 association' : `${count} associations`})` : '';
      notes.push({ subject: 'association', count, message: `"associations" cannot be sent by the v1 API and was dropped${what}` });
      return [];
    }
    if (member.key === '$schema') return [[member.rawKey, schemaFor(member.value, 'objects', 'v1', notes)]];
    return [[member.rawKey, member.value.raw]];
  });
}

/**
 * `$schema` naming the source format's own schema (a path or URL ending in its file name) names the
 * target's instead: kept, it would hold the new file to the old shape. Any other `$schema` is kept.
 */
function schemaFor(schema: OutlineValue, from: PayloadFormat, to: PayloadFormat, notes: ConversionNote[]): string {
  const location = typeof schema.value === 'string' && schema.kind === 'string' ? schema.value : undefined;
  const own = location === undefined ? undefined : /(?:^|[/\\])([^/\\]+)$/.exec(location);
  if (location === undefined || own?.[1] !== SCHEMA_FILE[from]) return schema.raw;
  const renamed = location.slice(0, location.length - SCHEMA_FILE[from].length) + SCHEMA_FILE[to];
  notes.push({ subject: 'schema', count: 1, message: `"$schema" now names ${SCHEMA_FILE[to]}, the schema of the ${FORMAT_NAMES[to]}, instead of ${SCHEMA_FILE[from]}` });
  return JSON.stringify(renamed);
}

/** A key that the converted saved id takes over: it goes, noted. */
function droppedForId(member: OutlineMember, sourceKey: string, notes: ConversionNote[]): [] {
  notes.push({ subject: 'topLevelKey', count: 1, message: `${quoted(member.key)} (${excerpt(member.value.raw)}) was dropped: ${quoted(member.key)} now holds the contact id from ${quoted(sourceKey)}` });
  return [];
}

/** One property set: its name's and its value's source text. */
interface Assignment {
  readonly name: string;
  readonly rawName: string;
  readonly rawValue: string;
}

/** The assignments of v1 entries that the CRM objects format can hold, each entry's leftovers noted. */
function v1Assignments(properties: OutlineValue, notes: ConversionNote[]): readonly Assignment[] {
  const assignments: Assignment[] = [];
  for (const [index, entry] of (properties.elements ?? []).entries()) {
    const assignment = v1Assignment(entry, `entry ${index + 1}`, notes);
    if (assignment) assignments.push(assignment);
  }
  return lastOfEachName(assignments, notes);
}

/** One v1 entry as an assignment, or undefined when it names no property and value; `where` names it in notes. */
function v1Assignment(entry: OutlineValue, where: string, notes: ConversionNote[]): Assignment | undefined {
  if (!entry.members) {
    notes.push({ subject: 'entry', count: 1, message: `${where} (${excerpt(entry.raw)}) is not an object with "property" and "value" and was dropped` });
    return undefined;
  }
  const fields = lastOfEachKey(entry.members, (key, times) => notes.push({
    subject: 'duplicate', count: times - 1,
    message: `${where} has ${quoted(key)} ${timesWord(times)}; the last, as HubSpot reads it, is kept`,
  }));
  let property: OutlineValue | undefined;
  let value: OutlineValue | undefined;
  for (const field of fields) {
    if (field.key === 'property') property = field.value;
    else if (field.key === 'value') value = field.value;
  }
  if (property?.kind !== 'string' || typeof property.value !== 'string') {
    notes.push({ subject: 'entry', count: 1, message: `${where} has no "property" name written as a string and was dropped` });
    return undefined;
  }
  const name = property.value;
  if (!value) {
    notes.push({ subject: 'entry', count: 1, message: `${quoted(name)} (${where}) has no "value" and was dropped` });
    return undefined;
  }
  for (const field of fields) {
    if (field.key === 'property' || field.key === 'value') continue;
    notes.push({
      subject: field.key === 'timestamp' ? 'timestamp' : 'entryKey', count: 1,
      message: `${quoted(field.key)} of ${quoted(name)} (${where}) has no place in the CRM objects format and was dropped`,
    });
  }
  return { name, rawName: property.raw, rawValue: value.raw };
}

/** The assignments of a CRM objects `properties` object, dates a v1 property cannot take converted. */
function objectsAssignments(properties: OutlineValue, notes: ConversionNote[], catalog: PropertyCatalog | undefined): readonly Assignment[] {
  const assignments = (properties.members ?? []).map((member): Assignment => {
    const written = { name: member.key, rawName: member.rawKey, rawValue: member.value.raw };
    const type = catalog?.properties.get(member.key)?.type;
    if (type === undefined || typeof member.value.value !== 'string') return written;
    const date = v1Date(member.value.value, type);
    if (!date) return written;
    if (date.kind === 'unconvertible') {
      notes.push({ subject: 'unconvertedDate', count: 1, message: `${quoted(member.key)} ${excerpt(member.value.raw)} ${date.why}; it is kept as written, and the v1 API takes a ${type} only in epoch milliseconds` });
      return written;
    }
    notes.push({ subject: 'date', count: 1, message: `${quoted(member.key)} ${excerpt(member.value.raw)} was written as "${date.text}", the epoch milliseconds the v1 API takes for a ${type}${type === 'date' ? ' (midnight UTC)' : ''}` });
    return { ...written, rawValue: JSON.stringify(date.text) };
  });
  return lastOfEachName(assignments, notes);
}

/** A property set more than once keeps its last value, where that is written; the others go, noted. */
function lastOfEachName(assignments: readonly Assignment[], notes: ConversionNote[]): readonly Assignment[] {
  // One Map operation per name: a large file has 100 000 of them, and most files no duplicate.
  const lastIndex = new Map<string, number>();
  for (const [index, { name }] of assignments.entries()) lastIndex.set(name, index);
  if (lastIndex.size === assignments.length) return assignments;
  const times = new Map<string, number>();
  for (const { name } of assignments) times.set(name, (times.get(name) ?? 0) + 1);
  return assignments.filter(({ name }, index) => {
    if (lastIndex.get(name) !== index) return false;
    const count = times.get(name) ?? 1;
    if (count > 1) notes.push({ subject: 'duplicate', count: count - 1, message: `${quoted(name)} was set ${timesWord(count)}; the last value, as HubSpot reads it, is kept` });
    return true;
  });
}

/** The members, each key's last only, in document order; `onDuplicate` hears of each key written more than once. */
function lastOfEachKey(members: readonly OutlineMember[], onDuplicate: (key: string, times: number) => void): readonly OutlineMember[] {
  // Most objects here are v1 entries of two or three keys, 100 000 of them in a large file: no Map for those.
  if (members.length <= 4 && !hasRepeatedKey(members)) return members;
  const last = new Map<string, OutlineMember>();
  const times = new Map<string, number>();
  for (const member of members) {
    last.set(member.key, member);
    times.set(member.key, (times.get(member.key) ?? 0) + 1);
  }
  for (const [key, count] of times) if (count > 1) onDuplicate(key, count);
  return members.filter((member) => last.get(member.key) === member);
}

function hasRepeatedKey(members: readonly OutlineMember[]): boolean {
  for (let i = 1; i < members.length; i++) for (let j = 0; j < i; j++) if (members[i]?.key === members[j]?.key) return true;
  return false;
}

/** v1's `vid` as CRM objects' `id`: a positive whole number becomes its digits as a string; anything else is kept as written, noted. */
function objectsId(vid: OutlineValue, notes: ConversionNote[]): string {
  if (vid.kind === 'number' && typeof vid.value === 'number' && Number.isSafeInteger(vid.value) && vid.value > 0) return JSON.stringify(String(vid.value));
  notes.push({ subject: 'contactId', count: 1, message: `"vid" ${excerpt(vid.raw)} is not a contact id (a positive whole number); it is kept as "id" as written` });
  return vid.raw;
}

/** CRM objects' `id` as v1's `vid`: a string of digits becomes a number; anything else is kept as written, noted. */
function v1Vid(id: OutlineValue, notes: ConversionNote[]): string {
  const digits = typeof id.value === 'string' && id.kind === 'string' && /^[1-9]\d*$/.test(id.value) ? Number(id.value) : undefined;
  if (digits !== undefined && Number.isSafeInteger(digits)) return String(digits);
  notes.push({ subject: 'contactId', count: 1, message: `"id" ${excerpt(id.raw)} is not a contact id (a string of digits); it is kept as "vid" as written` });
  return id.raw;
}

function objectOfValues(assignments: readonly Assignment[], layout: Layout): string {
  return block('{', '}', assignments.map(({ rawName, rawValue }) => `${rawName}: ${rawValue}`), layout);
}

function listOfEntries(assignments: readonly Assignment[], layout: Layout): string {
  return block('[', ']', assignments.map(({ rawName, rawValue }) => `{ "property": ${rawName}, "value": ${rawValue} }`), layout);
}

/** Lines one level deeper than a top-level member, or `{}` / `[]` when there are none. */
function block(open: string, close: string, lines: readonly string[], { indent, eol }: Layout): string {
  if (lines.length === 0) return open + close;
  const inner = indent + indent;
  return `${open}${eol}${inner}${lines.join(`,${eol}${inner}`)}${eol}${indent}${close}`;
}

/** The file's indentation unit (the first indented line's), line end and whether it ends with one. */
function layoutOf(text: string): Layout {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const first = /^([ \t]+)\S/m.exec(text)?.[1];
  const indent = first === undefined ? '  ' : first.startsWith('\t') ? '\t' : first.replaceAll('\t', '');
  return { indent, eol, finalEol: text.slice(text.trimEnd().length).includes('\n') };
}

/** JSON.parse's complaint, or undefined when the text is JSON. It accepts nesting far deeper than any parser that recurses. */
function jsonSyntaxProblem(text: string): string | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function lastMember(members: readonly OutlineMember[], key: string): OutlineMember | undefined {
  return members.findLast((member) => member.key === key);
}

function unconvertible(message: string): ConversionResult {
  return { ok: false, reason: 'unconvertible', message };
}

/** A name as a note quotes it: JSON-quoted, so that control characters and quotes stay visible. */
function quoted(name: string): string {
  return JSON.stringify(shortened(name, 80));
}

/** A value's source text as a note shows it: short. */
function excerpt(raw: string): string {
  return shortened(raw.slice(0, 100).replace(/\s+/g, ' '), 40);
}

/** At most `length` characters, a surrogate pair never cut in two. */
function shortened(text: string, length: number): string {
  if (text.length <= length) return text;
  const cut = text.slice(0, length - 1);
  return `${/[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut}…`;
}

function timesWord(times: number): string {
  return times === 2 ? 'twice' : `${times} times`;
}
