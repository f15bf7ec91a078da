// The outline of a payload that a conversion needs: the top-level members, the `properties` holder
// and what lies in it, each with the exact source text of its key and value, so that a value is
// written back character for character (escapes, surrogate pairs, `1.50`, digits beyond 2^53).
// Members are kept as lists in document order: duplicate keys stay visible to be noted, and a key
// such as `__proto__` is a plain string, never a property of a JavaScript object.
//
// Only the first levels are read into the outline; anything deeper is skipped by counting brackets
// in a loop, so that a value nested a million levels deep costs no stack (jsonc-parser's parseTree
// recurses and overflows near 10 000 levels). The text has passed JSON.parse before: the scanner
// here meets only well-formed JSON.
import { createScanner, SyntaxKind, type JSONScanner } from 'jsonc-parser';

export type OutlineKind = 'object' | 'array' | 'string' | 'number' | 'literal';

/**
 * A value and where it is written. Its source text is cut from the document when asked: a large file
 * has 300 000 values, most of which are written out once or never looked at.
 */
export class OutlineValue {
  constructor(
    private readonly text: string,
    readonly kind: OutlineKind,
    private readonly start: number,
    private readonly end: number,
    /** A string's decoded text; a number's value. */
    readonly value?: string | number,
    /** An object's members, when its level was read. */
    readonly members?: readonly OutlineMember[],
    /** An array's elements, when its level was read. */
    readonly elements?: readonly OutlineValue[],
  ) {}

  /** The value's source text, as written. */
  get raw(): string {
    return this.text.slice(this.start, this.end);
  }
}

export class OutlineMember {
  constructor(
    private readonly text: string,
    /** The decoded key. */
    readonly key: string,
    private readonly keyStart: number,
    private readonly keyEnd: number,
    readonly value: OutlineValue,
  ) {}

  /** The key's source text, quotes included. */
  get rawKey(): string {
    return this.text.slice(this.keyStart, this.keyEnd);
  }
}

/** The top level, `properties` (and its siblings) and an entry are read; an entry's values are scalars or skipped. */
const LEVELS_READ = 3;

/** The outline of a text that JSON.parse accepted; undefined when the top level is not an object. */
export function outlineOf(text: string): OutlineValue | undefined {
  const scanner = createScanner(text, true);
  scanner.scan();
  const root = readValue(scanner, text, LEVELS_READ);
  return root.kind === 'object' ? root : undefined;
}

function readValue(scanner: JSONScanner, text: string, levels: number): OutlineValue {
  const start = scanner.getTokenOffset();
  const token = scanner.getToken();
  if (token === SyntaxKind.OpenBraceToken || token === SyntaxKind.OpenBracketToken) {
    if (levels <= 0) return new OutlineValue(text, token === SyntaxKind.OpenBraceToken ? 'object' : 'array', start, skipContainer(scanner));
    return token === SyntaxKind.OpenBraceToken ? readObject(scanner, text, levels, start) : readArray(scanner, text, levels, start);
  }
  const end = start + scanner.getTokenLength();
  const tokenValue = scanner.getTokenValue();
  scanner.scan();
  if (token === SyntaxKind.StringLiteral) return new OutlineValue(text, 'string', start, end, tokenValue);
  if (token === SyntaxKind.NumericLiteral) return new OutlineValue(text, 'number', start, end, Number(tokenValue));
  return new OutlineValue(text, 'literal', start, end);
}

function readObject(scanner: JSONScanner, text: string, levels: number, start: number): OutlineValue {
  const members: OutlineMember[] = [];
  scanner.scan();
  while (scanner.getToken() === SyntaxKind.StringLiteral) {
    const keyStart = scanner.getTokenOffset();
    const keyEnd = keyStart + scanner.getTokenLength();
    const key = scanner.getTokenValue();
    scanner.scan(); // the colon
    scanner.scan();
    members.push(new OutlineMember(text, key, keyStart, keyEnd, readValue(scanner, text, levels - 1)));
    if (scanner.getToken() === SyntaxKind.CommaToken) scanner.scan();
  }
  const end = scanner.getTokenOffset() + scanner.getTokenLength();
  scanner.scan();
  return new OutlineValue(text, 'object', start, end, undefined, members);
}

function readArray(scanner: JSONScanner, text: string, levels: number, start: number): OutlineValue {
  const elements: OutlineValue[] = [];
  scanner.scan();
  while (scanner.getToken() !== SyntaxKind.CloseBracketToken && scanner.getToken() !== SyntaxKind.EOF) {
    elements.push(readValue(scanner, text, levels - 1));
    if (scanner.getToken() === SyntaxKind.CommaToken) scanner.scan();
  }
  const end = scanner.getTokenOffset() + scanner.getTokenLength();
  scanner.scan();
  return new OutlineValue(text, 'array', start, end, undefined, undefined, elements);
}

/** Skips an object or array in a loop and returns where it ends. */
function skipContainer(scanner: JSONScanner): number {
  let depth = 0;
  do {
    const token = scanner.getToken();
    if (token === SyntaxKind.OpenBraceToken || token === SyntaxKind.OpenBracketToken) depth++;
    else if (token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken) depth--;
    else if (token === SyntaxKind.EOF) break;
    if (depth > 0) scanner.scan();
  } while (depth > 0);
  const end = scanner.getTokenOffset() + scanner.getTokenLength();
  scanner.scan();
  return end;
}
