// What a payload shape tells the features. Everything that differs between HubSpot's body shapes
// is asked here; the features loop over the assignments and ask nothing else of the shape.
import type { CursorContext } from '../cursor';
import type { Finding } from '../finding';
import type { Member, ParsedPayload, PropertyAssignment, Span } from '../payloadModel';
import type { DateDialect } from '../valueRules';

/** A key the shape allows, as completion offers it. */
export interface KeySchema {
  readonly description: string;
  /** Its JSON Schema type: what an empty value for it starts as. */
  readonly type: string | readonly string[];
}

/** The text completion inserts, for plain-text clients and with tab stops for snippet clients. */
export interface InsertedText {
  readonly detail: string;
  readonly documentation: string;
  readonly text: string;
  readonly snippet: string;
}

export interface PayloadShape {
  /** Which shape, as the protocol and the client name it. */
  readonly name: 'v1' | 'objects';
  /** The API the shape is sent to, for people: "the v1 API". */
  readonly apiLabel: string;
  /** A minimal payload of this shape, for messages that show one. */
  readonly example: string;
  /** A whole new document, offered in an empty file. */
  readonly newDocument: InsertedText;
  /** A new assignment of `name` to `value`, both written as they are to appear (JSON, or snippet text). */
  newAssignment(name: string, value: string): string;
  /** A new assignment of `name` (JSON) for a client without snippets, which cannot put the cursor in its value. */
  plainNewAssignment(name: string): string;
  /** Where an assignment is, for messages: "in this file", or "in this contact" in a batch file. */
  readonly scope: string;
  /** What a duplicate assignment means, after "\"email\" is set twice in this file; ". */
  readonly duplicateMeaning: string;
  /** How the API reads date and datetime values. */
  readonly dates: DateDialect;
  /** The keys allowed at the top level, with their descriptions. */
  readonly topLevelKeys: ReadonlyMap<string, KeySchema>;
  /** The keys an assignment's own object may hold (v1: `property`, `value`, `timestamp`); empty where an assignment is one member. */
  readonly assignmentKeys: ReadonlyMap<string, KeySchema>;
  /** The file's property assignments, in document order. */
  assignments(payload: ParsedPayload): readonly PropertyAssignment[];
  /** The assignment whose extent holds `offset` (its ends included), if any. */
  assignmentAt(payload: ParsedPayload, offset: number): PropertyAssignment | undefined;
  /** What to delete to remove `assignment` and leave valid, tidy JSON: its extent and a separator. */
  removalSpan(payload: ParsedPayload, assignment: PropertyAssignment): Span;
  /** The top-level member that holds the assignments, when it is of the kind the shape expects (v1: `properties`, an array; CRM objects: an object). */
  assignmentsHolder(payload: ParsedPayload): Member | undefined;
  /** What is wrong with the payload's structure (keys, kinds, what must be there), each on the exact key or value. */
  structureFindings(payload: ParsedPayload): Finding[];
  /** The top-level key the extension saves the contact's id under. */
  readonly savedIdKey: string;
  /** What the cursor at `offset` is on, in the slots completion and hover act on; undefined where nothing can be completed. */
  cursorContext(payload: ParsedPayload, offset: number): CursorContext | undefined;
  /** The contact id the extension saved in the file, when it can be used. */
  savedContactId(payload: ParsedPayload): number | undefined;
}
