// Where the cursor is in a CRM objects payload, in the terms completion and hover act on (cursor.ts): a
// top-level key, or inside the `properties` object — a property's name (a member's key), its value, or
// where a new property starts. Keys of `properties` are property names: a key being typed that has no
// colon yet is a new assignment (completion writes `"name": ""`), one that has a colon is renamed alone.
import type { CursorContext, CursorSlot } from '../cursor';
import type { JsonValue, ParsedPayload, PropertyMember, Span } from '../payloadModel';
import { spanEnd } from '../ranges';
import { colonFollows, contentLimit, inObjectMembers } from './objectCursor';

const CLOSE_BRACE = 0x7d, CLOSE_BRACKET = 0x5d;

export function objectsCursorContext(payload: ParsedPayload, offset: number): CursorContext | undefined {
  const { root, text } = payload;
  if (!root) return /^\s*$/.test(text) ? { slot: { kind: 'emptyDocument' }, commaBefore: false, commaAfter: false } : undefined;
  if (root.kind !== 'object') return undefined;
  return inObjectMembers(text, root, payload.topMembers, offset, {
    key: (member) => ({ kind: 'topLevelKey', member }),
    value: () => undefined,
    containerLimit: (value) => opaqueLimit(payload, value),
    inContainer: (member, value) => (member === payload.properties && value.kind === 'object' ? inProperties(payload, value, offset) : undefined),
  });
}

function inProperties(payload: ParsedPayload, object: Span, offset: number): CursorContext | undefined {
  const { text, propertyMembers } = payload;
  return inObjectMembers(text, object, propertyMembers, offset, {
    key: (member): CursorSlot => {
      const assignment = member as PropertyMember | undefined;
      if (assignment && (assignment.value || colonFollows(text, spanEnd(assignment.keySpan)))) return { kind: 'propertyName', assignment };
      return { kind: 'newAssignment' };
    },
    value: (member) => ({ kind: 'value', assignment: member as PropertyMember }),
    // A property's value is a scalar: inside an object or array there is nothing to complete.
    containerLimit: (value) => opaqueLimit(payload, value),
    inContainer: () => undefined,
  });
}

/** The last caret offset inside a container whose children are not in the model (all but the root and `properties`). */
function opaqueLimit(payload: ParsedPayload, container: JsonValue): number {
  if (container.kind === 'object' && payload.properties?.value?.offset === container.offset) {
    const last = payload.propertyMembers[payload.propertyMembers.length - 1];
    return contentLimit(payload.text, container, CLOSE_BRACE, last ? spanEnd(last.span) : container.offset + 1);
  }
  return contentLimit(payload.text, container, container.kind === 'object' ? CLOSE_BRACE : CLOSE_BRACKET, container.offset + 1);
}
