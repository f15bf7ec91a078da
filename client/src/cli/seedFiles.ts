// The command line's seed source: files found as `check` finds them, each read as `check` reads it
// (a regular file, under the folder it was named in) and handed to the engine in process, with the
// bundled catalog and no size limit, exactly as `check` diagnoses it.
import { bundledDefaultCatalog, readSeedFile } from '../../../server/src/service';
import { isBatchFile } from '../send/contactText';
import type { SeedFileResult, SeedSource } from '../seed/seedSource';
import { readContactFile } from './contactFile';
import { CHECK_SETTINGS } from './fileDiagnostics';

export function fileSeedSource(files: readonly string[], cwd: string): SeedSource {
  return {
    files,
    read: (group) => Promise.all(group.map((file) => readSeedFileAt(file, cwd))),
  };
}

async function readSeedFileAt(file: string, cwd: string): Promise<SeedFileResult> {
  const read = await readContactFile(file, cwd);
  if (!read.ok) return { file, ok: false, problem: read.problem };
  return { file, ok: true, read: readSeedFile(read.text, bundledDefaultCatalog(), CHECK_SETTINGS, isBatchFile(file) ? 'batch' : 'single') };
}
