// What the Seed Plan view shows, as plain nodes: the plan (counts, the account, each contact under
// what it needs, an update's changes, a blocked contact's problems) and, after the run, its report
// (each contact under its outcome, HubSpot's message for a failure). No vscode import, so unit tests
// read the view's text directly; seedView.ts turns the nodes into TreeItems. Children are built only
// when a group is opened: a set of 100 000 contacts costs nodes for the groups looked at.
import { plural } from '../../hubspot/format';
import { accountLabel, type SeedAccount } from '../../seed/seedAccount';
import type { PlanAction } from '../../seed/plan';
import type { SeedOutcome, SeedReport, SeedResult } from '../../seed/seedOutcome';
import type { FileProblem, PlanRow, SeedPlan } from '../../seed/seedPlanning';
import type { SeedProblem } from '../../../../server/src/service/seedContact';
import { runDuration } from '../../seed/seedWording';

/** A place in a file (0-based, as LSP counts) a node opens when clicked. */
export interface SeedPlace {
  readonly file: string;
  readonly line: number;
  readonly character: number;
}

export interface SeedNode {
  readonly label: string;
  readonly description?: string | undefined;
  readonly tooltip?: string | undefined;
  /** A codicon id. */
  readonly icon?: string | undefined;
  readonly place?: SeedPlace | undefined;
  readonly children?: (() => SeedNode[]) | undefined;
  readonly expanded?: boolean | undefined;
  /** The "Save ids into files" checkbox. */
  readonly saveIdsCheckbox?: boolean | undefined;
}

/** How the view names a file: relative to the workspace. */
export type FileName = (file: string) => string;

/** Groups this small open by themselves; larger ones wait to be opened. */
const OPEN_UP_TO = 20;

const PLAN_GROUPS: readonly { readonly action: PlanAction; readonly label: string; readonly icon: string }[] = [
  { action: 'create', label: 'To create', icon: 'add' },
  { action: 'update', label: 'To update', icon: 'edit' },
  { action: 'unchanged', label: 'Unchanged', icon: 'check' },
  { action: 'blocked', label: 'Blocked', icon: 'error' },
  { action: 'uncertain', label: 'May already exist', icon: 'question' },
];

const REPORT_GROUPS: readonly { readonly outcome: SeedOutcome; readonly label: string; readonly icon: string }[] = [
  { outcome: 'created', label: 'Created', icon: 'add' },
  { outcome: 'updated', label: 'Updated', icon: 'edit' },
  { outcome: 'unchanged', label: 'Unchanged', icon: 'check' },
  { outcome: 'failed', label: 'Failed', icon: 'error' },
  { outcome: 'blocked', label: 'Blocked', icon: 'circle-slash' },
  { outcome: 'uncertain', label: 'May have been created', icon: 'question' },
  { outcome: 'notSent', label: 'Not sent', icon: 'debug-pause' },
];

/** "3 to create, 1 to update, 4 unchanged, 1 blocked — 9 contacts in 4 files": the line above the plan. */
export function planSummary(plan: SeedPlan): string {
  const { counts } = plan;
  const parts = [`${counts.create} to create`, `${counts.update} to update`, `${counts.unchanged} unchanged`, `${counts.blocked} blocked`];
  if (counts.uncertain > 0) parts.push(`${counts.uncertain} may already exist`);
  return `${parts.join(', ')} — ${plural(plan.rows.length, 'contact', 'contacts')} in ${plural(plan.files, 'file', 'files')}`;
}

/** "3 created, 1 updated, 4 unchanged, 1 failed" (and what stopped short), for the view and the notification. */
export function reportSummary(report: SeedReport): string {
  const { counts } = report;
  const parts = [`${counts.created} created`, `${counts.updated} updated`, `${counts.unchanged} unchanged`, `${counts.failed} failed`];
  if (counts.blocked > 0) parts.push(`${counts.blocked} blocked`);
  if (counts.uncertain > 0) parts.push(`${counts.uncertain} may have been created`);
  if (counts.notSent > 0) parts.push(`${counts.notSent} not sent`);
  return parts.join(', ');
}

export function planNodes(plan: SeedPlan, name: FileName, saveIds: boolean): SeedNode[] {
  const byAction = new Map<PlanAction, PlanRow[]>(PLAN_GROUPS.map(({ action }) => [action, []]));
  for (const row of plan.rows) byAction.get(row.action)?.push(row);
  const nodes: SeedNode[] = [accountNode(plan.account), { label: 'Save ids into files', tooltip: 'After the run, write the id HubSpot gave each contact into its file (as Save Id to File does).', saveIdsCheckbox: saveIds }];
  for (const { action, label, icon } of PLAN_GROUPS) nodes.push(groupNode(label, icon, byAction.get(action) ?? [], (row) => planRowNode(row, name)));
  if (plan.fileProblems.length > 0) nodes.push(groupNode('Files not sent', 'warning', plan.fileProblems, (problem) => fileProblemNode(problem, name)));
  return nodes;
}

