// The contact id a payload file keeps at its top level (written there by "Save id to file" or
// `create --save-id`): what an update sends to when no id is given. The editor and the CLI read it
// here; the language server's CodeLens reads the same rule (server/src/service/shapes; a test holds
// the two equal). Each shape writes it as its API does: a v1 file's `vid` is a JSON number, a CRM
// objects file's `id` a JSON string of digits, as HubSpot's answers write them. Written the other
// way, the id is flagged by the checks and never used: the file was edited by hand.
import { parseVid } from '../hubspot/contactsApi';
import type { PayloadShapeName } from './payloadBody';

export type SavedId =
  | { readonly kind: 'none' }
  | { readonly kind: 'usable'; readonly id: number }
  /** Present but no contact id; `problem` says why, to show. */
  | { readonly kind: 'unusable'; readonly problem: string };

/** The top-level key each shape keeps the id under. */
export const SAVED_ID_KEYS: Readonly<Record<PayloadShapeName, string>> = { v1: 'vid', objects: 'id' };

/** `written`: the file's saved id as read (payloadBody's savedId; undefined when the file has none). */
export function savedId(shape: PayloadShapeName, written: unknown): SavedId {
  if (written === undefined) return { kind: 'none' };
  const usable = shape === 'v1' ? v1Id(written) : objectsId(written);
  if (usable !== undefined) return { kind: 'usable', id: usable };
  const rule = shape === 'v1' ? 'is not a positive whole number' : 'is not a positive whole number written as a string of digits, such as "61574"';
  return { kind: 'unusable', problem: `the file's "${SAVED_ID_KEYS[shape]}" (${JSON.stringify(written)}) ${rule}` };
}

function v1Id(written: unknown): number | undefined {
  return typeof written === 'number' ? parseVid(written) : undefined;
}

/**
 * Digits only, as HubSpot writes an id: no sign, space, exponent or leading zero, which parseVid's
 * reading of typed text would let through.
 */
function objectsId(written: unknown): number | undefined {
  return typeof written === 'string' && /^[1-9]\d*$/.test(written) ? parseVid(written) : undefined;
}

/** How the id is written into a file of the shape: `61574` for v1, `"61574"` for objects. */
export function writtenId(shape: PayloadShapeName, id: number): number | string {
  return shape === 'v1' ? id : String(id);
}
