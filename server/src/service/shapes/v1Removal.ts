// What removing a v1 entry deletes: the element of the `properties` array and one of the commas and
// blanks around it, so that the JSON stays valid and tidy.
import type { ParsedPayload, PropertyAssignment, Span } from '../payloadModel';
import { spanEnd } from '../ranges';

/**
 * What to delete to remove an entry and leave valid, tidy JSON: the entry with the comma after it and
 * the blank up to the next entry; for the last entry, the comma before it; for the only entry, the blank
 * around it too, leaving `[]`.
 */
export function entryRemovalSpan(payload: ParsedPayload, entry: PropertyAssignment): Span {
  const { text, entries } = payload;
  const start = entry.extent.offset;
  const stop = spanEnd(entry.extent);
  const next = entry.index + 1 < entries.length ? entries[entry.index + 1] : undefined;

  const commaAfter = skipBlankForward(text, stop);
  if (next && text[commaAfter] === ',') {
    const afterComma = skipBlankForward(text, commaAfter + 1);
    return afterComma === next.offset ? between(start, afterComma) : between(start, commaAfter + 1);
  }
  const beforeStart = skipBlankBackward(text, start);
  if (entry.index > 0 && text[beforeStart - 1] === ',') return between(beforeStart - 1, stop);
  if (entries.length === 1 && text[beforeStart - 1] === '[' && text[commaAfter] === ']') return between(beforeStart, commaAfter);
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
