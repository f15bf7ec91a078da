// Which contact an update writes to: the id given (a CodeLens, "Update it instead", --vid), else the
// vid the file keeps. Without either, the editor asks for one and the CLI stops with the reason.
import { updateTarget, type ContactTarget } from '../hubspot/contactsApi';
import { savedVid } from './savedVid';

export type UpdateTargetChoice = { readonly ok: true; readonly target: ContactTarget } | { readonly ok: false; readonly problem: string };

/** `fileVid`: the file's top-level `vid` as read (payloadBody's savedVid). */
export function chooseUpdateTarget(givenVid: number | undefined, fileVid: unknown): UpdateTargetChoice {
  if (givenVid !== undefined) return { ok: true, target: updateTarget(givenVid) };
  const saved = savedVid(fileVid);
  if (saved.kind === 'usable') return { ok: true, target: updateTarget(saved.vid) };
  return { ok: false, problem: saved.kind === 'unusable' ? saved.problem : 'the file has no "vid"' };
}
