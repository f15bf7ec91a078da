// What makes a file a contact file, for the editor and the command line alike: its name, and how a
// byte order mark before the JSON is treated (kept in the file, never part of what is parsed or sent).
// The server, which must keep offsets, reads a mark as a space instead (server/src/service/payload.ts).

/** The files the extension and `contact-payloads check` treat as contact payloads. */
export const CONTACT_FILE_PATTERN = '**/*.contact.json';

export const BYTE_ORDER_MARK = '\uFEFF';

export function withoutByteOrderMark(text: string): string {
  return text.startsWith(BYTE_ORDER_MARK) ? text.slice(BYTE_ORDER_MARK.length) : text;
}
