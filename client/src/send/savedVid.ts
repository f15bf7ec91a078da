// The contact id a payload file keeps in its top-level `vid` (written there by "Save vid to file" or
// `create --save-vid`): what an update sends to when no id is given. The editor and the CLI read it
// here; the language server's CodeLens reads the same rule (a JSON number that is a positive whole
// number: a quoted vid is flagged by the checks, never used).
import { parseVid } from '../hubspot/contactsApi';

export type SavedVid =
  | { readonly kind: 'none' }
  | { readonly kind: 'usable'; readonly vid: number }
  /** Present but no contact id; `problem` says why, to show. */
  | { readonly kind: 'unusable'; readonly problem: string };

/** `vid`: the file's top-level `vid` as read (undefined when the file has none). */
export function savedVid(vid: unknown): SavedVid {
  if (vid === undefined) return { kind: 'none' };
  const usable = typeof vid === 'number' ? parseVid(vid) : undefined;
  if (usable !== undefined) return { kind: 'usable', vid: usable };
  return { kind: 'unusable', problem: `the file's "vid" (${JSON.stringify(vid)}) is not a positive whole number` };
}
