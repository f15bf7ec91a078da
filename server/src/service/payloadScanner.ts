// A fast reader for the common case, a payload that is plain JSON: one iterative pass over the
// characters builds the same ParsedPayload as the tolerant path (jsonc-parser's syntax tree, then the
// model), without building the tree. On a 100 000-entry file that is several times faster and a
// fraction of the memory, and it happens on every keystroke.
// It gives up (returns undefined) at the first thing plain JSON does not allow or it does not expect —
// a syntax error, a comment, whitespace other than JSON's four, nesting past the limit — and the
// tolerant parser then reads the text, with its recovery and its messages.
import { LocatedMember, PayloadEntry, PropertyMember, type JsonKind, type JsonValue, type Member, type ParsedBatch, type ParsedPayload } from './payloadModel';

const TAB = 0x09, LINE_FEED = 0x0a, CARRIAGE_RETURN = 0x0d, SPACE = 0x20, QUOTE = 0x22, COMMA = 0x2c, MINUS = 0x2d, DOT = 0x2e;
const ZERO = 0x30, NINE = 0x39, COLON = 0x3a, OPEN_BRACKET = 0x5b, BACKSLASH = 0x5c, CLOSE_BRACKET = 0x5d, OPEN_BRACE = 0x7b, CLOSE_BRACE = 0x7d;
const LOWER_E = 0x65, UPPER_E = 0x45, PLUS = 0x2b, LOWER_F = 0x66, LOWER_N = 0x6e, LOWER_T = 0x74;

/** Thrown (once) to abandon the fast path; never escapes this file. */
const NOT_PLAIN_JSON = new Error('not plain JSON');

/** Keys read over and over: returned as constants instead of a new string per occurrence. */
const COMMON_KEYS = ['property', 'value', 'timestamp', 'properties', 'vid', 'id', 'associations'];

/**
 * The payload model of `text`, or undefined when the text is not plain JSON within `maxDepth` levels
 * of nesting. `text` must already have its byte order mark replaced; `sourceText` is what the model keeps.
 */
export function scanPlainPayload(text: string, sourceText: string, maxDepth: number): ParsedPayload | undefined {
  return attempt(() => new PlainJsonScanner(text, maxDepth).payload(sourceText));
}

/**
 * The batch model of `text` (a `*.contacts.json`), or undefined when the text is not plain JSON within
 * `maxDepth` levels. As scanPlainPayload: `text` without its byte order mark, `sourceText` what is kept.
 */
export function scanPlainBatch(text: string, sourceText: string, maxDepth: number): ParsedBatch | undefined {
  return attempt(() => new PlainJsonScanner(text, maxDepth).batch(sourceText));
}

/** Depth of an element of `properties` in a single file: inside the root object and the array. */
export const ENTRY_DEPTH = 3;

/**
 * The entry (an element of `properties`) that fills `text` from `offset` to `end` exactly, read as if it
 * started at offset 0; undefined unless that is one plain JSON object.
 */
export function scanPlainEntry(text: string, offset: number, end: number, index: number, maxDepth: number, depth = ENTRY_DEPTH): PayloadEntry | undefined {
  if (text.charCodeAt(offset) !== OPEN_BRACE) return undefined;
  return scanAlone(text, offset, end, maxDepth, (scanner) => scanner.entryObject(index, depth));
}

/** Depth of a value of the `properties` object in a single file: inside the root object and `properties`. */
export const PROPERTY_VALUE_DEPTH = 3;

/**
 * The member of the `properties` object (`"name": value`) that fills `text` from `offset` to `end`
 * exactly, read as if it started at offset 0; undefined unless that is one plain JSON member.
 */
export function scanPlainPropertyMember(text: string, offset: number, end: number, index: number, maxDepth: number, depth = PROPERTY_VALUE_DEPTH): PropertyMember | undefined {
  if (text.charCodeAt(offset) !== QUOTE) return undefined;
  return scanAlone(text, offset, end, maxDepth, (scanner) => scanner.propertyMember(index, depth));
}

/**
 * What `read` finds in `text` from `offset` to `end`, when it reads exactly that far. Read from a copy of
 * the part alone: V8 makes a substring a view that keeps its whole parent alive, and the part outlives
 * its version of the text (later edits keep it). Viewing the document would keep one 7 MB text alive
 * per keystroke.
 */
