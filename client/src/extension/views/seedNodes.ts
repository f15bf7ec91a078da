// What the Seed Plan view shows, as plain nodes: the plan (counts, the account, each contact under
// what it needs, an update's changes, a blocked contact's problems) and, after the run, its report
// (each contact under its outcome, HubSpot's message for a failure). Plain nodes, so unit tests read
// the view's text directly (vscode is only for l10n.t, which the unit tests' stand-in provides);
// seedView.ts turns the nodes into TreeItems. Children are built only when a group is opened: a set
// of 100 000 contacts costs nodes for the groups looked at.
import * as vscode from 'vscode';
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

// The group names are looked up when the nodes are made, not when the module loads.
const PLAN_GROUPS: readonly { readonly action: PlanAction; readonly label: () => string; readonly icon: string }[] = [
  { action: 'create', label: () => vscode.l10n.t('To create'), icon: 'add' },
  { action: 'update', label: () => vscode.l10n.t('To update'), icon: 'edit' },
  { action: 'unchanged', label: () => vscode.l10n.t('Unchanged'), icon: 'check' },
  { action: 'blocked', label: () => vscode.l10n.t('Blocked'), icon: 'error' },
  { action: 'uncertain', label: () => vscode.l10n.t('May already exist'), icon: 'question' },
];

const REPORT_GROUPS: readonly { readonly outcome: SeedOutcome; readonly label: () => string; readonly icon: string }[] = [
  { outcome: 'created', label: () => vscode.l10n.t('Created'), icon: 'add' },
  { outcome: 'updated', label: () => vscode.l10n.t('Updated'), icon: 'edit' },
  { outcome: 'unchanged', label: () => vscode.l10n.t('Unchanged'), icon: 'check' },
  { outcome: 'failed', label: () => vscode.l10n.t('Failed'), icon: 'error' },
  { outcome: 'blocked', label: () => vscode.l10n.t('Blocked'), icon: 'circle-slash' },
  { outcome: 'uncertain', label: () => vscode.l10n.t('May have been created'), icon: 'question' },
  { outcome: 'notSent', label: () => vscode.l10n.t('Not sent'), icon: 'debug-pause' },
];

/** "3 to create, 1 to update, 4 unchanged, 1 blocked — 9 contacts in 4 files": the line above the plan. */
export function planSummary(plan: SeedPlan): string {
  const { counts } = plan;
  const contacts = plural(plan.rows.length, 'contact', 'contacts');
  const files = plural(plan.files, 'file', 'files');
  return counts.uncertain > 0
    ? vscode.l10n.t('{0} to create, {1} to update, {2} unchanged, {3} blocked, {4} may already exist — {5} in {6}', counts.create, counts.update, counts.unchanged, counts.blocked, counts.uncertain, contacts, files)
    : vscode.l10n.t('{0} to create, {1} to update, {2} unchanged, {3} blocked — {4} in {5}', counts.create, counts.update, counts.unchanged, counts.blocked, contacts, files);
}

/**
 * "3 created, 1 updated, 4 unchanged, 1 failed" (and what stopped short), for the view and the notification.
 * A list of counts, three of them only when not 0: each count is its own message, joined by commas.
 */
export function reportSummary(report: SeedReport): string {
  const { counts } = report;
  const parts = [vscode.l10n.t('{0} created', counts.created), vscode.l10n.t('{0} updated', counts.updated), vscode.l10n.t('{0} unchanged', counts.unchanged), vscode.l10n.t('{0} failed', counts.failed)];
  if (counts.blocked > 0) parts.push(vscode.l10n.t('{0} blocked', counts.blocked));
  if (counts.uncertain > 0) parts.push(vscode.l10n.t('{0} may have been created', counts.uncertain));
  if (counts.notSent > 0) parts.push(vscode.l10n.t('{0} not sent', counts.notSent));
  return parts.join(', ');
}

