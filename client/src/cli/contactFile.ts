// Reads a payload file as UTF-8 text, with or without a byte order mark. The mark is not part of the
// text: an editor does not show it either, so line:column positions match what the editor shows.
import { readFile } from 'node:fs/promises';

export type ContactFileRead =
  | { readonly ok: true; readonly text: string; readonly byteOrderMark: boolean }
  | { readonly ok: false; readonly problem: string };

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

export async function readContactFile(absolutePath: string): Promise<ContactFileRead> {
  let bytes: Buffer;
  try {
    bytes = await readFile(absolutePath);
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
    default:
      return code ?? (error instanceof Error ? error.message : String(error));
  }
}
