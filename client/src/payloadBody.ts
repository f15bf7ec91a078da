// What a send takes from the editor: exactly the `properties` array of the text the editor shows,
// saved or not. The extension's own top-level keys (such as a saved `vid`) are never sent.
import type { ContactPropertyValue } from './hubspot/contactsV1';

export type PayloadRead =
  | { readonly ok: true; readonly properties: readonly ContactPropertyValue[]; readonly savedVid: unknown }
  | { readonly ok: false; readonly message: string };

export function readPayload(text: string): PayloadRead {
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return { ok: false, message: 'The file is not valid JSON, so there is nothing to send yet: fix the problems marked in it first.' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, message: 'The file is not a contact payload: it must be an object such as {"properties": […]}.' };
  }
  const record = value as Record<string, unknown>;
  const properties = Object.hasOwn(record, 'properties') ? record.properties : undefined;
  if (!Array.isArray(properties)) return { ok: false, message: 'The file has no "properties" array to send.' };
  return { ok: true, properties: properties as ContactPropertyValue[], savedVid: Object.hasOwn(record, 'vid') ? record.vid : undefined };
}

/** The value that was sent for each property name (the last one, as HubSpot reads them). */
export function sentValues(properties: readonly ContactPropertyValue[]): Map<string, unknown> {
  const values = new Map<string, unknown>();
  for (const entry of properties) {
    if (typeof entry === 'object' && entry !== null && typeof entry.property === 'string') values.set(entry.property, entry.value);
  }
  return values;
}
