// The cursor in a JSON object whose members the parse found, for every shape's cursor module: which
// member's key or value it touches, or the gap between members it is in, and the token a completion
// would replace. Only the members around the cursor are looked at (found by binary search), and only
// the few characters between parsed tokens there are scanned: the cost does not grow with the object,
// which for a CRM objects `properties` can hold 100 000 members.
import { createScanner, SyntaxKind } from 'jsonc-parser';
import type { CursorContext, CursorSlot, CursorToken } from '../cursor';
import type { JsonValue, Member, Span } from '../payloadModel';
import { spanEnd } from '../ranges';

const QUOTE = 0x22, BACKSLASH = 0x5c, CLOSE_BRACE = 0x7d;

/** What the shape makes of each place in the object. */
export interface MemberRoles {
  /** The cursor is in `member`'s key, or (undefined) where a new member starts. */
  key(member: Member | undefined): CursorSlot;
  /** The cursor is in `member`'s scalar value, or after its colon with no value yet. */
  value(member: Member): CursorSlot | undefined;
  /** The last caret offset inside a container value (before its closing bracket). */
  containerLimit(value: JsonValue): number;
  /** The cursor is inside `member`'s object or array value. */
  inContainer(member: Member, value: JsonValue): CursorContext | undefined;
}

/** A parsed token of an object, in document order: a member's key or its value. */
interface Solid {
  readonly span: Span;
  readonly member: Member;
  readonly role: 'key' | 'value';
}

/** `members`: the object's members in document order. */
export function inObjectMembers(text: string, object: Span, members: readonly Member[], offset: number, roles: MemberRoles): CursorContext | undefined {
  const limit = contentLimit(text, object, CLOSE_BRACE, members.length > 0 ? spanEnd(members[members.length - 1].span) : object.offset + 1);
  if (offset <= object.offset || offset > limit) return undefined;

  // The member whose key starts last at or before the cursor, one before it and one after it: the
  // cursor is in one of them or in a gap between them.
  const last = lastKeyAtOrBefore(members, offset);
  const solids: Solid[] = [];
  for (let index = Math.max(0, last - 1); index <= Math.min(members.length - 1, last + 1); index++) {
    const member = members[index];
    solids.push({ span: member.keySpan, member, role: 'key' });
    if (member.value) solids.push({ span: member.value, member, role: 'value' });
  }
  let before: Solid | undefined;
  let after: Solid | undefined;
  for (const solid of solids) {
    const value = solid.role === 'value' ? solid.member.value : undefined;
    if (value && isContainer(value)) {
      if (offset > value.offset && offset <= roles.containerLimit(value)) return roles.inContainer(solid.member, value);
    } else if (solid.span.offset <= offset && offset <= spanEnd(solid.span)) {
      const token = tokenFromSpan(text, solid.span, offset);
      if (solid.role === 'key') return { slot: roles.key(solid.member), token, commaBefore: false, commaAfter: false };
      const slot = roles.value(solid.member);
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
    const slot = roles.value(before.member);
    return slot && { slot, token: gap.word, commaBefore: false, commaAfter: false };
  }
  const startsMember = gap.previous === SyntaxKind.CommaToken || (gap.previous === undefined && before?.role !== 'key');
  if (!startsMember) return undefined;
  return {
    slot: roles.key(undefined),
    token: gap.word,
    commaBefore: gap.previous === undefined && before !== undefined,
    commaAfter: gap.next === undefined && after !== undefined,
  };
}

/** Index of the last member whose key starts at or before `offset`; -1 when none does. */
function lastKeyAtOrBefore(members: readonly Member[], offset: number): number {
  let low = 0;
  let high = members.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (members[mid].keySpan.offset <= offset) low = mid + 1;
    else high = mid;
  }
  return low - 1;
}

/** True when the first character after `from` that is not blank is a colon: the key already has one. */
export function colonFollows(text: string, from: number): boolean {
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x3a) return true;
    if (code !== 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) return false;
  }
  return false;
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
export function scanGap(text: string, start: number, gapEnd: number, offset: number): Gap {
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

export function lastSignificantToken(text: string, start: number, gapEnd: number): SyntaxKind | undefined {
  const tokens = tokensBetween(text, start, gapEnd);
  return tokens.length > 0 ? tokens[tokens.length - 1].kind : undefined;
}

export function firstSignificantToken(text: string, start: number, gapEnd: number): SyntaxKind | undefined {
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

export function tokenFromSpan(text: string, span: Span, offset: number): CursorToken {
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

export function isContainer(value: { readonly kind: string }): boolean {
  return value.kind === 'object' || value.kind === 'array';
}

/** The last caret offset inside a container: before its closing bracket, or its end when the bracket is missing. */
export function contentLimit(text: string, container: Span, closer: number, lastChildEnd: number): number {
  const containerEnd = spanEnd(container);
  const closed = container.length > 1 && text.charCodeAt(containerEnd - 1) === closer && containerEnd - 1 >= lastChildEnd;
  return closed ? containerEnd - 1 : containerEnd;
}

