// Which files `check` reads: each argument is a file, a folder (its *.contact.json files) or a glob;
// none means the current folder. Folders named node_modules are never searched, nor hidden ones.
// Globbing is tinyglobby's: Node's own fs.glob arrived in Node 22, and the bundle also runs on 20.19.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';

const CONTACT_FILE_PATTERN = '**/*.contact.json';
const SKIPPED_FOLDERS = ['**/node_modules/**'];

export interface FoundFiles {
  /** Absolute paths, each once, sorted. */
  readonly files: readonly string[];
  /** Arguments that named no file. */
  readonly unmatched: readonly string[];
}

export async function findContactFiles(args: readonly string[], cwd: string): Promise<FoundFiles> {
  const files = new Set<string>();
  const unmatched: string[] = [];
  for (const arg of args.length > 0 ? args : ['.']) {
    const found = await filesOf(arg, cwd);
    if (found.length === 0) unmatched.push(arg);
    for (const file of found) files.add(file);
  }
  return { files: [...files].sort(), unmatched };
}

async function filesOf(arg: string, cwd: string): Promise<string[]> {
  const absolute = path.resolve(cwd, arg);
  const kind = await stat(absolute).then(
    (stats) => (stats.isDirectory() ? 'folder' : 'file'),
    () => 'missing' as const,
  );
  // A file named on the command line is checked whatever its name: the user chose it.
  if (kind === 'file') return [absolute];
  if (kind === 'folder') return globbed(CONTACT_FILE_PATTERN, absolute);
  return isDynamicPattern(arg) ? globbed(arg, cwd) : [];
}

async function globbed(pattern: string, cwd: string): Promise<string[]> {
  const found = await glob(pattern, { cwd, ignore: SKIPPED_FOLDERS, absolute: true, onlyFiles: true, expandDirectories: false });
  return found.map((file) => path.resolve(file));
}