function scanAlone<T>(text: string, offset: number, end: number, maxDepth: number, read: (scanner: PlainJsonScanner) => T): T | undefined {
  const scanner = new PlainJsonScanner(detachedCopy(text.slice(offset, end)), maxDepth);
  const part = attempt(() => read(scanner));
  return part && scanner.position === end - offset ? part : undefined;
}

/** A string with the same characters that shares no memory with the one it was cut from. */
function detachedCopy(slice: string): string {
  // Concatenating makes a pair of strings; slicing the pair flattens it into a fresh string first.
  return (' ' + slice).slice(1);
}

function attempt<T>(scan: () => T): T | undefined {
  try {
    return scan();
  } catch (error) {
    if (error === NOT_PLAIN_JSON) return undefined;
    throw error;
  }
}

/** What one contact's object holds, wherever it is (a single file's root, an element of a batch's list). */
type ContactParts = Pick<ParsedPayload, 'topMembers' | 'properties' | 'entries' | 'propertyMembers'> & { readonly root: JsonValue };

interface ContactList {
  readonly elements: JsonValue[];
  readonly contacts: ParsedPayload[];
}

class PlainJsonScanner {
  private pos = 0;
  // The last scalar read (set by readScalar, so that no object is allocated per token).
  private scalarKind: JsonKind = 'null';
  private scalarValue: string | number | boolean | null = null;
  /** The members of the entry being read, reused from entry to entry. */
  private readonly memberScratch: Member[] = [];
  /** Containers open while skipping a nested value: true for an object, false for an array. */
  private readonly openContainers: boolean[] = [];

  constructor(private readonly text: string, private readonly maxDepth: number) {}

  get position(): number {
    return this.pos;
  }

  payload(sourceText: string): ParsedPayload {
    const { text } = this;
    this.skipWhitespace();
    if (this.pos >= text.length) throw NOT_PLAIN_JSON;
    let result: ParsedPayload;
    if (text.charCodeAt(this.pos) === OPEN_BRACE) {
      result = { ...this.contactObject(1), text: sourceText, syntaxErrors: [], nestingCut: undefined, fromPlainJson: true };
    } else {
      const root = this.value(1);
      result = { text: sourceText, syntaxErrors: [], nestingCut: undefined, root, topMembers: [], properties: undefined, entries: [], propertyMembers: [], fromPlainJson: true };
    }
    this.end();
    return result;
  }

  /** A batch file: `{"inputs": [contact, …]}` or `[contact, …]`, each contact read as a single file's root is. */
  batch(sourceText: string): ParsedBatch {
    const { text } = this;
    this.skipWhitespace();
    if (this.pos >= text.length) throw NOT_PLAIN_JSON;
    const start = this.pos;
    const first = text.charCodeAt(start);
    let topMembers: Member[] = [];
    let inputs: Member | undefined;
    let list: ContactList = { elements: [], contacts: [] };
    let root: JsonValue;
    if (first === OPEN_BRACKET) {
      list = this.contactList(1, sourceText);
      root = { kind: 'array', offset: start, length: this.pos - start };
    } else if (first === OPEN_BRACE) {
      topMembers = this.objectMembers(1, (key, valueStart) => {
        if (key !== 'inputs') return undefined;
        // The last `inputs` is the one the model keeps, as JSON.parse would.
        list = { elements: [], contacts: [] };
        if (text.charCodeAt(valueStart) !== OPEN_BRACKET) return undefined;
        list = this.contactList(2, sourceText);
        return { kind: 'array', offset: valueStart, length: this.pos - valueStart };
      });
      inputs = topMembers.findLast((member) => member.key === 'inputs');
      root = { kind: 'object', offset: start, length: this.pos - start };
    } else {
      root = this.value(1);
    }
    this.end();
    const listValue = first === OPEN_BRACKET ? root : inputs?.value?.kind === 'array' ? inputs.value : undefined;
    return { text: sourceText, syntaxErrors: [], nestingCut: undefined, root, topMembers, inputs, list: listValue, ...list, fromPlainJson: true };
  }

