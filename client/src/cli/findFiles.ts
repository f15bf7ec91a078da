// Which files `check` reads: each argument is a file, a folder (its *.contact.json and *.contacts.json files) or a glob;
// none means the current folder. Folders named node_modules are never searched, nor hidden ones.
// Symbolic links are not followed while walking, as ripgrep and Prettier 3 do not: a link committed
// in a repository can point anywhere on the CI machine. Nor are pipes and devices listed.
// Globbing is tinyglobby's: Node's own fs.glob arrived in Node 22, and the bundle also runs on 20.19.
import { stat } from 'node:fs/promises';
import { BATCH_FILE_PATTERN, CONTACT_FILE_PATTERN } from '../send/contactText';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { followedPath } from './contactFile';

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
  // A file named on the command line is checked whatever its name: the user chose it. A folder named
  // through a link that leads out is not walked but passed on, for the reader to refuse and say why.
  if (kind === 'file') return [absolute];
  if (kind === 'folder') return (await mayBeWalked(absolute, cwd)) ? globbed([CONTACT_FILE_PATTERN, BATCH_FILE_PATTERN], absolute) : [absolute];
  return isDynamicPattern(arg) ? globbed(arg, cwd) : [];
}

function mayBeWalked(folder: string, cwd: string): Promise<boolean> {
  return followedPath(folder, cwd).then(
    (followed) => followed.ok,
    () => false,
  );
}

async function globbed(pattern: string | string[], cwd: string): Promise<string[]> {
  // A glob's fixed part ("seeds/linked/*.contact.json") is named, not walked: the reader checks where it leads.
  const found = await glob(pattern, { cwd, ignore: SKIPPED_FOLDERS, absolute: true, onlyFiles: true, expandDirectories: false, followSymbolicLinks: false });
  return found.map((file) => path.resolve(file));
}
