import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, test } from 'node:test';
import { planAccountProblem, PlanFileError, readPlanFile, writePlanFile } from '../../../../client/src/seed/planFile';
import type { SeedAccount } from '../../../../client/src/seed/seedAccount';
import { memoryLists } from '../../../../client/src/seed/seedList';
import type { PlanRow, SeedPlan } from '../../../../client/src/seed/seedPlanning';

const ACCOUNT: SeedAccount = { origin: 'https://api.hubapi.com', portalId: 62515, apiVersion: '2026-09' };
const ROWS: PlanRow[] = [
  { file: '/seed/a.contacts.json', index: 0, line: 2, character: 4, email: 'ada@example.com', action: 'update', route: 'upsert', id: '512', changes: [{ property: 'firstname', old: 'Ada', new: 'Ada L.' }], problems: [], note: 'found by email', fingerprint: 'f0' },
  { file: '/seed/a.contacts.json', index: 1, line: 9, character: 4, email: undefined, action: 'blocked', route: undefined, id: undefined, changes: [], problems: [{ line: 10, character: 6, code: 'invalid-email', message: '"nope" — not an email 👩‍💻' }], note: undefined, fingerprint: 'f1' },
];
const PLAN: SeedPlan = { account: ACCOUNT, rows: ROWS, counts: { create: 0, update: 1, unchanged: 0, blocked: 1, uncertain: 0 }, fileProblems: [], files: 1 };

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'contact-payloads-plan-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

test('a saved plan reads back whole: account, roots, files, counts and every row as it was', () => {
  const file = path.join(folder, 'seed.plan');
  writePlanFile(file, { plan: PLAN, roots: ['/seed'], files: ['/seed/a.contacts.json'] });
  const saved = readPlanFile(file, memoryLists);
  assert.deepEqual([saved.roots, saved.files, saved.plan.account, saved.plan.counts, saved.plan.files], [['/seed'], ['/seed/a.contacts.json'], ACCOUNT, PLAN.counts, 1]);
  assert.deepEqual([...saved.plan.rows], ROWS.map((row) => JSON.parse(JSON.stringify(row)) as PlanRow));
  assert.equal(readFileSync(file, 'utf8').split('\n').length, 4, 'a head, one line per row, and the last newline');
});

test('what is not a whole plan is refused with the file and line named: not a plan, a later version, an edited row, a torn end', () => {
  const file = path.join(folder, 'seed.plan');
  writePlanFile(file, { plan: PLAN, roots: ['/seed'], files: ['/seed/a.contacts.json'] });
  const [head, first, second] = readFileSync(file, 'utf8').split('\n');
  const refused = (text: string, message: RegExp) => {
    writeFileSync(file, text);
    assert.throws(() => readPlanFile(file, memoryLists), (error: unknown) => error instanceof PlanFileError && message.test(error.message));
  };
  refused('{"inputs": []}\n', /seed\.plan is not a seed plan/);
  refused('', /is empty/);
  refused(`${head.replace('"version":1', '"version":2')}\n`, /version 2/);
  refused(`${head}\n${first}\n{"file": 3}\n`, /seed\.plan:3 is not a plan row/);
  refused(`${head}\n${first}\nnot json\n`, /seed\.plan:3 is not JSON/);
  refused(`${head}\n${first}\n${second.slice(0, 20)}`, /cut off/);
  assert.throws(() => readPlanFile(path.join(folder, 'missing.plan'), memoryLists), PlanFileError);
});

test('a plan is for the account it was made against: another origin, portal or API version is named', () => {
  assert.equal(planAccountProblem(ACCOUNT, { ...ACCOUNT }), undefined);
  assert.match(planAccountProblem(ACCOUNT, { ...ACCOUNT, portalId: 777 }) ?? '', /portal 62515 .*not .*portal 777/);
  assert.match(planAccountProblem(ACCOUNT, { ...ACCOUNT, apiVersion: 'v3' }) ?? '', /CRM objects 2026-09.*CRM objects v3/);
  assert.match(planAccountProblem(ACCOUNT, { ...ACCOUNT, origin: 'http://127.0.0.1:4999' }) ?? '', /http:\/\/127\.0\.0\.1:4999/);
});
