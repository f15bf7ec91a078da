// The services work in offsets; LSP speaks line/character in UTF-16 code units, which TextDocument
// converts (CRLF, emoji and a byte order mark included). LSP positions are whole numbers, but a client
// may send `{"line": 2.5, "character": 1.5}`: such a position counts as the whole position before it
// (TextDocument would otherwise compute fractional or NaN offsets from it).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Range, type Position } from 'vscode-languageserver-types';
import type { Span } from './payloadModel';

export function wholePosition(position: Position): Position {
  return Number.isInteger(position.line) && Number.isInteger(position.character) ? position : { line: Math.floor(position.line), character: Math.floor(position.character) };
}

export function wholeRange(range: Range): Range {
  return { start: wholePosition(range.start), end: wholePosition(range.end) };
}

export function offsetAt(document: TextDocument, position: Position): number {
  return document.offsetAt(wholePosition(position));
}

export function rangeOf(document: TextDocument, span: Span): Range {
  return Range.create(document.positionAt(span.offset), document.positionAt(span.offset + span.length));
}

export function spanOf(document: TextDocument, range: Range): Span {
  const start = offsetAt(document, range.start);
  return { offset: start, length: Math.max(0, offsetAt(document, range.end) - start) };
}

export function spanEnd(span: Span): number {
  return span.offset + span.length;
}