  /** The elements of a list of contacts at `depth`; the cursor is on its `[`. */
  private contactList(depth: number, sourceText: string): ContactList {
    const { text } = this;
    if (depth > this.maxDepth) throw NOT_PLAIN_JSON;
    this.pos++;
    const elements: JsonValue[] = [];
    const contacts: ParsedPayload[] = [];
    this.skipWhitespace();
    if (text.charCodeAt(this.pos) === CLOSE_BRACKET) {
      this.pos++;
      return { elements, contacts };
    }
    for (;;) {
      if (text.charCodeAt(this.pos) === OPEN_BRACE) {
        const contact = this.contactObject(depth + 1);
        elements.push(contact.root);
        contacts.push({ ...contact, text: sourceText, syntaxErrors: [], nestingCut: undefined, fromPlainJson: true, batchIndex: elements.length - 1 });
      } else {
        elements.push(this.value(depth + 1));
      }
      this.skipWhitespace();
      const next = text.charCodeAt(this.pos++);
      if (next === CLOSE_BRACKET) break;
      if (next !== COMMA) throw NOT_PLAIN_JSON;
      this.skipWhitespace();
    }
    return { elements, contacts };
  }

  /** After the root value: only whitespace may follow. */
  private end(): void {
    this.skipWhitespace();
    if (this.pos !== this.text.length) throw NOT_PLAIN_JSON;
  }

  /** One contact's object at `depth` (1: a single file's root): its members, `properties` and what that holds. */
  private contactObject(depth: number): ContactParts {
    const { text } = this;
    if (depth > this.maxDepth) throw NOT_PLAIN_JSON;
    const start = this.pos;
    let entries: readonly PayloadEntry[] = [];
    let propertyMembers: readonly PropertyMember[] = [];
    const topMembers = this.objectMembers(depth, (key, valueStart) => {
      if (key !== 'properties') return undefined;
      // The last `properties` is the one the model keeps, as JSON.parse would.
      entries = [];
      propertyMembers = [];
      const opener = text.charCodeAt(valueStart);
      if (opener === OPEN_BRACKET) {
        entries = this.entries(depth + 1);
        return { kind: 'array', offset: valueStart, length: this.pos - valueStart };
      }
      if (opener === OPEN_BRACE) {
        propertyMembers = this.propertyMembers(depth + 1);
        return { kind: 'object', offset: valueStart, length: this.pos - valueStart };
      }
      return undefined;
    });
    const root: JsonValue = { kind: 'object', offset: start, length: this.pos - start };
    return { root, topMembers, properties: topMembers.findLast((member) => member.key === 'properties'), entries, propertyMembers };
  }

  /**
   * The members of an object at `depth`; the cursor is on its `{`. `modelled` reads the value of a
   * member the caller models itself (`properties`, `inputs`), or returns undefined to have it read as
   * plain JSON.
   */
  private objectMembers(depth: number, modelled: (key: string, valueStart: number) => JsonValue | undefined): Member[] {
    const { text } = this;
    const members: Member[] = [];
    this.pos++;
    this.skipWhitespace();
    if (text.charCodeAt(this.pos) !== CLOSE_BRACE) {
      for (;;) {
        const keyStart = this.pos;
        const key = this.key();
        const keyLength = this.pos - keyStart;
        this.colon();
        const value = modelled(key, this.pos) ?? this.value(depth + 1);
        members.push(new LocatedMember(key, keyStart, keyLength, value, this.pos - keyStart));
        if (!this.nextMember(CLOSE_BRACE)) break;
      }
    }
    this.pos++;
    return members;
  }

  /** The members of the `properties` object; the cursor is on its `{`. */
  private propertyMembers(depth: number): PropertyMember[] {
    if (depth > this.maxDepth) throw NOT_PLAIN_JSON;
    this.pos++;
    const members: PropertyMember[] = [];
    this.skipWhitespace();
    if (this.text.charCodeAt(this.pos) !== CLOSE_BRACE) {
      for (;;) {
        members.push(this.propertyMember(members.length, depth + 1));
        if (!this.nextMember(CLOSE_BRACE)) break;
      }
    }
    this.pos++;
    return members;
  }

  /** One `"name": value` of the `properties` object, read from its key to the end of its value. */
  propertyMember(index: number, depth: number): PropertyMember {
    const keyStart = this.pos;
    const key = this.key();
    const keyLength = this.pos - keyStart;
    this.colon();
    const value = this.value(depth);
    return new PropertyMember(key, keyStart, keyLength, value, this.pos - keyStart, index);
  }

