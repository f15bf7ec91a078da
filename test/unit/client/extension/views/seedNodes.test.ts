// What the Seed Plan view shows for a plan and for a run's report: the account and the checkbox at
// the top, every contact under what it needs or what it came to, with its file and line, an update's
// changes and a blocked contact's problems as its children, HubSpot's rejections under a failure.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SeedAccount } from '../../../../../client/src/seed/seedAccount';
import type { SeedReport, SeedResult } from '../../../../../client/src/seed/seedOutcome';
import type { PlanRow, SeedPlan } from '../../../../../client/src/seed/seedPlanning';
import type { SeedNode } from '../../../../../client/src/extension/views/seedNodes';
import { runDuration, sendingProgress } from '../../../../../client/src/seed/seedWording';
import '../../../support/vscodeStub';

// Loaded after the stub is in place: the module imports vscode (for l10n.t).
const seedNodes = () => import('../../../../../client/src/extension/views/seedNodes');

const ACCOUNT: SeedAccount = { origin: 'https://api.hubapi.com', portalId: 62515, apiVersion: '2026-09' };
const name = (file: string) => file.replace('file:///work/', '');

function row(fields: Partial<PlanRow> & Pick<PlanRow, 'action' | 'file' | 'line'>): PlanRow {
  return { index: 0, character: 0, email: undefined, route: undefined, id: undefined, changes: [], problems: [], note: undefined, fingerprint: 'f', ...fields };
}

const PLAN: SeedPlan = {
  account: ACCOUNT,
  files: 3,
  rows: [
    row({ action: 'create', file: 'file:///work/seed/ada.contact.json', line: 0, email: 'ada@example.com', route: 'upsert' }),
    row({ action: 'update', file: 'file:///work/seed/team.contacts.json', line: 2, index: 0, email: 'lin@example.com', route: 'upsert', id: '7', changes: [{ property: 'firstname', old: 'Lin', new: 'Linda' }, { property: 'phone', old: null, new: '+1 555' }] }),
    row({ action: 'unchanged', file: 'file:///work/seed/team.contacts.json', line: 3, index: 1, email: 'alan@example.com', id: '8' }),
    row({ action: 'blocked', file: 'file:///work/seed/broken.contact.json', line: 0, problems: [{ line: 2, character: 34, code: 'invalid-email', message: '"nope" is not a valid email address' }] }),
  ],
  counts: { create: 1, update: 1, unchanged: 1, blocked: 1, uncertain: 0 },
  fileProblems: [{ file: 'file:///work/seed/bad.contacts.json', problems: [], unreadable: 'it is not JSON' }],
};

function group(nodes: readonly SeedNode[], label: string): SeedNode {
  const found = nodes.find((node) => node.label === label);
  assert.ok(found, `a "${label}" group among ${nodes.map((node) => node.label).join(', ')}`);
  return found;
}

const rows = (node: SeedNode) => (node.children?.() ?? []).map((child) => `${child.label} | ${child.description ?? ''}`);

test('a plan: the account, the checkbox, then a group per action with its count, each contact with its file and line', async () => {
  const { planNodes } = await seedNodes();
  const nodes = planNodes(PLAN, name, true);
  assert.deepEqual(nodes.map((node) => `${node.label} | ${node.description ?? ''}`), [
    'portal 62515 at https://api.hubapi.com | CRM objects 2026-09',
    'Save ids into files | ',
    'To create | 1',
    'To update | 1',
    'Unchanged | 1',
    'Blocked | 1',
    'May already exist | 0',
    'Files not sent | 1',
  ]);
  assert.equal(nodes[1]?.saveIdsCheckbox, true, 'the checkbox shows the choice');
  assert.deepEqual(rows(group(nodes, 'To create')), ['ada@example.com | seed/ada.contact.json:1']);
  assert.deepEqual(rows(group(nodes, 'Files not sent')), ['seed/bad.contacts.json | not read: it is not JSON']);
  assert.equal(group(nodes, 'May already exist').children, undefined, 'an empty group has nothing to open');
});

