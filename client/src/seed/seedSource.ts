// Where a seed set's contacts come from: the files, in order, and a reader that turns some of them
// into contacts. The CLI reads from disk and asks the engine in process; the editor asks the
// language server, which knows the open documents' unsaved text and the portal's catalog. The runner
// reads a few files at a time, twice (to plan, then to send), so a set of 100 000 contacts is never
// held in memory whole.
import type { SeedFileRead } from '../../../server/src/service/seedContact';

export type SeedFileResult =
  | { readonly file: string; readonly ok: true; readonly read: SeedFileRead }
  | { readonly file: string; readonly ok: false; readonly problem: string };

export interface SeedSource {
  /** Absolute paths (CLI) or file URIs (editor), each once, in the order they are planned and sent. */
  readonly files: readonly string[];
  /** Reads these files, in their order; a file it cannot read is a result with its problem, never a rejection. */
  read(files: readonly string[]): Promise<readonly SeedFileResult[]>;
}

/** Most files read at once: one request to the language server for a folder of single contact files. */
export const MAX_FILES_PER_READ = 200;

/** About how many contacts one read should bring: enough to fill ten batches, few enough to keep memory flat. */
export const CONTACTS_PER_READ = 1_000;

/**
 * The source's files read a group at a time, in order. The group size follows what the files hold:
 * 200 single contact files at once, but one batch file of 10 000 contacts alone, so that neither a
 * folder of small files costs a request per file nor a folder of large ones sits in memory whole.
 */
export async function* readGroups(source: SeedSource): AsyncGenerator<readonly SeedFileResult[]> {
  // The first file alone tells how large the files are.
  let size = 1;
  for (let start = 0; start < source.files.length; ) {
    const group = source.files.slice(start, start + size);
    start += group.length;
    const results = await source.read(group);
    yield results;
    const contacts = results.reduce((sum, result) => sum + (result.ok ? result.read.contacts.length : 0), 0);
    size = Math.max(1, Math.min(MAX_FILES_PER_READ, Math.floor((CONTACTS_PER_READ * group.length) / Math.max(contacts, 1))));
  }
}
