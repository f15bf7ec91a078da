// What removing one element of a list deletes — an entry of v1's `properties` array, a member of the
// CRM objects' `properties` object — so that the JSON stays valid and tidy: the element and one of the
// commas and blanks around it.
import type { Span } from '../payloadModel';
import { spanEnd } from '../ranges';

/**
 * What to delete to remove element `index` of `count` (each at `extentOf(i)`): the element with the
 * comma after it and the blank up to the next one; for the last, the comma before it; for the only one,
 * the blank around it too, leaving `[]` or `{}`.
 */
export function elementRemovalSpan(text: string, extentOf: (index: number) => Span, count: number, index: number): Span {
  const extent = extentOf(index);
  const start = extent.offset;
  const stop = spanEnd(extent);
  const next = index + 1 < count ? extentOf(index + 1) : undefined;

  const commaAfter = skipBlankForward(text, stop);
  if (next && text[commaAfter] === ',') {
    const afterComma = skipBlankForward(text, commaAfter + 1);
    return afterComma === next.offset ? between(start, afterComma) : between(start, commaAfter + 1);
  }
  const beforeStart = skipBlankBackward(text, start);
  if (index > 0 && text[beforeStart - 1] === ',') return between(beforeStart - 1, stop);
  const closes = (open: string, close: string) => text[beforeStart - 1] === open && text[commaAfter] === close;
  if (count === 1 && (closes('[', ']') || closes('{', '}'))) return between(beforeStart, commaAfter);
  return between(start, stop);
}

function skipBlankForward(text: string, from: number): number {
  let i = from;
  while (i < text.length && isBlank(text.charCodeAt(i))) i++;
  return i;
}

function skipBlankBackward(text: string, from: number): number {
  let i = from;
  while (i > 0 && isBlank(text.charCodeAt(i - 1))) i--;
  return i;
}

function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

function between(start: number, stop: number): Span {
  return { offset: start, length: stop - start };
}
