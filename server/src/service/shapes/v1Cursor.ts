// Where the cursor is in a v1 payload, in the terms completion and hover act on (cursor.ts): which slot
// it is in (a top-level key, an entry key, a property name, a value, a new element of `properties`) and
// which token a completion would replace. It reads the offsets the parse already found and scans only the
// few characters between parsed tokens around the cursor, so its cost does not grow with the file.
import { SyntaxKind } from 'jsonc-parser';
import type { CursorContext, CursorSlot } from '../cursor';
import { entryAt, type JsonValue, type Member, type ParsedPayload, type PayloadEntry, type Span } from '../payloadModel';
import { spanEnd } from '../ranges';
import { contentLimit, firstSignificantToken, inObjectMembers, isContainer, lastSignificantToken, scanGap, tokenFromSpan } from './objectCursor';

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

const CLOSE_BRACE = 0x7d, CLOSE_BRACKET = 0x5d;

function inObject(payload: ParsedPayload, object: Span, members: readonly Member[], offset: number, entry: PayloadEntry | undefined): CursorContext | undefined {
  return inObjectMembers(payload.text, object, members, offset, {
    key: (member) => (entry ? { kind: 'assignmentKey', assignment: entry, member } : { kind: 'topLevelKey', member }),
    value: (member) => valueSlot(member, entry),
    containerLimit: (value) => contentLimitOf(payload, value),
    inContainer: (_member, value) => inContainerValue(payload, value, offset, entry),
  });
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
