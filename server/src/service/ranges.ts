// The services work in offsets; LSP speaks line/character in UTF-16 code units, which TextDocument
// converts (CRLF, emoji and a byte order mark included).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Range } from 'vscode-languageserver-types';
import type { Span } from './payload';

export function rangeOf(document: TextDocument, span: Span): Range {
  return Range.create(document.positionAt(span.offset), document.positionAt(span.offset + span.length));
}

export function spanOf(document: TextDocument, range: Range): Span {
  const start = document.offsetAt(range.start);
  return { offset: start, length: Math.max(0, document.offsetAt(range.end) - start) };
}

export function spanEnd(span: Span): number {
  return span.offset + span.length;
}
