// What makes a file a contact file, for the editor and the command line alike: its name, and how a
// byte order mark before the JSON is treated (kept in the file, never part of what is parsed or sent).
// The server, which must keep offsets, reads a mark as a space instead (server/src/service/payload.ts).
import { documentKindOf } from '../../../server/src/service/documentKind';

/** The files the extension and `contact-payloads check` treat as contact payloads. */
export const CONTACT_FILE_PATTERN = '**/*.contact.json';

/** Batch files: many contacts in one file, as a batch request's body (`{"inputs":[…]}` or v1's `[…]`). */
export const BATCH_FILE_PATTERN = '**/*.contacts.json';

/** True for a path or URI that names a batch file (`*.contacts.json`); the name alone decides. */
export function isBatchFile(pathOrUri: string): boolean {
  return documentKindOf(pathOrUri) === 'batch';
}

export const BYTE_ORDER_MARK = '\uFEFF';

export function withoutByteOrderMark(text: string): string {
  return text.startsWith(BYTE_ORDER_MARK) ? text.slice(BYTE_ORDER_MARK.length) : text;
}
