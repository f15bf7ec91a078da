// Where the cursor is, in terms every payload shape shares: the slot completion and hover act on, and
// the token a completion replaces. Each shape module says which slot a position is (shapes/v1Cursor.ts).
import type { Member, PropertyAssignment, Span } from './payloadModel';

/** The token at the cursor. */
export interface CursorToken extends Span {
  /** True for a JSON string (the span includes its quotes); false for a bare word or literal (`em`, `tru`, `12`). */
  readonly quoted: boolean;
  /** False for a string whose closing quote is missing; its span then stops after the word at the cursor. */
  readonly terminated: boolean;
}

export type CursorSlot =
  /** Nothing but whitespace in the document. */
  | { readonly kind: 'emptyDocument' }
  /** A key of the root object; `member` is the member whose key the cursor is in. */
  | { readonly kind: 'topLevelKey'; readonly member?: Member }
  /** A key inside an assignment's own object (v1's entry); `member` is the member whose key the cursor is in. */
  | { readonly kind: 'assignmentKey'; readonly assignment: PropertyAssignment; readonly member?: Member }
  /** The name of an assignment (v1: the value of an entry's `"property"` member). */
  | { readonly kind: 'propertyName'; readonly assignment: PropertyAssignment }
  /** The value of an assignment (v1: the value of an entry's `"value"` member). */
  | { readonly kind: 'value'; readonly assignment: PropertyAssignment }
  /** Where a new assignment starts (v1: a new element of the `properties` array). */
  | { readonly kind: 'newAssignment' };

export interface CursorContext {
  readonly slot: CursorSlot;
  /** The token a completion replaces; absent when the cursor is between tokens. */
  readonly token?: CursorToken;
  /** A key or entry inserted here needs a comma before it to keep the JSON valid. */
  readonly commaBefore: boolean;
  /** A key or entry inserted here needs a comma after it to keep the JSON valid. */
  readonly commaAfter: boolean;
}

/** The value of the characters between a JSON string's quotes, decoded leniently: bad escapes are kept as written. */
export function decodeJsonStringContent(raw: string): string {
  if (!raw.includes('\\')) return raw;
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}
