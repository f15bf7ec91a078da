// The request history on disk: JSON lines, oldest first. Each entry is one append of one whole line,
// so a crash can only tear the last line, which the next open drops; the history is cut to its
// bounds (entries and bytes, oldest dropped first) by writing what is kept to a new file and renaming
// it over the old one, so a crash mid-way leaves one or the other whole. Runs wherever Node runs.
import { closeSync, openSync, readSync, fstatSync, writeSync } from 'node:fs';
import { mkdir, open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { HistoryEntry } from './historyEntry';

export interface HistoryBounds {
  readonly maxEntries: number;
  readonly maxBytes: number;
}

export interface HistoryStore {
  readonly path: string;
  /** Appends the entry, then drops the oldest while the history is over its bounds. */
  add(entry: HistoryEntry): Promise<void>;
  /** Every entry, oldest first. */
  entries(): Promise<HistoryEntry[]>;
  clear(): Promise<void>;
}

/** Cut to this share of the bounds when over them, so that not every add rewrites the file. */
const CUT_TO = 0.9;

/** `bounds` is asked at every add: the settings may change. Every operation waits for the one before. */
export function openHistoryStore(file: string, bounds: () => HistoryBounds): HistoryStore {
  // The byte length of each entry's line, oldest first; read from the file on first use.
  let sizes: number[] | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(operation: () => Promise<T>): Promise<T> => {
    const next = queue.then(operation);
    queue = next.catch(() => undefined);
    return next;
  };

  const load = async (): Promise<{ sizes: number[]; entries: HistoryEntry[] }> => {
    const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return '';
      throw error;
    });
    const entries: HistoryEntry[] = [];
    const lines: string[] = [];
    let dropped = false;
    const parts = text.split('\n');
    // The part after the last newline is empty, or a line a crash tore.
    if (parts.pop() !== '') dropped = true;
    for (const line of parts) {
      const entry = readEntry(line);
      if (entry === undefined) dropped = true;
      else {
        entries.push(entry);
        lines.push(line);
      }
    }
    // A torn or foreign line is dropped now, so that every line of the file is an entry of `sizes`.
    if (dropped) await replaceWith(file, lines);
    return { sizes: lines.map((line) => Buffer.byteLength(line, 'utf8') + 1), entries };
  };
  const ensureSizes = async (): Promise<number[]> => (sizes ??= (await load()).sizes);

  return {
    path: file,
    add: (entry) =>
      serial(async () => {
        const known = await ensureSizes();
        const line = `${JSON.stringify(entry)}\n`;
        await mkdir(path.dirname(file), { recursive: true });
        await writeFile(file, line, { flag: 'a', mode: 0o600 });
        known.push(Buffer.byteLength(line, 'utf8'));
        const { maxEntries, maxBytes } = bounds();
        let total = known.reduce((sum, size) => sum + size, 0);
        if (known.length <= maxEntries && total <= maxBytes) return;
        let drop = 0;
        while (drop < known.length && (known.length - drop > maxEntries * CUT_TO || total > maxBytes * CUT_TO)) total -= known[drop++];
        await keepLast(file, total);
        sizes = known.slice(drop);
      }),
    entries: () =>
      serial(async () => {
        const loaded = await load();
        sizes = loaded.sizes;
        return loaded.entries;
      }),
    clear: () =>
      serial(async () => {
        await rm(file, { force: true });
        sizes = [];
      }),
  };
}

/**
 * The command line's history (`--history FILE`): appended, never cut — the file is the user's audit
 * trail. Synchronous, like the journal, so that every record is written before the command exits.
 */
export function appendingHistory(file: string): { add(entry: HistoryEntry): void; close(): void } {
  const fd = openSync(file, 'a+', 0o600);
  // A line torn by an earlier crash is ended, so that the next entry is not glued to it.
  const { size } = fstatSync(fd);
  if (size > 0) {
    const last = Buffer.alloc(1);
    readSync(fd, last, 0, 1, size - 1);
    if (last[0] !== 0x0a) writeLine(fd, '');
  }
  return {
    add: (entry) => writeLine(fd, JSON.stringify(entry)),
    close: () => closeSync(fd),
  };
}

function writeLine(fd: number, text: string): void {
  const bytes = Buffer.from(`${text}\n`, 'utf8');
  for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written);
}

function readEntry(line: string): HistoryEntry | undefined {
  try {
    const value = JSON.parse(line) as Partial<HistoryEntry> | null;
    return typeof value?.id === 'string' && typeof value.at === 'string' && typeof value.method === 'string' && typeof value.url === 'string' ? (value as HistoryEntry) : undefined;
  } catch {
    return undefined;
  }
}

/** The file's last `bytes`, written to a new file that then replaces it. */
async function keepLast(file: string, bytes: number): Promise<void> {
  const handle = await open(file, 'r');
  let kept: Buffer;
  try {
    const { size } = await handle.stat();
    kept = Buffer.alloc(Math.min(bytes, size));
    await handle.read(kept, 0, kept.length, size - kept.length);
  } finally {
    await handle.close();
  }
  await replaceWith(file, kept);
}

async function replaceWith(file: string, content: readonly string[] | Buffer): Promise<void> {
  const next = `${file}.${process.pid}.new`;
  await writeFile(next, Array.isArray(content) ? content.map((line) => `${line}\n`).join('') : (content as Buffer), { mode: 0o600 });
  await rename(next, file);
}
