// A plan saved to a file (`seed --dry-run --save-plan FILE`) and sent later as it was reviewed
// (`seed --plan FILE`): in CI, one step plans and keeps the plan for people to read, a later one
// sends exactly it, without reading the portal again. JSON lines: a head (the account, the set's
// roots and files, the counts), then one row per contact, so a plan of 100 000 contacts is never one
// string. The rows carry their contact's fingerprint: a file edited since is not sent, as in one run.
import { closeSync, openSync, writeSync } from 'node:fs';
import { readLines } from './journalLines';
import type { SeedAccount } from './seedAccount';
import type { SeedLists } from './seedList';
import type { PlanRow, SeedPlan } from './seedPlanning';

const FORMAT = 'contact-payloads seed plan';
const VERSION = 1;

export interface SavedPlan {
  readonly plan: SeedPlan;
  /** The folders and globs the set was found from, as absolute paths: the journal is named after them. */
  readonly roots: readonly string[];
  /** The set's files in the order they were planned: sending reads them again. */
  readonly files: readonly string[];
}

interface PlanHead {
  readonly format: typeof FORMAT;
  readonly version: number;
  readonly account: SeedAccount;
  readonly roots: readonly string[];
  readonly files: readonly string[];
  readonly counts: SeedPlan['counts'];
  readonly fileProblems: SeedPlan['fileProblems'];
}

/** Thrown when a plan file cannot be read as one: the message says why and names the file. */
export class PlanFileError extends Error {
  override readonly name = 'PlanFileError';
}

export function writePlanFile(file: string, { plan, roots, files }: SavedPlan): void {
  const fd = openSync(file, 'w', 0o600);
  try {
    const head: PlanHead = { format: FORMAT, version: VERSION, account: plan.account, roots, files, counts: plan.counts, fileProblems: plan.fileProblems };
    writeLine(fd, head);
    for (const row of plan.rows) writeLine(fd, row);
  } finally {
    closeSync(fd);
  }
}

export function readPlanFile(file: string, lists: SeedLists): SavedPlan {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    throw new PlanFileError(`The plan ${file} could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    let head: PlanHead | undefined;
    const rows = lists<PlanRow>();
    let lineNumber = 0;
    // The first line that is not what it should be; reported after the read, once it is known whether it was a torn last line.
    let failure: PlanFileError | undefined;
    const { tornEnd } = readLines(fd, (line) => {
      lineNumber++;
      if (line === '' || failure !== undefined) return;
      try {
        const value = parsed(line, file, lineNumber);
        if (head === undefined) head = planHead(value, file);
        else rows.set(rows.length, planRow(value, file, lineNumber));
      } catch (error) {
        if (!(error instanceof PlanFileError)) throw error;
        failure = error;
      }
    });
    if (tornEnd) throw new PlanFileError(`${file} ends in the middle of a line: it was cut off while it was written; plan again.`);
    if (failure !== undefined) throw failure;
    if (head === undefined) throw new PlanFileError(`${file} is empty: it is not a seed plan.`);
    const plan: SeedPlan = { account: head.account, rows, counts: head.counts, fileProblems: head.fileProblems, files: head.files.length };
    return { plan, roots: head.roots, files: head.files };
  } finally {
    closeSync(fd);
  }
}

function writeLine(fd: number, value: unknown): void {
  const bytes = Buffer.from(`${JSON.stringify(value)}\n`, 'utf8');
  for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written);
}

function parsed(line: string, file: string, lineNumber: number): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw new PlanFileError(`${file}:${lineNumber} is not JSON: it is not a seed plan (or it was edited).`);
  }
}

function planHead(value: unknown, file: string): PlanHead {
  const head = value as Partial<PlanHead> | null;
  if (head?.format !== FORMAT) throw new PlanFileError(`${file} is not a seed plan: make one with seed --dry-run --save-plan ${file}.`);
  if (head.version !== VERSION) throw new PlanFileError(`${file} is a seed plan of version ${String(head.version)}, which this version of contact-payloads does not read: plan again.`);
  const account = head.account;
  if (typeof account?.origin !== 'string' || typeof account.apiVersion !== 'string' || !isStringList(head.roots) || !isStringList(head.files) || typeof head.counts !== 'object' || !Array.isArray(head.fileProblems)) {
    throw new PlanFileError(`${file}: its first line is not a whole seed plan head (was it edited?): plan again.`);
  }
  return head as PlanHead;
}

function planRow(value: unknown, file: string, lineNumber: number): PlanRow {
  const row = value as Partial<PlanRow> | null;
  if (typeof row?.file !== 'string' || typeof row.index !== 'number' || typeof row.line !== 'number' || typeof row.action !== 'string' || typeof row.fingerprint !== 'string') {
    throw new PlanFileError(`${file}:${lineNumber} is not a plan row (was it edited?): plan again.`);
  }
  // JSON leaves out what is undefined; the lists a row always has come back empty.
  return { ...row, changes: row.changes ?? [], problems: row.problems ?? [] } as PlanRow;
}

function isStringList(value: unknown): value is readonly string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** Whether a saved plan may be sent to `account`: the same origin, portal and API version it was planned against. */
export function planAccountProblem(saved: SeedAccount, account: SeedAccount): string | undefined {
  if (saved.origin === account.origin && saved.portalId === account.portalId && saved.apiVersion === account.apiVersion) return undefined;
  const label = (of: SeedAccount) => `${of.origin} portal ${of.portalId ?? 'unknown'} (CRM objects ${of.apiVersion})`;
  return `the plan was made for ${label(saved)}, not ${label(account)}: plan again against this account.`;
}
