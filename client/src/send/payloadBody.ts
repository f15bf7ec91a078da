// What a send takes from the editor: the properties of the text the editor shows, saved or not, in
// either of HubSpot's body shapes. The shape is known from the file: `properties` an array is the
// legacy Contacts v1 body, an object the CRM objects body. The extension's own top-level keys (the
// saved `vid` or `id`) are never sent.
import type { RejectedProperty } from '../../../server/src/protocol';
import { withoutByteOrderMark } from './contactText';
import type { ContactPropertyValue } from '../hubspot/contactsApi';
import type { ValidationResult } from '../hubspot/errorBodies';

/** `v1`: `{"properties": [{"property": "email", "value": "…"}]}`; `objects`: `{"properties": {"email": "…"}}`. */
export type PayloadShapeName = 'v1' | 'objects';

export interface Payload {
  readonly ok: true;
  readonly shape: PayloadShapeName;
  /** In the file's order; for an objects file, one entry per member of `properties`. */
  readonly properties: readonly ContactPropertyValue[];
  /** An objects file's top-level `associations`, as written (undefined when it has none, and for v1). */
  readonly associations: unknown;
  /** The saved contact id as written: `vid` for v1, `id` for objects (undefined when absent); see savedId.ts. */
  readonly savedId: unknown;
}

export type PayloadRead = Payload | { readonly ok: false; readonly message: string };

const SHAPES_EXAMPLE = 'a Contacts v1 file has a "properties" array ({"properties": [{"property": "email", "value": "…"}]}), a CRM objects file a "properties" object ({"properties": {"email": "…"}})';

export function readPayload(text: string): PayloadRead {
  let value: unknown;
  try {
    value = JSON.parse(withoutByteOrderMark(text));
  } catch {
    return { ok: false, message: 'The file is not valid JSON, so there is nothing to send yet: fix the problems marked in it first.' };
  }
  return payloadOf(value);
}

/** A parsed contact as a send reads it: a whole single contact file, or one contact of a batch file. */
export function payloadOf(value: unknown): PayloadRead {
  if (!isRecord(value)) {
    return { ok: false, message: 'The file is not a contact payload: it must be an object such as {"properties": […]} or {"properties": {…}}.' };
  }
  // Own members only: JSON.parse makes `__proto__` an own key, never a prototype to inherit from.
  const member = (key: string): unknown => (Object.hasOwn(value, key) ? value[key] : undefined);
  const properties = member('properties');
  if (Array.isArray(properties)) {
    // A file with errors may still be sent, for HubSpot to judge its values; but the HTTP client reads
    // each entry as an object, so an entry that is none stops the send here, before a request is made.
    const notAnObject = properties.findIndex((entry: unknown) => !isRecord(entry));
    if (notAnObject >= 0) {
      return { ok: false, message: `Entry ${notAnObject + 1} of "properties" is not an object such as {"property": "email", "value": "…"}: it has no property to send.` };
    }
    return { ok: true, shape: 'v1', properties: properties as ContactPropertyValue[], associations: undefined, savedId: member('vid') };
  }
  if (isRecord(properties)) {
    // Object.entries lists own members only, `__proto__` and `constructor` among them as plain names.
    // Its order is the file's, except that names which are array indexes ("7") come first; HubSpot's
    // property names start with a letter.
    const entries = Object.entries(properties).map(([property, written]) => ({ property, value: written as ContactPropertyValue['value'] }));
    return { ok: true, shape: 'objects', properties: entries, associations: member('associations'), savedId: member('id') };
  }
  return { ok: false, message: `The file has no "properties" to send: ${SHAPES_EXAMPLE}.` };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** HubSpot's per-property 400 results, each with the value that was sent for it (the last one, as HubSpot reads them). */
export function rejectedProperties(results: readonly ValidationResult[], properties: readonly ContactPropertyValue[]): RejectedProperty[] {
  const sent = new Map<string, unknown>();
  for (const entry of properties) {
    if (typeof entry === 'object' && entry !== null && typeof entry.property === 'string') sent.set(entry.property, entry.value);
  }
  return results.filter((r) => sent.has(r.name)).map((r) => ({ name: r.name, value: sent.get(r.name), error: r.error, message: r.message }));
}
