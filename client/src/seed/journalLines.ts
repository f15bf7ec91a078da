// Reads a file's lines through an open descriptor a chunk at a time, so that a journal of 100 000
// records costs one line in memory at a time rather than the whole file as one string. Synchronous,
// as opening a journal is: the runner plans nothing before it knows what earlier runs did.
import { readSync } from 'node:fs';

const CHUNK_BYTES = 1 << 16;
const NEWLINE = 0x0a;

export interface LinesRead {
  /** Whether the last line ended without its newline: a write cut off by a crash. */
  readonly tornEnd: boolean;
}

/** Calls `onLine` for every line, the last one too when it has no newline. Empty lines included. */
export function readLines(fd: number, onLine: (line: string) => void): LinesRead {
  const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  let pending: Buffer[] = [];
  let position = 0;
  for (;;) {
    const bytes = readSync(fd, chunk, 0, CHUNK_BYTES, position);
    if (bytes === 0) break;
    position += bytes;
    const data = chunk.subarray(0, bytes);
    let start = 0;
    // A newline byte never occurs inside a multi-byte UTF-8 character, so splitting bytes on it is safe.
    for (let end = data.indexOf(NEWLINE); end !== -1; end = data.indexOf(NEWLINE, start)) {
      onLine(pending.length === 0 ? data.toString('utf8', start, end) : Buffer.concat([...pending, data.subarray(start, end)]).toString('utf8'));
      pending = [];
      start = end + 1;
    }
    // Copied: the next read overwrites the chunk.
    if (start < bytes) pending.push(Buffer.from(data.subarray(start)));
  }
  if (pending.length > 0) onLine(Buffer.concat(pending).toString('utf8'));
  return { tornEnd: pending.length > 0 };
}