  /** The elements of the `properties` array; the cursor is on its `[`. */
  private entries(depth: number): PayloadEntry[] {
    const { text } = this;
    if (depth > this.maxDepth) throw NOT_PLAIN_JSON;
    this.pos++;
    const entries: PayloadEntry[] = [];
    this.skipWhitespace();
    if (text.charCodeAt(this.pos) !== CLOSE_BRACKET) {
      for (;;) {
        const start = this.pos;
        if (text.charCodeAt(start) === OPEN_BRACE) {
          entries.push(this.entryObject(entries.length, depth + 1));
        } else {
          const { kind } = this.value(depth + 1);
          entries.push(new PayloadEntry(entries.length, start, this.pos - start, kind, [], undefined, undefined, undefined));
        }
        this.skipWhitespace();
        const next = text.charCodeAt(this.pos++);
        if (next === CLOSE_BRACKET) break;
        if (next !== COMMA) throw NOT_PLAIN_JSON;
        this.skipWhitespace();
      }
    } else {
      this.pos++;
    }
    return entries;
  }

  entryObject(index: number, depth: number): PayloadEntry {
    const { text } = this;
    if (depth > this.maxDepth) throw NOT_PLAIN_JSON;
    const start = this.pos++;
    const members = this.memberScratch;
    members.length = 0;
    let property: Member | undefined;
    let value: Member | undefined;
    this.skipWhitespace();
    if (text.charCodeAt(this.pos) !== CLOSE_BRACE) {
      for (;;) {
        const keyStart = this.pos;
        const key = this.key();
        const keyLength = this.pos - keyStart;
        this.colon();
        const member = new LocatedMember(key, keyStart, keyLength, this.value(depth + 1), this.pos - keyStart);
        members.push(member);
        if (key === 'property') property = member;
        else if (key === 'value') value = member;
        if (!this.nextMember(CLOSE_BRACE)) break;
      }
    }
    this.pos++;
    const nameValue = property?.value;
    const name = nameValue?.kind === 'string' ? (nameValue.value as string) : undefined;
    // A copy of exactly the right size: an array grown by push keeps room for 16 more, 100 000 times over.
    return new PayloadEntry(index, start, this.pos - start, 'object', members.slice(), property, value, name);
  }

  /** After a member's value: true at a comma (the cursor then is on the next key), false at `closer` (the cursor stays on it). */
  private nextMember(closer: number): boolean {
    const { text } = this;
    this.skipWhitespace();
    const next = text.charCodeAt(this.pos);
    if (next === closer) return false;
    if (next !== COMMA) throw NOT_PLAIN_JSON;
    this.pos++;
    this.skipWhitespace();
    return true;
  }

  private key(): string {
    const start = this.pos;
    if (this.text.charCodeAt(start) !== QUOTE) throw NOT_PLAIN_JSON;
    const escaped = this.skipString();
    if (!escaped) {
      const length = this.pos - start - 2;
      for (const common of COMMON_KEYS) if (common.length === length && this.text.startsWith(common, start + 1)) return common;
    }
    return this.stringValue(start, escaped);
  }

  private colon(): void {
    this.skipWhitespace();
    if (this.text.charCodeAt(this.pos) !== COLON) throw NOT_PLAIN_JSON;
    this.pos++;
    this.skipWhitespace();
  }

  /** Any JSON value at the cursor: scalars with their value, containers skipped (and checked) with only their extent. */
  private value(depth: number): JsonValue {
    const start = this.pos;
    const first = this.text.charCodeAt(start);
    if (first === OPEN_BRACE || first === OPEN_BRACKET) {
      this.skipContainer(depth);
      return { kind: first === OPEN_BRACE ? 'object' : 'array', offset: start, length: this.pos - start };
    }
    this.readScalar();
    return { kind: this.scalarKind, offset: start, length: this.pos - start, value: this.scalarValue };
  }

