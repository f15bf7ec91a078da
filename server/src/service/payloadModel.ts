// The payload model both readers build (payload.ts): the top-level members, and `properties` — v1's array
// with each entry's `property` and `value`, or the CRM objects' object with its members — all with their
// offsets. Types and the lookups on them only, so
// that the readers and the services depend on it and it depends on nothing.

export interface Span {
  readonly offset: number;
  readonly length: number;
}

export type JsonKind = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';

export interface JsonValue extends Span {
  readonly kind: JsonKind;
  /** The value of a string, number, boolean or null; undefined for objects and arrays. */
  readonly value?: string | number | boolean | null;
}

export interface Member {
  readonly key: string;
  readonly keySpan: Span;
  /** Undefined while the member is being typed (`"value":` with nothing after it). */
  readonly value?: JsonValue;
  /** The member's whole extent: key, colon and value. */
  readonly span: Span;
}

/**
 * The Member both parsers build. Its spans are computed when asked, from numbers: a large payload holds
 * 200 000 members, and two stored span objects each would add 16 MB to every open 100 000-entry file.
 * The key's offset changes in place when an edit before it moves the member (payloadUpdate.ts).
 */
export class LocatedMember implements Member {
  constructor(
    readonly key: string,
    readonly keyOffset: number,
    readonly keyLength: number,
    readonly value: JsonValue | undefined,
    /** The length of key, colon and value together. */
    readonly spanLength: number,
  ) {}

  get keySpan(): Span {
    return { offset: this.keyOffset, length: this.keyLength };
  }

  get span(): Span {
    return { offset: this.keyOffset, length: this.spanLength };
  }
}

/**
 * A member of the CRM objects' `properties` object (`"email": "…"`): its key is the property's name. It is
 * itself the PropertyAssignment, as a v1 entry is, so a 100 000-property file gets no second object per
 * member.
 */
export class PropertyMember extends LocatedMember implements PropertyAssignment {
  constructor(key: string, keyOffset: number, keyLength: number, value: JsonValue | undefined, spanLength: number, readonly index: number) {
    super(key, keyOffset, keyLength, value, spanLength);
  }

  get name(): string {
    return this.key;
  }

  get nameSpan(): Span {
    return this.keySpan;
  }

  get assignedValue(): JsonValue | undefined {
    return this.value;
  }

  get extent(): Span {
    return this.span;
  }

  /** The member is one key: duplicates among the members are found by name, across the object. */
  get members(): readonly Member[] {
    return NO_MEMBERS;
  }
}

const NO_MEMBERS: readonly Member[] = [];

/**
 * One property the file sets, whatever the payload's shape: its name and where it is written, the value
 * and what removing it deletes. Validation, hover and symbols read these; the shape module
 * (shapes/v1.ts) says where they are. In v1 an entry of `properties` is one; in an object of properties
 * (`{"properties":{"email":"…"}}`) a member is, its key the name.
 */
export interface PropertyAssignment {
  /** Its place among the file's assignments, in document order: a code action names it by this. */
  readonly index: number;
  /** The property's name, when it is written as a string. */
  readonly name?: string;
  /** Where the name is written (whenever there is a name): v1's `"property"` string; an object member's key. */
  readonly nameSpan?: Span;
  /** The value set; undefined while it is being typed. */
  readonly assignedValue?: JsonValue;
  /** What removing the assignment deletes, separators aside: v1's entry object; an object member. */
  readonly extent: Span;
  /** Keys written inside the assignment, checked for duplicates: v1's entry object's; none where the assignment is one member. */
  readonly members: readonly Member[];
}

/**
 * An element of v1's `properties` array. It is itself the PropertyAssignment: a 100 000-entry file
 * gets no second object per entry, the assignment's spans are read from the members it holds.
 */
export class PayloadEntry implements Span, PropertyAssignment {
  constructor(
    readonly index: number,
    readonly offset: number,
    readonly length: number,
    readonly kind: JsonKind,
    /** Members of the entry object, in document order (duplicates kept). Empty when the entry is not an object. */
    readonly members: readonly Member[],
    /** The last `property` member (as JSON.parse would keep it). */
    readonly property: Member | undefined,
    /** The last `value` member. */
    readonly value: Member | undefined,
    /** The property name when `property` holds a string. */
    readonly name: string | undefined,
  ) {}

  get nameSpan(): Span | undefined {
    return this.property?.value;
  }

  get assignedValue(): JsonValue | undefined {
    return this.value?.value;
  }

  get extent(): Span {
    return this;
  }
}

/** A place where the text is not JSON, with what is wrong there. */
export interface JsonSyntaxProblem extends Span {
  readonly message: string;
}

