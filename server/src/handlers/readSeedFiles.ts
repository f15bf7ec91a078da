// Reads files for a seed set (contactPayloads/readSeedFiles): each from its open document when it is
// open (what the editor shows, saved or not), else from disk, with the catalog the server has. A file
// that cannot be read is an answer, not an error: a seed set shows why and goes on with the others.
// The disk is Node's: a server in a web worker reads open documents only (node:fs is loaded on use).
import { ReadSeedFilesRequest, type ReadSeedFilesResult, type SeedFileAnswer } from '../protocol';
import { documentKindOf, isTooLarge, readSeedFile } from '../service';
import type { ServerContext } from './context';
import { invalidParams } from './positions';

/** UTF-8 takes at most 3 bytes per UTF-16 code unit: a file larger than this many bytes per allowed character is refused unread. */
const MAX_BYTES_PER_CHARACTER = 3;

export function registerReadSeedFiles(ctx: ServerContext): void {
  ctx.connection.onRequest(ReadSeedFilesRequest, async (params: unknown): Promise<ReadSeedFilesResult> => {
    const { uris } = (typeof params === 'object' && params !== null ? params : {}) as { uris?: unknown };
    if (!Array.isArray(uris) || !uris.every((uri) => typeof uri === 'string')) throw invalidParams('readSeedFiles takes {"uris": string[]}');
    const files: SeedFileAnswer[] = [];
    // One at a time: the reads are pure computation after the disk, and the server serves one request at a time anyway.
    for (const uri of uris) files.push(await answer(ctx, uri));
    return { files };
  });
}

async function answer(ctx: ServerContext, uri: string): Promise<SeedFileAnswer> {
  try {
    const text = await textOf(ctx, uri);
    if (typeof text !== 'string') return { uri, ok: false, problem: text.problem };
    const settings = ctx.settings();
    if (isTooLarge(text, settings)) return { uri, ok: false, problem: tooLarge(text.length, settings.maxDocumentSize) };
    return { uri, ok: true, read: readSeedFile(text, ctx.catalog(), settings, documentKindOf(uri)) };
  } catch (error) {
    return { uri, ok: false, problem: `It could not be read: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** The open document's text, else the file's on disk; or why there is none. */
async function textOf(ctx: ServerContext, uri: string): Promise<string | { problem: string }> {
  const open = ctx.documents.get(uri);
  if (open) return open.getText();
  if (!uri.startsWith('file:')) return { problem: 'It is not open and not a file on disk (only file: URIs are read from disk): open it in the editor first.' };
  if (typeof process === 'undefined') return { problem: 'It is not open, and the language server runs without a disk here (VS Code for the Web): open it in the editor first.' };
  const [{ readFile, stat }, { fileURLToPath }] = await Promise.all([import('node:fs/promises'), import('node:url')]);
  const path = fileURLToPath(uri);
  const { size } = await stat(path);
  const limit = ctx.settings().maxDocumentSize;
  if (size > limit * MAX_BYTES_PER_CHARACTER) return { problem: tooLarge(size, limit, 'bytes') };
  return readFile(path, 'utf8');
}

function tooLarge(size: number, limit: number, unit = 'characters'): string {
  return `It is ${size} ${unit} long, over the ${limit} characters of setting contactPayloads.maxDocumentSize: it is not read.`;
}
