// The line of source under a diagnostic, with `^` under the range. Positions are UTF-16 code units
// (as the language server counts them); the marker is placed in terminal cells: a tab in the line
// stays a tab in the marker's indent, so both line up whatever the tab width, and an emoji or a
// CJK character takes two cells.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import { printable } from './printable';

export interface SourceExcerpt {
  /** The line as shown, without its line break, control characters made visible; cut around the range when very long. */
  readonly source: string;
  /** Spaces and tabs, then at least one `^`. */
  readonly marker: string;
}

/** Longer lines (a minified payload) are cut to a window around the range. */
const MAX_SHOWN = 160;
/** How much of the line before the range the window keeps. */
const LEAD = 40;
const ELLIPSIS = '…';

export function sourceExcerpt(document: TextDocument, range: Range): SourceExcerpt {
  const { line } = range.start;
  const full = lineText(document, line);
  const start = Math.min(range.start.character, full.length);
  // A range that runs onto later lines is marked to the end of its first line.
  const end = range.end.line === line ? Math.max(start, Math.min(range.end.character, full.length)) : full.length;

  let from = 0;
  let to = full.length;
  if (full.length > MAX_SHOWN) {
    from = unsplit(full, Math.max(0, Math.min(start - LEAD, full.length - MAX_SHOWN)));
    to = unsplit(full, Math.min(full.length, from + MAX_SHOWN));
  }
  const before = from > 0 ? ELLIPSIS : '';
  const after = to < full.length ? ELLIPSIS : '';
  const source = before + printable(full.slice(from, to)) + after;
  // Measured as shown: a character printed as <U+202E> takes eight cells.
  const indent = (before ? ' ' : '') + blankedOut(printable(full.slice(from, Math.max(from, start))));
  const width = Math.max(1, cellWidth(printable(full.slice(Math.max(from, start), Math.min(to, end)))));
  return { source, marker: indent + '^'.repeat(width) };
}

function lineText(document: TextDocument, line: number): string {
  const text = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  return text.replace(/\r?\n$|\r$/, '');
}

/** Moves an index off the second half of a surrogate pair, so a cut never splits a character. */
function unsplit(text: string, index: number): number {
  const code = text.charCodeAt(index);
  return code >= 0xdc00 && code <= 0xdfff ? index - 1 : index;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The text replaced by blanks of the same width: tabs stay tabs. */
function blankedOut(text: string): string {
  let blank = '';
  for (const { segment } of graphemes.segment(text)) blank += segment === '\t' ? '\t' : ' '.repeat(graphemeWidth(segment));
  return blank;
}

function cellWidth(text: string): number {
  let width = 0;
  for (const { segment } of graphemes.segment(text)) width += segment === '\t' ? 1 : graphemeWidth(segment);
  return width;
}

/** Emoji shown as pictures and East Asian wide characters take two cells; a combining mark rides on its base. */
function graphemeWidth(grapheme: string): number {
  if (/\p{Emoji_Presentation}|\uFE0F/u.test(grapheme)) return 2;
  return isWide(grapheme.codePointAt(0) ?? 0) ? 2 : 1;
}

/** The East Asian Wide and Fullwidth blocks (Unicode UAX #11), coarsely. */
function isWide(codePoint: number): boolean {
  return (
    (codePoint >= 0x1100 && codePoint <= 0x115f) ||
    (codePoint >= 0x2e80 && codePoint <= 0xa4cf && codePoint !== 0x303f) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7a3) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
    (codePoint >= 0xff00 && codePoint <= 0xff60) ||
    (codePoint >= 0xffe0 && codePoint <= 0xffe6) ||
    (codePoint >= 0x20000 && codePoint <= 0x3fffd)
  );
}
