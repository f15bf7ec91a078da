// How `seed` prints a plan and a run: text for people (counts first, then each contact that needs
// attention, with its file and line), or with --json one document on standard output.
import type { SeedProblem } from '../../../server/src/service';
import type { SeedPlan, PlanRow } from '../seed/seedPlanning';
import type { SeedReport, SeedResult } from '../seed/seedOutcome';
import { accountLabel } from '../seed/seedAccount';
import { runDuration } from '../seed/seedWording';
import { plural } from '../hubspot/format';
import { displayPath } from './commandLine';
import { printable, printablePath } from './printable';
import type { Terminal } from './terminal';

export function planCountsLine(plan: SeedPlan): string {
  const { counts } = plan;
  const parts = [`${counts.create} to create`, `${counts.update} to update`, `${counts.unchanged} unchanged`, `${counts.blocked} blocked`];
  if (counts.uncertain > 0) parts.push(`${counts.uncertain} that may already exist`);
  return `Plan for ${accountLabel(plan.account)} (CRM objects ${plan.account.apiVersion}): ${parts.join(', ')} — ${plural(plan.rows.length, 'contact', 'contacts')} in ${plural(plan.files, 'file', 'files')}.`;
}

/** One line per contact the plan does something with or holds back; `all` lists creates and unchanged ones too. */
export function planLines(plan: SeedPlan, cwd: string, all: boolean): string[] {
  const lines: string[] = [];
  for (const problem of plan.fileProblems) {
    const where = printablePath(displayPath(problem.file, cwd));
    if (problem.unreadable !== undefined) lines.push(`${where}: not read: ${problem.unreadable}`);
    for (const error of problem.problems) lines.push(`${where}:${error.line + 1}:${error.character + 1}: ${printable(error.message)} (no contact of this file is sent)`);
  }
  for (const row of plan.rows) {
    if (!all && (row.action === 'create' || row.action === 'unchanged')) continue;
    lines.push(`${where(row, cwd)}  ${row.action.padEnd(9)} ${who(row)}${row.note ? ` — ${printable(row.note)}` : ''}`);
    for (const change of row.changes) lines.push(`    ${change.property}: ${shown(change.old)} → ${shown(change.new)}`);
    for (const problem of row.problems) lines.push(`    ${problem.line + 1}:${problem.character + 1} ${printable(problem.message)}`);
  }
  return lines;
}

export function reportLines(report: SeedReport, cwd: string): string[] {
  const lines: string[] = [];
  for (const result of report.results) {
    if (result.outcome !== 'failed' && result.outcome !== 'uncertain' && result.outcome !== 'notSent') continue;
    lines.push(`${where(result, cwd)}  ${result.outcome.padEnd(9)} ${result.message ? printable(result.message) : ''}`);
    for (const rejected of result.rejected) lines.push(`    ${rejected.name}: ${printable(rejected.message)}`);
  }
  const { counts } = report;
  lines.push(
    `Sent to ${accountLabel(report.account)}: ${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged, ${counts.failed} failed, ${counts.blocked} blocked` +
      `${counts.uncertain > 0 ? `, ${counts.uncertain} may have been created` : ''}${counts.notSent > 0 ? `, ${counts.notSent} not sent` : ''}` +
      ` — ${plural(report.requests, 'request', 'requests')}${report.rateLimited > 0 ? ` (${report.rateLimited} answered 429)` : ''} in ${runDuration(report.elapsedMs)}.`,
  );
  if (report.stopped) lines.push(`Stopped: ${report.stopped.message}`);
  lines.push(`Journal: ${report.journalPath}`);
  return lines;
}

/** A JSON document too large to build as one string: its members, then its contacts one per line. */
export interface JsonDocument {
  readonly head: Readonly<Record<string, unknown>>;
  readonly contacts: Iterable<unknown>;
}

/** How many contacts are written between two waits for standard output to take them. */
const CONTACTS_BETWEEN_DRAINS = 200;

/**
 * Writes the document as one JSON value, `contacts` last, one contact per line: a run of 100 000
 * contacts is never held as a single string, nor queued whole for a slow reader.
 */
export async function writeJsonDocument(terminal: Pick<Terminal, 'out' | 'drained'>, { head, contacts }: JsonDocument): Promise<void> {
  const { out } = terminal;
  out('{');
  for (const [key, value] of Object.entries(head)) out(`  ${JSON.stringify(key)}: ${JSON.stringify(value)},`);
  out('  "contacts": [');
  let previous: string | undefined;
  let written = 0;
  for (const contact of contacts) {
    if (previous !== undefined) out(`    ${previous},`);
    previous = JSON.stringify(contact);
    if (++written % CONTACTS_BETWEEN_DRAINS === 0) await terminal.drained();
  }
  if (previous !== undefined) out(`    ${previous}`);
  out('  ]');
  out('}');
}

export function planJson(plan: SeedPlan, cwd: string, journalPath: string): JsonDocument {
  return {
    head: {
      account: plan.account,
      journal: journalPath,
      plan: { counts: plan.counts, files: plan.files, fileProblems: plan.fileProblems.map((problem) => ({ ...problem, file: displayPath(problem.file, cwd), problems: problem.problems.map(fromOne) })) },
    },
    contacts: (function* () {
      for (const row of plan.rows) {
        yield {
          file: displayPath(row.file, cwd), line: row.line + 1, index: row.index, email: row.email, action: row.action, route: row.route, id: row.id,
          changes: row.changes, problems: row.problems.map(fromOne), note: row.note,
        };
      }
    })(),
  };
}

/** The run's results; `report.results` are in the plan's order, one per row. */
export function reportJson(plan: SeedPlan, report: SeedReport, cwd: string, sendElapsedMs: number, planElapsedMs: number): JsonDocument {
  return {
    head: {
      account: report.account,
      journal: report.journalPath,
      plan: { counts: plan.counts, files: plan.files, elapsedMs: planElapsedMs },
      run: { counts: report.counts, requests: report.requests, rateLimited: report.rateLimited, elapsedMs: planElapsedMs + sendElapsedMs, sendElapsedMs, stopped: report.stopped },
    },
    contacts: (function* () {
      for (let position = 0; position < report.results.length; position++) {
        const result = report.results.at(position)!;
        const row = plan.rows.at(position);
        yield {
          file: displayPath(result.file, cwd), line: result.line + 1, index: result.index, email: row?.email, action: row?.action,
          outcome: result.outcome, id: result.id, message: result.message, rejected: result.rejected.length > 0 ? result.rejected : undefined,
        };
      }
    })(),
  };
}

/** Lines and columns from 1 in what is printed, as `check` prints them. */
function fromOne(problem: SeedProblem): SeedProblem {
  return { ...problem, line: problem.line + 1, character: problem.character + 1 };
}

function where(row: PlanRow | SeedResult, cwd: string): string {
  return `${printablePath(displayPath(row.file, cwd))}:${row.line + 1}`;
}

function who(row: PlanRow): string {
  return row.email !== undefined ? printable(row.email) : row.id !== undefined ? `id ${row.id}` : `contact ${row.index + 1}`;
}

function shown(value: string | null): string {
  return value === null ? '(empty)' : printable(JSON.stringify(value));
}