test("a plan: an update's changes and a blocked contact's problems are its children, each a place to open", async () => {
  const { planNodes } = await seedNodes();
  const nodes = planNodes(PLAN, name, false);
  const [lin] = group(nodes, 'To update').children?.() ?? [];
  assert.deepEqual(lin?.place, PLAN.rows.at(1), 'a click opens the contact where it starts');
  assert.deepEqual(rows(lin), ['firstname: "Lin" → "Linda" | ', 'phone: (empty) → "+1 555" | ']);
  const [broken] = group(nodes, 'Blocked').children?.() ?? [];
  assert.deepEqual(rows(broken), ['"nope" is not a valid email address | 3:35']);
  assert.deepEqual(broken?.children?.()[0]?.place, { file: 'file:///work/seed/broken.contact.json', line: 2, character: 34 });
});

test('a report: what each contact came to, with its id, and HubSpot\'s message and rejections under a failure', async () => {
  const { reportNodes, reportSummary } = await seedNodes();
  const result = (planRow: PlanRow, fields: Partial<SeedResult> & Pick<SeedResult, 'outcome'>): SeedResult => ({
    file: planRow.file, index: planRow.index, line: planRow.line, character: 0, id: undefined, message: undefined, rejected: [], ...fields,
  });
  const [ada, lin, alan, broken] = PLAN.rows as [PlanRow, PlanRow, PlanRow, PlanRow];
  const report: SeedReport = {
    account: ACCOUNT,
    counts: { created: 0, updated: 1, unchanged: 1, failed: 1, blocked: 1, uncertain: 0, notSent: 0 },
    results: [
      result(ada, { outcome: 'failed', message: 'Property values were not valid', rejected: [{ name: 'email', error: 'INVALID_EMAIL', message: 'Email address ada@example.com is invalid' }] }),
      result(lin, { outcome: 'updated', id: '7' }),
      result(alan, { outcome: 'unchanged', id: '8' }),
      result(broken, { outcome: 'blocked', message: '1 error in the file' }),
    ],
    stopped: { reason: 'cancelled', message: 'The run was cancelled; run it again to send the rest.' },
    requests: 3,
    rateLimited: 1,
    elapsedMs: 1234,
    journalPath: '/state/seed-runs/abc.jsonl',
  };
  const nodes = reportNodes(PLAN, report, name);
  assert.deepEqual(nodes.slice(0, 3).map((node) => `${node.label} | ${node.description ?? ''}`), [
    'portal 62515 at https://api.hubapi.com | CRM objects 2026-09',
    '3 requests in 1234 ms | 1 answered 429',
    'Stopped | The run was cancelled; run it again to send the rest.',
  ]);
  assert.deepEqual(rows(group(nodes, 'Updated')), ['lin@example.com | seed/team.contacts.json:3 · id 7']);
  const failed = group(nodes, 'Failed');
  assert.deepEqual(rows(failed), ['ada@example.com | seed/ada.contact.json:1 — Property values were not valid']);
  assert.deepEqual(rows(failed.children!()[0]), ['email: Email address ada@example.com is invalid | INVALID_EMAIL']);
  assert.equal(reportSummary(report), '0 created, 1 updated, 1 unchanged, 1 failed, 1 blocked');
});

test('the summary lines: the plan\'s counts, the send\'s progress with its rate and time left, and a run\'s duration', async () => {
  const { planSummary } = await seedNodes();
  assert.equal(planSummary(PLAN), '1 to create, 1 to update, 1 unchanged, 1 blocked — 4 contacts in 3 files');
  assert.equal(planSummary({ ...PLAN, counts: { ...PLAN.counts, uncertain: 2 } }), '1 to create, 1 to update, 1 unchanged, 1 blocked, 2 may already exist — 4 contacts in 3 files');
  assert.equal(sendingProgress(100, 1000, 2000), '100 of 1000 contacts, 50/s, about 18 s left');
  assert.equal(sendingProgress(0, 1000, 0), '0 of 1000 contacts, 0/s');
  assert.equal(sendingProgress(1000, 1000, 4000), '1000 of 1000 contacts, 250/s');
  assert.deepEqual([runDuration(45), runDuration(9_999), runDuration(12_345)], ['45 ms', '9999 ms', '12.3 s']);
});
