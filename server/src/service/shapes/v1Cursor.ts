// Where the cursor is in a v1 payload, in the terms completion and hover act on (cursor.ts): which slot
// it is in (a top-level key, an entry key, a property name, a value, a new element of `properties`) and
// which token a completion would replace. It reads the offsets the parse already found and scans only the
// few characters between parsed tokens around the cursor, so its cost does not grow with the file.
import { createScanner, SyntaxKind } from 'jsonc-parser';
import type { CursorContext, CursorSlot, CursorToken } from '../cursor';
import { entryAt, type JsonValue, type Member, type ParsedPayload, type PayloadEntry, type Span } from '../payloadModel';
import { spanEnd } from '../ranges';

/**
 * The context of the cursor at `offset` (a caret position between two characters), or undefined
 * where nothing can be completed. A token counts as "at" the cursor when the cursor touches it,
 * from just before its first character to just after its last.
 */
export function cursorContext(payload: ParsedPayload, offset: number): CursorContext | undefined {
  const { root, text } = payload;
  if (!root) return /^\s*$/.test(text) ? { slot: { kind: 'emptyDocument' }, commaBefore: false, commaAfter: false } : undefined;
  if (root.kind !== 'object') return undefined;
  return inObject(payload, root, payload.topMembers, offset, undefined);
}

const QUOTE = 0x22, BACKSLASH = 0x5c, CLOSE_BRACE = 0x7d, CLOSE_BRACKET = 0x5d;

/** A parsed token of an object, in document order: a member's key or its value. */
interface Solid {
  readonly span: Span;
  readonly member: Member;
  readonly role: 'key' | 'value';
}

function inObject(payload: ParsedPayload, object: Span, members: readonly Member[], offset: number, entry: PayloadEntry | undefined): CursorContext | undefined {
  const { text } = payload;
  const limit = contentLimit(text, object, CLOSE_BRACE, members.length > 0 ? spanEnd(members[members.length - 1].span) : object.offset + 1);
  if (offset <= object.offset || offset > limit) return undefined;
  const keySlot = (member?: Member): CursorSlot => (entry ? { kind: 'assignmentKey', assignment: entry, member } : { kind: 'topLevelKey', member });

  const solids: Solid[] = [];
  for (const member of members) {
    solids.push({ span: member.keySpan, member, role: 'key' });
    if (member.value) solids.push({ span: member.value, member, role: 'value' });
  }
  let before: Solid | undefined;
  let after: Solid | undefined;
  for (const solid of solids) {
    const value = solid.role === 'value' ? solid.member.value : undefined;
    if (value && isContainer(value)) {
      if (offset > value.offset && offset <= contentLimitOf(payload, value)) return inContainerValue(payload, value, offset, entry);
    } else if (solid.span.offset <= offset && offset <= spanEnd(solid.span)) {
      const token = tokenFromSpan(text, solid.span, offset);
      if (solid.role === 'key') return { slot: keySlot(solid.member), token, commaBefore: false, commaAfter: false };
      const slot = valueSlot(solid.member, entry);
      return slot && { slot, token, commaBefore: false, commaAfter: false };
    }
    if (spanEnd(solid.span) <= offset) before = solid;
    else if (solid.span.offset >= offset) {
      after = solid;
      break;
    }
  }

  const gap = scanGap(text, before ? spanEnd(before.span) : object.offset + 1, after ? after.span.offset : limit, offset);
  if (gap.previous === SyntaxKind.ColonToken) {
    // `"key": |` with no value written yet.
    if (before?.role !== 'key' || before.member.value) return undefined;
    const slot = valueSlot(before.member, entry);
    return slot && { slot, token: gap.word, commaBefore: false, commaAfter: false };
  }
  const startsMember = gap.previous === SyntaxKind.CommaToken || (gap.previous === undefined && before?.role !== 'key');
  if (!startsMember) return undefined;
  return {
    slot: keySlot(undefined),
    token: gap.word,
    commaBefore: gap.previous === undefined && before !== undefined,
    commaAfter: gap.next === undefined && after !== undefined,
  };
}