  /** Skips a whole object or array, checking its syntax, without recursion. */
  private skipContainer(depth: number): void {
    const { text, openContainers } = this;
    openContainers.length = 0;
    for (;;) {
      // The cursor is at a value.
      const first = text.charCodeAt(this.pos);
      if (first === OPEN_BRACE || first === OPEN_BRACKET) {
        if (depth + openContainers.length > this.maxDepth) throw NOT_PLAIN_JSON;
        this.pos++;
        this.skipWhitespace();
        const isObject = first === OPEN_BRACE;
        if (text.charCodeAt(this.pos) === (isObject ? CLOSE_BRACE : CLOSE_BRACKET)) {
          this.pos++;
        } else {
          openContainers.push(isObject);
          if (isObject) {
            this.key();
            this.colon();
          }
          continue;
        }
      } else {
        this.readScalar();
      }
      // After a value: commas lead to the next value, closers pop until one is followed by a comma.
      for (;;) {
        if (openContainers.length === 0) return;
        this.skipWhitespace();
        const next = text.charCodeAt(this.pos++);
        const inObject = openContainers[openContainers.length - 1];
        if (next === COMMA) {
          this.skipWhitespace();
          if (inObject) {
            this.key();
            this.colon();
          }
          break;
        }
        if (next !== (inObject ? CLOSE_BRACE : CLOSE_BRACKET)) throw NOT_PLAIN_JSON;
        openContainers.pop();
      }
    }
  }

  private readScalar(): void {
    const { text } = this;
    const start = this.pos;
    const first = text.charCodeAt(start);
    if (first === QUOTE) {
      const escaped = this.skipString();
      this.scalarKind = 'string';
      this.scalarValue = this.stringValue(start, escaped);
    } else if (first === MINUS || (first >= ZERO && first <= NINE)) {
      this.skipNumber();
      this.scalarKind = 'number';
      this.scalarValue = Number(text.slice(start, this.pos));
    } else if (first === LOWER_T && text.startsWith('true', start)) {
      this.literal(4, 'boolean', true);
    } else if (first === LOWER_F && text.startsWith('false', start)) {
      this.literal(5, 'boolean', false);
    } else if (first === LOWER_N && text.startsWith('null', start)) {
      this.literal(4, 'null', null);
    } else {
      throw NOT_PLAIN_JSON;
    }
  }

  private literal(length: number, kind: JsonKind, value: boolean | null): void {
    this.pos += length;
    this.scalarKind = kind;
    this.scalarValue = value;
  }

  /** Moves past a string; true when it holds escapes. Control characters and bad escapes give up. */
  private skipString(): boolean {
    const { text } = this;
    let escaped = false;
    let i = this.pos + 1;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === QUOTE) break;
      if (c === BACKSLASH) {
        escaped = true;
        const next = text.charCodeAt(i + 1);
        if (next === 0x75 /* u */) {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) throw NOT_PLAIN_JSON;
          i += 6;
        } else if (next === QUOTE || next === BACKSLASH || next === 0x2f || next === 0x62 || next === LOWER_F || next === LOWER_N || next === 0x72 || next === LOWER_T) {
          i += 2;
        } else {
          throw NOT_PLAIN_JSON;
        }
        continue;
      }
      if (c < SPACE || Number.isNaN(c)) throw NOT_PLAIN_JSON; // a control character, or the text ended
      i++;
    }
    this.pos = i + 1;
    return escaped;
  }

  private stringValue(start: number, escaped: boolean): string {
    const raw = this.text.slice(start, this.pos);
    return escaped ? (JSON.parse(raw) as string) : raw.slice(1, -1);
  }

  /** JSON's number grammar exactly: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)? */
  private skipNumber(): void {
    const { text } = this;
    let i = this.pos;
    if (text.charCodeAt(i) === MINUS) i++;
    if (text.charCodeAt(i) === ZERO) i++;
    else i = this.digits(i);
    if (text.charCodeAt(i) === DOT) i = this.digits(i + 1);
    const e = text.charCodeAt(i);
    if (e === LOWER_E || e === UPPER_E) {
      i++;
      const sign = text.charCodeAt(i);
      if (sign === PLUS || sign === MINUS) i++;
      i = this.digits(i);
    }
    this.pos = i;
  }

  /** Past one or more digits from `i`. */
  private digits(i: number): number {
    const { text } = this;
    const start = i;
    for (let c = text.charCodeAt(i); c >= ZERO && c <= NINE; c = text.charCodeAt(++i));
    if (i === start) throw NOT_PLAIN_JSON;
    return i;
  }

  private skipWhitespace(): void {
    const { text } = this;
    let i = this.pos;
    for (let c = text.charCodeAt(i); c === SPACE || c === LINE_FEED || c === CARRIAGE_RETURN || c === TAB; c = text.charCodeAt(++i));
    this.pos = i;
  }
}

