// A seed run's per-contact lists — the plan's rows, the run's results — one entry per contact, in
// the plan's order. The editor keeps them in memory, where its views read them. The command line
// keeps them in files of a temporary folder and only where each entry lies in memory (12 bytes a
// contact), so that a run of 100 000 contacts needs no more memory than one of 10 000.
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface SeedList<T> {
  /** One more than the last position set. */
  readonly length: number;
  /** The entry at `position`; undefined when none was set there. */
  at(position: number): T | undefined;
  /** Every entry, in position order (positions never set are skipped). */
  [Symbol.iterator](): Iterator<T>;
}

export interface SeedListStore<T> extends SeedList<T> {
  /** Sets the entry at `position`, a new one or one set before (the later wins). */
  set(position: number, value: T): void;
}

/** Makes the lists of one run: the planner's rows, then the sender's results. */
export type SeedLists = <T>() => SeedListStore<T>;

export const memoryLists: SeedLists = <T>(): SeedListStore<T> => {
  const entries: T[] = [];
  return {
    get length() {
      return entries.length;
    },
    at: (position: number) => entries[position],
    set(position: number, value: T) {
      entries[position] = value;
    },
    *[Symbol.iterator]() {
      for (let position = 0; position < entries.length; position++) if (position in entries) yield entries[position];
    },
  };
};

export interface FileLists {
  readonly lists: SeedLists;
  /** Closes the lists' files and removes their folder; a list read after this throws. */
  readonly dispose: () => void;
}

/**
 * Lists kept as JSON in files of a new folder under the system's temporary folder, each entry
 * appended when set and read back when asked for. They hold a plan's emails and file names (never a
 * token), readable by the user only, and are removed by dispose().
 */
export function fileLists(): FileLists {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'contact-payloads-seed-'));
  const descriptors: number[] = [];
  let disposed = false;
  const lists: SeedLists = <T>(): SeedListStore<T> => {
    if (disposed) throw new Error('The seed run\'s lists were disposed');
    const fd = openSync(path.join(folder, `list-${descriptors.length}.json`), 'w+', 0o600);
    descriptors.push(fd);
    let offsets = new Float64Array(1_024);
    // 0: never set (no entry is an empty text: JSON has at least one character).
    let sizes = new Uint32Array(1_024);
    let length = 0;
    let end = 0;
    const at = (position: number): T | undefined => {
      if (position < 0 || position >= length || sizes[position] === 0) return undefined;
      const bytes = Buffer.allocUnsafe(sizes[position]);
      for (let read = 0; read < bytes.length; ) read += readSync(fd, bytes, read, bytes.length - read, offsets[position] + read);
      return JSON.parse(bytes.toString('utf8')) as T;
    };
    return {
      get length() {
        return length;
      },
      at,
      set(position: number, value: T) {
        if (position >= offsets.length) {
          const capacity = Math.max(position + 1, offsets.length * 2);
          offsets = grown(offsets, new Float64Array(capacity));
          sizes = grown(sizes, new Uint32Array(capacity));
        }
        const bytes = Buffer.from(JSON.stringify(value), 'utf8');
        for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written, bytes.length - written, end + written);
        offsets[position] = end;
        sizes[position] = bytes.length;
        end += bytes.length;
        length = Math.max(length, position + 1);
      },
      *[Symbol.iterator]() {
        for (let position = 0; position < length; position++) {
          const entry = at(position);
          if (entry !== undefined) yield entry;
        }
      },
    };
  };
  return {
    lists,
    dispose: () => {
      if (disposed) return;
      disposed = true;
      for (const fd of descriptors) closeSync(fd);
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

function grown<A extends Float64Array<ArrayBuffer> | Uint32Array<ArrayBuffer>>(from: A, to: A): A {
  to.set(from);
  return to;
}
