// What is particular to HubSpot's legacy Contacts v1 body, `{"properties":[{"property":"email","value":"…"}]}`:
// the key the extension saves the contact's id under, and which saved id is usable.
import { lastMember, type ParsedPayload } from '../payloadModel';

/** The top-level key "Save vid to file" writes the contact's id under; HubSpot never sees it. */
export const SAVED_ID_KEY = 'vid';

/**
 * The contact id saved in the file, when it can be used: a positive safe integer written as a JSON
 * number. A string such as "61574" is not one (the file was edited by hand; the user confirms the id).
 */
export function savedContactId(payload: ParsedPayload): number | undefined {
  const saved = lastMember(payload.topMembers, SAVED_ID_KEY)?.value?.value;
  return typeof saved === 'number' && Number.isSafeInteger(saved) && saved > 0 ? saved : undefined;
}
