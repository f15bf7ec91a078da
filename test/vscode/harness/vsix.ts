// The packaged extension as VS Code installs it: the entries of the .vsix (a zip, read with yauzl),
// and its `extension/` folder extracted, so the in-editor suite runs against exactly what ships.
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { requireFile } from './paths';

const EXTENSION_FOLDER = 'extension/';

export interface VsixEntry {
  readonly name: string;
  readonly size: number;
}

/** Every file in the .vsix, and calls `each` (when given) with its contents as a stream. */
async function readVsix(vsix: string, each?: (entry: yauzl.Entry, open: () => Promise<NodeJS.ReadableStream>) => Promise<void>): Promise<VsixEntry[]> {
  requireFile(vsix, 'the packaged extension', 'run `npm run package` first');
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => yauzl.open(vsix, { lazyEntries: true, validateEntrySizes: true }, (error, file) => (error ? reject(error) : resolve(file))));
  const entries: VsixEntry[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: yauzl.Entry) => {
        entries.push({ name: entry.fileName, size: entry.uncompressedSize });
        const open = () => new Promise<NodeJS.ReadableStream>((ok, fail) => zip.openReadStream(entry, (error, stream) => (error ? fail(error) : ok(stream))));
        (each ? each(entry, open) : Promise.resolve()).then(() => zip.readEntry(), reject);
      });
      zip.on('end', resolve);
      zip.on('error', reject);
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
  return entries;
}

export function listVsix(vsix: string): Promise<VsixEntry[]> {
  return readVsix(vsix);
}

/**
 * Extracts the `extension/` folder of `vsix` into `target` (emptied first) and returns `target`,
 * which then holds the extension's package.json and what it ships.
 */
export async function extractVsix(vsix: string, target: string): Promise<string> {
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(target, { recursive: true });
  let files = 0;
  await readVsix(vsix, async (entry, open) => {
    if (!entry.fileName.startsWith(EXTENSION_FOLDER) || entry.fileName.endsWith('/')) return;
    const file = path.resolve(target, entry.fileName.slice(EXTENSION_FOLDER.length));
    if (!file.startsWith(target + path.sep)) throw new Error(`${vsix}: entry ${entry.fileName} escapes the extension folder`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await pipeline(await open(), fs.createWriteStream(file));
    files += 1;
  });
  if (files === 0) throw new Error(`${vsix} holds no ${EXTENSION_FOLDER} folder: not a .vsix`);
  requireFile(path.join(target, 'package.json'), 'the extension manifest in the .vsix', 'repackage with `npm run package`');
  return target;
}