export interface ParsedPayload {
  readonly text: string;
  readonly syntaxErrors: readonly JsonSyntaxProblem[];
  /** Where the text first nested deeper than the limit; that part was not parsed. */
  readonly nestingCut?: Span;
  readonly root?: JsonValue;
  /** Members of the root object, in document order. Empty when the root is not an object. */
  readonly topMembers: readonly Member[];
  /** The last top-level `properties` member. */
  readonly properties?: Member;
  /** The entries of `properties` when it is an array (v1). */
  readonly entries: readonly PayloadEntry[];
  /** The members of `properties` when it is an object (CRM objects), duplicates kept, in document order. */
  readonly propertyMembers: readonly PropertyMember[];
  /**
   * True when the text was plain JSON, read by the fast scanner (or updated entry by entry from such a
   * model): every member is then a LocatedMember, which payloadUpdate.ts moves in place.
   */
  readonly fromPlainJson: boolean;
  /**
   * In a batch file: the contact's place in the file's list of contacts (0-based). The model is then that
   * contact's scope: `text` is the whole file's, `root` the contact's object, `syntaxErrors` empty (the
   * file's are the batch's). Undefined in a single contact file.
   */
  readonly batchIndex?: number;
}

/**
 * A batch file (`*.contacts.json`): CRM objects' batch body `{"inputs":[{…}, …]}` or v1's `[{…}, …]`.
 * Each contact is a ParsedPayload over the same text (a contact scope), so every feature runs on a
 * contact as it runs on a single file; only what belongs to the list itself is modelled here.
 */
export interface ParsedBatch {
  readonly text: string;
  readonly syntaxErrors: readonly JsonSyntaxProblem[];
  readonly nestingCut?: Span;
  readonly root?: JsonValue;
  /** Members of the root object (CRM objects' form), in document order. Empty when the root is not an object. */
  readonly topMembers: readonly Member[];
  /** The last top-level `inputs`. */
  readonly inputs?: Member;
  /** The list of contacts: the array of `inputs`, or the root array (v1's form); undefined when there is none. */
  readonly list?: JsonValue;
  /** The list's elements, in document order; the objects among them are the contacts. */
  readonly elements: readonly JsonValue[];
  /** One scope per object of the list, in document order, each with its `batchIndex`. */
  readonly contacts: readonly ParsedPayload[];
  readonly fromPlainJson: boolean;
}

/** What a document is parsed into: one contact, or a batch of them. */
export type ParsedDocument = ParsedPayload | ParsedBatch;

export function isBatch(document: ParsedDocument): document is ParsedBatch {
  return 'contacts' in document;
}

/** The contacts of a document: itself for a single contact file. */
export function contactsOf(document: ParsedDocument): readonly ParsedPayload[] {
  return isBatch(document) ? document.contacts : [document];
}

/** The contact whose object holds `offset` (its braces included): the document itself in a single contact file. */
export function contactAt(document: ParsedDocument, offset: number): ParsedPayload | undefined {
  if (!isBatch(document)) return document;
  const index = contactIndexAt(document, offset);
  return index >= 0 ? document.contacts[index] : undefined;
}

/** The position among the batch's contacts of the one whose object holds `offset`; -1 when none does. */
export function contactIndexAt(batch: ParsedBatch, offset: number): number {
  return indexContaining(batch.contacts, offset, (contact) => contact.root!.offset, (contact) => contact.root!.length);
}

/** Deeper than this and the text is blanked before parsing: jsonc-parser recurses and would overflow the stack. */
export const MAX_NESTING = 256;

/** The entry whose span contains `offset` (ends inclusive, so a cursor right after `}` still counts), by binary search. */
export function entryAt(payload: ParsedPayload, offset: number): PayloadEntry | undefined {
  return containing(payload.entries, offset, (entry) => entry.offset, (entry) => entry.length);
}

/** The member of the `properties` object whose span contains `offset` (ends inclusive), by binary search. */
export function propertyMemberAt(payload: ParsedPayload, offset: number): PropertyMember | undefined {
  return containing(payload.propertyMembers, offset, (member) => member.keyOffset, (member) => member.spanLength);
}

/** Of `items` in document order, not overlapping, the one from `start` to `start + length` (ends inclusive) that holds `offset`. */
function containing<T>(items: readonly T[], offset: number, startOf: (item: T) => number, lengthOf: (item: T) => number): T | undefined {
  const index = indexContaining(items, offset, startOf, lengthOf);
  return index >= 0 ? items[index] : undefined;
}

function indexContaining<T>(items: readonly T[], offset: number, startOf: (item: T) => number, lengthOf: (item: T) => number): number {
  let low = 0;
  let high = items.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const item = items[mid];
    const start = startOf(item);
    if (offset < start) high = mid - 1;
    else if (offset > start + lengthOf(item)) low = mid + 1;
    else return mid;
  }
  return -1;
}

export function lastMember(members: readonly Member[], key: string): Member | undefined {
  for (let i = members.length - 1; i >= 0; i--) if (members[i].key === key) return members[i];
  return undefined;
}