function inContainerValue(payload: ParsedPayload, value: JsonValue, offset: number, entry: PayloadEntry | undefined): CursorContext | undefined {
  const isPropertiesArray = !entry && value.kind === 'array' && payload.properties?.value?.offset === value.offset;
  return isPropertiesArray ? inPropertiesArray(payload, value, offset) : undefined;
}

function inPropertiesArray(payload: ParsedPayload, array: JsonValue, offset: number): CursorContext | undefined {
  const { text, entries } = payload;
  const touched = entryAt(payload, offset);
  if (touched && isContainer(touched) && offset > touched.offset && offset <= contentLimitOf(payload, touched)) {
    return touched.kind === 'object' ? inObject(payload, touched, touched.members, offset, touched) : undefined;
  }

  // The cursor is between entries, or in a scalar element being typed (`"em`, `12`).
  const scalar = touched && !isContainer(touched) ? touched : undefined;
  const nextIndex = scalar ? scalar.index + 1 : firstEntryStartingAtOrAfter(entries, offset);
  const previousIndex = scalar ? scalar.index - 1 : nextIndex - 1;
  const gapStart = previousIndex >= 0 ? spanEnd(entries[previousIndex]) : array.offset + 1;
  const gapEnd = nextIndex < entries.length ? entries[nextIndex].offset : contentLimitOf(payload, array);
  const gap = scalar
    ? {
        word: tokenFromSpan(text, scalar, offset),
        previous: lastSignificantToken(text, gapStart, scalar.offset),
        next: firstSignificantToken(text, spanEnd(scalar), gapEnd),
      }
    : scanGap(text, gapStart, gapEnd, offset);
  if (gap.previous !== undefined && gap.previous !== SyntaxKind.CommaToken) return undefined;
  return {
    slot: { kind: 'newAssignment' },
    token: gap.word,
    commaBefore: gap.previous === undefined && previousIndex >= 0,
    commaAfter: gap.next === undefined && nextIndex < entries.length,
  };
}

function valueSlot(member: Member, entry: PayloadEntry | undefined): CursorSlot | undefined {
  if (!entry) return undefined;
  if (member.key === 'property') return { kind: 'propertyName', assignment: entry };
  if (member.key === 'value') return { kind: 'value', assignment: entry };
  return undefined;
}

interface Gap {
  /** A bare word, literal or string the cursor touches inside the gap. */
  readonly word?: CursorToken;
  /** The last token before the word (or the cursor) in the gap. */
  readonly previous?: SyntaxKind;
  /** The first token after the word (or the cursor) in the gap. */
  readonly next?: SyntaxKind;
}

const WORD_KINDS: ReadonlySet<SyntaxKind> = new Set([
  SyntaxKind.StringLiteral, SyntaxKind.NumericLiteral, SyntaxKind.TrueKeyword, SyntaxKind.FalseKeyword, SyntaxKind.NullKeyword, SyntaxKind.Unknown,
]);

/** Scans the text between two parsed tokens (usually a few spaces, a comma, or what the user is typing). */
function scanGap(text: string, start: number, gapEnd: number, offset: number): Gap {
  const tokens = tokensBetween(text, start, gapEnd);
  const word = tokens.find((t) => WORD_KINDS.has(t.kind) && t.offset <= offset && offset <= spanEnd(t));
  const wordStart = word ? word.offset : offset;
  const wordEnd = word ? spanEnd(word) : offset;
  let previous: SyntaxKind | undefined;
  let next: SyntaxKind | undefined;
  for (const token of tokens) {
    if (spanEnd(token) <= wordStart && token !== word) previous = token.kind;
    else if (token.offset >= wordEnd && token !== word && next === undefined) next = token.kind;
  }
  return { word: word && tokenFromSpan(text, word, offset), previous, next };
}