export function planNodes(plan: SeedPlan, name: FileName, saveIds: boolean): SeedNode[] {
  const byAction = new Map<PlanAction, PlanRow[]>(PLAN_GROUPS.map(({ action }) => [action, []]));
  for (const row of plan.rows) byAction.get(row.action)?.push(row);
  const nodes: SeedNode[] = [
    accountNode(plan.account),
    {
      label: vscode.l10n.t('Save ids into files'),
      tooltip: vscode.l10n.t('After the run, write the id HubSpot gave each contact into its file (as Save Id to File does).'),
      saveIdsCheckbox: saveIds,
    },
  ];
  for (const { action, label, icon } of PLAN_GROUPS) nodes.push(groupNode(label(), icon, byAction.get(action) ?? [], (row) => planRowNode(row, name)));
  if (plan.fileProblems.length > 0) nodes.push(groupNode(vscode.l10n.t('Files not sent'), 'warning', plan.fileProblems, (problem) => fileProblemNode(problem, name)));
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
      label: vscode.l10n.t('{0} in {1}', plural(report.requests, 'request', 'requests'), runDuration(report.elapsedMs)),
      description: report.rateLimited > 0 ? vscode.l10n.t('{0} answered 429', report.rateLimited) : undefined,
      tooltip: vscode.l10n.t('Journal: {0}', report.journalPath),
      icon: 'pulse',
    },
  ];
  if (report.stopped) nodes.push({ label: vscode.l10n.t('Stopped'), description: report.stopped.message, tooltip: report.stopped.message, icon: 'warning' });
  for (const { outcome, label, icon } of REPORT_GROUPS) nodes.push(groupNode(label(), icon, byOutcome.get(outcome) ?? [], ({ result, row }) => resultNode(result, row, name)));
  if (plan.fileProblems.length > 0) nodes.push(groupNode(vscode.l10n.t('Files not sent'), 'warning', plan.fileProblems, (problem) => fileProblemNode(problem, name)));
  return nodes;
}

function accountNode(account: SeedAccount): SeedNode {
  return { label: accountLabel(account), description: vscode.l10n.t('CRM objects {0}', account.apiVersion), tooltip: vscode.l10n.t('Every contact of this set goes to {0}.', accountLabel(account)), icon: 'account' };
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
    ...row.changes.map((change) => ({ label: vscode.l10n.t('{0}: {1} → {2}', change.property, shown(change.old), shown(change.new)) })),
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
  const children: SeedNode[] = result.rejected.map((rejected) => ({ label: vscode.l10n.t('{0}: {1}', rejected.name, rejected.message), description: rejected.error, place: result }));
  return {
    label: row ? who(row) : vscode.l10n.t('contact {0}', result.index + 1),
    description: resultPlace(where(result, name), result.id, result.message),
    tooltip: result.message,
    place: result,
    children: children.length === 0 ? undefined : () => children,
    expanded: children.length > 0,
  };
}

/** "seed/team.contacts.json:3 · id 7 — HubSpot's message": where the contact is, its id, what HubSpot said. */
function resultPlace(place: string, id: string | undefined, message: string | undefined): string {
  if (id === undefined) return message === undefined ? place : vscode.l10n.t('{0} — {1}', place, message);
  return message === undefined ? vscode.l10n.t('{0} · id {1}', place, id) : vscode.l10n.t('{0} · id {1} — {2}', place, id, message);
}

function fileProblemNode(problem: FileProblem, name: FileName): SeedNode {
  const children = problem.problems.map((error) => problemNode(error, problem.file));
  return {
    label: name(problem.file),
    description:
      problem.unreadable === undefined
        ? vscode.l10n.t('{0}: no contact of this file is sent', plural(problem.problems.length, 'error', 'errors'))
        : vscode.l10n.t('not read: {0}', problem.unreadable),
    place: { file: problem.file, line: 0, character: 0 },
    children: children.length === 0 ? undefined : () => children,
    expanded: children.length > 0 && children.length <= OPEN_UP_TO,
  };
}

function problemNode(problem: SeedProblem, file: string): SeedNode {
  return { label: problem.message, description: `${problem.line + 1}:${problem.character + 1}`, tooltip: problem.code, place: { file, line: problem.line, character: problem.character } };
}

function who(row: PlanRow): string {
  return row.email ?? (row.id !== undefined ? vscode.l10n.t('id {0}', row.id) : vscode.l10n.t('contact {0}', row.index + 1));
}

function where(place: SeedPlace, name: FileName): string {
  return `${name(place.file)}:${place.line + 1}`;
}

function shown(value: string | null): string {
  return value === null ? vscode.l10n.t('(empty)') : JSON.stringify(value);
}


/** The same children on every call: VS Code tells a tree's elements apart by identity. */
function once<T>(make: () => T): () => T {
  let made: { readonly value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}
