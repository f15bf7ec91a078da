// What a send takes from the editor: exactly the `properties` array of the text the editor shows,
// saved or not. The extension's own top-level keys (such as a saved `vid`) are never sent.
import type { RejectedProperty } from '../../../server/src/protocol';
import { withoutByteOrderMark } from './contactText';
import type { ContactPropertyValue } from '../hubspot/contactsApi';
import type { ValidationResult } from '../hubspot/errorBodies';

export type PayloadRead =
  | { readonly ok: true; readonly properties: readonly ContactPropertyValue[]; readonly savedVid: unknown }
  | { readonly ok: false; readonly message: string };

export function readPayload(text: string): PayloadRead {
  let value: unknown;
  try {
    value = JSON.parse(withoutByteOrderMark(text));
  } catch {
    return { ok: false, message: 'The file is not valid JSON, so there is nothing to send yet: fix the problems marked in it first.' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, message: 'The file is not a contact payload: it must be an object such as {"properties": […]}.' };
  }
  const record = value as Record<string, unknown>;
  const properties = Object.hasOwn(record, 'properties') ? record.properties : undefined;
  if (!Array.isArray(properties)) return { ok: false, message: 'The file has no "properties" array to send.' };
  // A file with errors may still be sent, for HubSpot to judge its values; but the HTTP client reads
  // each entry as an object, so an entry that is none stops the send here, before a request is made.
  const notAnObject = properties.findIndex((entry: unknown) => typeof entry !== 'object' || entry === null || Array.isArray(entry));
  if (notAnObject >= 0) {
    return { ok: false, message: `Entry ${notAnObject + 1} of "properties" is not an object such as {"property": "email", "value": "…"}: it has no property to send.` };
  }
  return { ok: true, properties: properties as ContactPropertyValue[], savedVid: Object.hasOwn(record, 'vid') ? record.vid : undefined };
}

/** HubSpot's per-property 400 results, each with the value that was sent for it (the last one, as HubSpot reads them). */
export function rejectedProperties(results: readonly ValidationResult[], properties: readonly ContactPropertyValue[]): RejectedProperty[] {
  const sent = new Map<string, unknown>();
  for (const entry of properties) {
    if (typeof entry === 'object' && entry !== null && typeof entry.property === 'string') sent.set(entry.property, entry.value);
  }
  return results.filter((r) => sent.has(r.name)).map((r) => ({ name: r.name, value: sent.get(r.name), error: r.error, message: r.message }));
}
