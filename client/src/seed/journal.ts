// A seed run's journal: JSON lines, appended, each written through to the file before the runner
// moves on, so that a run cut off at any point (Ctrl+C, a crash, SIGKILL) leaves every record it
// wrote. fsync is not needed: what write() returned survives the process; only the machine's own
// crash could lose it. The next run reads it to know which contacts an earlier run created (their
// ids) and which creates went out without an answer (they may exist: sending them again could make
// a second contact).
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { readLines } from './journalLines';
import { readRecord, type JournalAccount, type JournalRecord, type JournalState } from './journalRecord';
import { foldJournal } from './journalState';

export type { JournalAccount, JournalRecord, JournalState, OutcomeRecord } from './journalRecord';

export interface Journal {
  readonly path: string;
  /** What was on disk when opened (this account's runs only); records written since do not change it. */
  readonly state: JournalState;
  /** Lines that held no record (a torn last line, an edit, a later version's record): skipped. */
  readonly skippedLines: number;
  /** Appends one line, written through before it returns; throws only an Error that names the journal. */
  record(record: JournalRecord): void;
  close(): void;
}

/** Opens (creating it and its folders if need be) and reads the journal at `file`. */
export function openJournal(file: string, account: JournalAccount): Journal {
  const fd = attempt(file, 'opened', () => {
    mkdirSync(path.dirname(file), { recursive: true });
    return openSync(file, 'a+');
  });
  const fold = foldJournal(account);
  let skippedLines = 0;
  try {
    const { tornEnd } = attempt(file, 'read', () =>
      readLines(fd, (line) => {
        if (line === '') return;
        const record = readRecord(line);
        if (record === undefined) skippedLines++;
        else fold.add(record);
      }),
    );
    // A crash mid-write left a line without its end: end it, or the next record would be glued to it and lost too.
    if (tornEnd) attempt(file, 'written', () => writeFully(fd, '\n'));
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  let open = true;
  return {
    path: file,
    state: fold.state,
    skippedLines,
    record(record) {
      if (!open) throw new Error(`The run journal ${file} was closed before this record: ${JSON.stringify(record.type)}`);
      attempt(file, 'written', () => writeFully(fd, `${JSON.stringify(record)}\n`));
    },
    close() {
      if (!open) return;
      open = false;
      attempt(file, 'closed', () => closeSync(fd));
    },
  };
}

/** `stateFolder/seed-runs/<hash>.jsonl`: one journal per account and set of seed folders, the same on every run. */
export function defaultJournalPath(stateFolder: string, account: JournalAccount, roots: readonly string[]): string {
  const identity = JSON.stringify([account.origin, account.portalId ?? null, [...roots].sort()]);
  const hash = createHash('sha256').update(identity).digest('hex').slice(0, 16);
  return path.join(stateFolder, 'seed-runs', `${hash}.jsonl`);
}

/** One record is one write() when the kernel takes it whole, as it does for a file; a short write is continued. */
function writeFully(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written);
}

function attempt<T>(file: string, done: string, action: () => T): T {
  try {
    return action();
  } catch (error) {
    throw new Error(`The run journal ${file} could not be ${done}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
