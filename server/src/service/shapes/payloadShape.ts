// What a payload shape tells the features. Everything that differs between HubSpot's body shapes
// is asked here; the features loop over the assignments and ask nothing else of the shape.
import type { Finding } from '../finding';
import type { Member, ParsedPayload, PropertyAssignment } from '../payloadModel';

export interface PayloadShape {
  /** A minimal payload of this shape, for messages that show one. */
  readonly example: string;
  /** The file's property assignments, in document order. */
  assignments(payload: ParsedPayload): readonly PropertyAssignment[];
  /** The top-level member that holds the assignments, when it is of the kind the shape expects (v1: `properties`, an array). */
  assignmentsHolder(payload: ParsedPayload): Member | undefined;
  /** What is wrong with the payload's structure (keys, kinds, what must be there), each on the exact key or value. */
  structureFindings(payload: ParsedPayload): Finding[];
  /** The top-level key the extension saves the contact's id under. */
  readonly savedIdKey: string;
  /** The contact id the extension saved in the file, when it can be used. */
  savedContactId(payload: ParsedPayload): number | undefined;
}