export function reportNodes(plan: SeedPlan, report: SeedReport, name: FileName): SeedNode[] {
  // The results are in the plan's order, one per row.
  const byOutcome = new Map<SeedOutcome, { result: SeedResult; row: PlanRow | undefined }[]>(REPORT_GROUPS.map(({ outcome }) => [outcome, []]));
  for (let position = 0; position < report.results.length; position++) {
    const result = report.results.at(position)!;
    byOutcome.get(result.outcome)?.push({ result, row: plan.rows.at(position) });
  }
  const nodes: SeedNode[] = [
    accountNode(report.account),
    {
      label: `${plural(report.requests, 'request', 'requests')} in ${runDuration(report.elapsedMs)}`,
      description: report.rateLimited > 0 ? `${report.rateLimited} answered 429` : undefined,
      tooltip: `Journal: ${report.journalPath}`,
      icon: 'pulse',
    },
  ];
  if (report.stopped) nodes.push({ label: 'Stopped', description: report.stopped.message, tooltip: report.stopped.message, icon: 'warning' });
  for (const { outcome, label, icon } of REPORT_GROUPS) nodes.push(groupNode(label, icon, byOutcome.get(outcome) ?? [], ({ result, row }) => resultNode(result, row, name)));
  if (plan.fileProblems.length > 0) nodes.push(groupNode('Files not sent', 'warning', plan.fileProblems, (problem) => fileProblemNode(problem, name)));
  return nodes;
}

function accountNode(account: SeedAccount): SeedNode {
  return { label: accountLabel(account), description: `CRM objects ${account.apiVersion}`, tooltip: `Every contact of this set goes to ${accountLabel(account)}.`, icon: 'account' };
}

function groupNode<T>(label: string, icon: string, items: readonly T[], node: (item: T) => SeedNode): SeedNode {
  return {
    label,
    description: String(items.length),
    icon,
    children: items.length === 0 ? undefined : once(() => items.map(node)),
    expanded: items.length > 0 && items.length <= OPEN_UP_TO,
  };
}

/** An update's changes (the plan keeps none for a create) and a held-back contact's problems are its children. */
function planRowNode(row: PlanRow, name: FileName): SeedNode {
  const children: SeedNode[] = [
    ...row.changes.map((change) => ({ label: `${change.property}: ${shown(change.old)} → ${shown(change.new)}` })),
    ...row.problems.map((problem) => problemNode(problem, row.file)),
  ];
  return {
    label: who(row),
    description: where(row, name),
    tooltip: row.note,
    place: row,
    children: children.length === 0 ? undefined : () => children,
    expanded: children.length > 0 && children.length <= OPEN_UP_TO,
  };
}

function resultNode(result: SeedResult, row: PlanRow | undefined, name: FileName): SeedNode {
  const children: SeedNode[] = result.rejected.map((rejected) => ({ label: `${rejected.name}: ${rejected.message}`, description: rejected.error, place: result }));
  const id = result.id === undefined ? '' : ` · id ${result.id}`;
  return {
    label: row ? who(row) : `contact ${result.index + 1}`,
    description: `${where(result, name)}${id}${result.message === undefined ? '' : ` — ${result.message}`}`,
    tooltip: result.message,
    place: result,
    children: children.length === 0 ? undefined : () => children,
    expanded: children.length > 0,
  };
}

function fileProblemNode(problem: FileProblem, name: FileName): SeedNode {
  const children = problem.problems.map((error) => problemNode(error, problem.file));
  return {
    label: name(problem.file),
    description: problem.unreadable === undefined ? `${plural(problem.problems.length, 'error', 'errors')}: no contact of this file is sent` : `not read: ${problem.unreadable}`,
    place: { file: problem.file, line: 0, character: 0 },
    children: children.length === 0 ? undefined : () => children,
    expanded: children.length > 0 && children.length <= OPEN_UP_TO,
  };
}

function problemNode(problem: SeedProblem, file: string): SeedNode {
  return { label: problem.message, description: `${problem.line + 1}:${problem.character + 1}`, tooltip: problem.code, place: { file, line: problem.line, character: problem.character } };
}

function who(row: PlanRow): string {
  return row.email ?? (row.id !== undefined ? `id ${row.id}` : `contact ${row.index + 1}`);
}

function where(place: SeedPlace, name: FileName): string {
  return `${name(place.file)}:${place.line + 1}`;
}

function shown(value: string | null): string {
  return value === null ? '(empty)' : JSON.stringify(value);
}


/** The same children on every call: VS Code tells a tree's elements apart by identity. */
function once<T>(make: () => T): () => T {
  let made: { readonly value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}
