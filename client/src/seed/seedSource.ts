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

/** How many files are read at once: enough to fill a few batches, few enough to keep memory flat. */
export const FILES_PER_READ = 200;

/** The source's files in groups of FILES_PER_READ. */
export function* fileGroups(source: SeedSource): Generator<readonly string[]> {
  for (let start = 0; start < source.files.length; start += FILES_PER_READ) yield source.files.slice(start, start + FILES_PER_READ);
}
