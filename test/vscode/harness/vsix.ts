// The packaged extension as VS Code installs it: the `extension/` folder of the .vsix (a zip),
// extracted with node:zlib alone, so the in-editor suite runs against exactly what ships.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { requireFile } from './paths';

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
const EXTENSION_FOLDER = 'extension/';

/**
 * Extracts the `extension/` folder of `vsix` into `target` (emptied first) and returns `target`,
 * which then holds the extension's package.json and what it ships.
 */
export function extractVsix(vsix: string, target: string): string {
  requireFile(vsix, 'the packaged extension', 'run `npm run package` first');
  const zip = fs.readFileSync(vsix);
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(target, { recursive: true });
  let files = 0;
  for (const entry of centralDirectory(zip, vsix)) {
    if (!entry.name.startsWith(EXTENSION_FOLDER) || entry.name.endsWith('/')) continue;
    const file = path.resolve(target, entry.name.slice(EXTENSION_FOLDER.length));
    if (!file.startsWith(target + path.sep)) throw new Error(`${vsix}: entry ${entry.name} escapes the extension folder`);
    const data = entryData(zip, entry, vsix);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, data);
    files += 1;
  }
  if (files === 0) throw new Error(`${vsix} holds no ${EXTENSION_FOLDER} folder: not a .vsix`);
  requireFile(path.join(target, 'package.json'), 'the extension manifest in the .vsix', 'repackage with `npm run package`');
  return target;
}

interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localHeaderOffset: number;
}

function centralDirectory(zip: Buffer, what: string): ZipEntry[] {
  // The end record is the last 22 bytes plus a comment of at most 64 KiB.
  let end = -1;
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (zip.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end === -1) throw new Error(`${what} is not a zip file (no end of central directory)`);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== CENTRAL_DIRECTORY_HEADER) throw new Error(`${what}: broken central directory at byte ${at}`);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    entries.push({
      method: zip.readUInt16LE(at + 10),
      crc: zip.readUInt32LE(at + 16),
      compressedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      localHeaderOffset: zip.readUInt32LE(at + 42),
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function entryData(zip: Buffer, entry: ZipEntry, what: string): Buffer {
  const at = entry.localHeaderOffset;
  if (zip.readUInt32LE(at) !== LOCAL_FILE_HEADER) throw new Error(`${what}: no local header for ${entry.name}`);
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const raw = zip.subarray(start, start + entry.compressedSize);
  let data: Buffer;
  if (entry.method === STORED) data = Buffer.from(raw);
  else if (entry.method === DEFLATED) data = zlib.inflateRawSync(raw);
  else throw new Error(`${what}: ${entry.name} uses zip method ${entry.method}; only stored and deflated are read`);
  if (data.length !== entry.size || zlib.crc32(data) !== entry.crc) throw new Error(`${what}: ${entry.name} is corrupt (size or CRC mismatch)`);
  return data;
}
