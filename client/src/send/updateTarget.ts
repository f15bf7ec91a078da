// Which contact an update writes to: the id given (a CodeLens, "Update it instead", --id/--vid), else
// the id the file keeps (savedId.ts). Without either, the editor asks and the CLI stops with the
// reason; a file with an email may then be updated by that email instead (both APIs address a
// contact by email: v1's /contact/email/…/profile, CRM objects' ?idProperty=email).
import { updateByEmail, updateTarget, type ContactPropertyValue, type ContactTarget } from '../hubspot/contactsApi';
import type { Payload } from './payloadBody';
import { SAVED_ID_KEYS, savedId } from './savedId';

export type UpdateTargetChoice =
  | { readonly ok: true; readonly target: ContactTarget }
  /** `email`: the file's email, when an update by it can be offered instead. */
  | { readonly ok: false; readonly problem: string; readonly email: string | undefined };

/** `givenId`: an id already checked (parseVid), or undefined when none was given. */
export function chooseUpdateTarget(givenId: number | undefined, payload: Pick<Payload, 'shape' | 'properties' | 'savedId'>): UpdateTargetChoice {
  if (givenId !== undefined) return { ok: true, target: updateTarget(givenId) };
  const saved = savedId(payload.shape, payload.savedId);
  if (saved.kind === 'usable') return { ok: true, target: updateTarget(saved.id) };
  const problem = saved.kind === 'unusable' ? saved.problem : `the file has no "${SAVED_ID_KEYS[payload.shape]}"`;
  return { ok: false, problem, email: emailOf(payload.properties) };
}

/** An update of the contact with the file's email, or why there is none. */
export function chooseUpdateByEmail(payload: Pick<Payload, 'properties'>): UpdateTargetChoice {
  const email = emailOf(payload.properties);
  if (email === undefined) return { ok: false, problem: 'the file has no "email" to update by', email: undefined };
  return { ok: true, target: updateByEmail(email) };
}

/** The email HubSpot would read (the last one given), when it is a string with something in it. */
function emailOf(properties: readonly ContactPropertyValue[]): string | undefined {
  const value = properties.findLast((entry) => entry.property === 'email')?.value;
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