function lastSignificantToken(text: string, start: number, gapEnd: number): SyntaxKind | undefined {
  const tokens = tokensBetween(text, start, gapEnd);
  return tokens.length > 0 ? tokens[tokens.length - 1].kind : undefined;
}

function firstSignificantToken(text: string, start: number, gapEnd: number): SyntaxKind | undefined {
  return tokensBetween(text, start, gapEnd)[0]?.kind;
}

interface ScannedToken extends Span {
  readonly kind: SyntaxKind;
}

function tokensBetween(text: string, start: number, gapEnd: number): ScannedToken[] {
  const tokens: ScannedToken[] = [];
  if (gapEnd <= start) return tokens;
  const scanner = createScanner(text.slice(start, gapEnd), true);
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    tokens.push({ kind, offset: start + scanner.getTokenOffset(), length: scanner.getTokenLength() });
  }
  return tokens;
}

function tokenFromSpan(text: string, span: Span, offset: number): CursorToken {
  const quoted = text.charCodeAt(span.offset) === QUOTE;
  if (!quoted || isTerminatedString(text, span)) return { offset: span.offset, length: span.length, quoted, terminated: true };
  // An unterminated string runs to the end of its line: keep only the word the cursor is in, so a
  // completion does not swallow the `}` or `,` that follow it on the line.
  const lineEnd = spanEnd(span);
  let wordEnd = Math.max(offset, span.offset + 1);
  while (wordEnd < lineEnd && !isSeparator(text.charCodeAt(wordEnd))) wordEnd++;
  return { offset: span.offset, length: wordEnd - span.offset, quoted: true, terminated: false };
}

function isTerminatedString(text: string, span: Span): boolean {
  const last = spanEnd(span) - 1;
  if (span.length < 2 || text.charCodeAt(last) !== QUOTE) return false;
  let backslashes = 0;
  for (let i = last - 1; i > span.offset && text.charCodeAt(i) === BACKSLASH; i--) backslashes++;
  return backslashes % 2 === 0;
}

function isSeparator(code: number): boolean {
  // whitespace, line breaks and JSON punctuation
  return code <= 0x20 || code === QUOTE || code === 0x2c || code === 0x3a || code === 0x5b || code === 0x5d || code === 0x7b || code === 0x7d;
}

function isContainer(value: { readonly kind: string }): boolean {
  return value.kind === 'object' || value.kind === 'array';
}

/** The last caret offset inside a container: before its closing bracket, or its end when the bracket is missing. */
function contentLimit(text: string, container: Span, closer: number, lastChildEnd: number): number {
  const containerEnd = spanEnd(container);
  const closed = container.length > 1 && text.charCodeAt(containerEnd - 1) === closer && containerEnd - 1 >= lastChildEnd;
  return closed ? containerEnd - 1 : containerEnd;
}

function contentLimitOf(payload: ParsedPayload, container: JsonValue | PayloadEntry): number {
  if (container.kind === 'array') {
    // Only the `properties` array has its children in the parse; any other array is opaque here.
    const isProperties = payload.properties?.value?.offset === container.offset;
    const last = isProperties && payload.entries.length > 0 ? payload.entries[payload.entries.length - 1] : undefined;
    return contentLimit(payload.text, container, CLOSE_BRACKET, last ? spanEnd(last) : container.offset + 1);
  }
  const members = 'members' in container ? container.members : [];
  const last = members.length > 0 ? members[members.length - 1] : undefined;
  return contentLimit(payload.text, container, CLOSE_BRACE, last ? spanEnd(last.span) : container.offset + 1);
}

/** Index of the first entry that starts at or after `offset` (entries are in document order). */
function firstEntryStartingAtOrAfter(entries: readonly PayloadEntry[], offset: number): number {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (entries[mid].offset < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}
