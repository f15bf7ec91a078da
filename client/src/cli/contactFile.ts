// Reads a payload file as UTF-8 text, with or without a byte order mark. The mark is not part of the
// text: an editor does not show it either, so line:column positions match what the editor shows.
//
// Only a regular file is read, and only where it is named. A repository can commit a link such as
// `env.contact.json -> /proc/self/environ`; what such a link points at would be printed in source
// lines and quoted in messages, into a CI log. So a path under the current folder must really lie
// under it (any links on the way staying inside), and a path named elsewhere must not be a link out
// of its own folder. The file is opened without blocking (a pipe has no end to wait for) and its
// type is taken from the open file, so that it cannot be swapped between the check and the read.
import { constants } from 'node:fs';
import { open, realpath } from 'node:fs/promises';
import path from 'node:path';

export type ContactFileRead =
  | { readonly ok: true; readonly text: string; readonly byteOrderMark: boolean }
  | { readonly ok: false; readonly problem: string };

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

/** Windows has neither flag; there, opening a pipe or a link needs no such care. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0);

export async function readContactFile(absolutePath: string, cwd: string): Promise<ContactFileRead> {
  let bytes: Buffer;
  try {
    const followed = await followedPath(absolutePath, cwd);
    if (!followed.ok) return followed;
    const handle = await open(followed.realPath, OPEN_FLAGS);
    try {
      const stats = await handle.stat();
      if (stats.isDirectory()) return { ok: false, problem: 'is a folder, not a file' };
      if (!stats.isFile()) return { ok: false, problem: 'is not a regular file (a pipe, a socket or a device); it is not read' };
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (error) {
    return { ok: false, problem: `cannot be read: ${describeFileError(error)}` };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, problem: 'is UTF-16 text; save it as UTF-8' };
  }
  const byteOrderMark = UTF8_BOM.every((byte, index) => bytes[index] === byte);
  try {
    // `fatal`, so that a file in another encoding is reported rather than checked as garbled text.
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(byteOrderMark ? bytes.subarray(UTF8_BOM.length) : bytes);
    return { ok: true, text, byteOrderMark };
  } catch {
    return { ok: false, problem: 'is not UTF-8 text; save it as UTF-8' };
  }
}

export type FollowedPath = { readonly ok: true; readonly realPath: string } | { readonly ok: false; readonly problem: string };

/**
 * Where a path really leads, when it may be followed there: a path under the current folder must
 * stay under it; another must stay in the folder it is named in. Throws when the path cannot be
 * resolved (no such file, a loop of links).
 */
export async function followedPath(absolutePath: string, cwd: string): Promise<FollowedPath> {
  const realPath = await realpath(absolutePath);
  const underCwd = isInside(absolutePath, cwd);
  const boundary = await realpath(underCwd ? cwd : path.dirname(absolutePath));
  if (isInside(realPath, boundary)) return { ok: true, realPath };
  return { ok: false, problem: underCwd ? 'leads out of the current folder through a symbolic link; it is not read' : 'is a symbolic link out of its folder; it is not read' };
}

function isInside(child: string, folder: string): boolean {
  const relative = path.relative(folder, child);
  return relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

/** The reason in words, without the stack or the path (the caller names the file). */
export function describeFileError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder';
    case 'ELOOP':
      return 'a loop of symbolic links';
    default:
      return code ?? (error instanceof Error ? error.message : String(error));
  }
}
