/// <reference types="mocha" />
// Seed sets against the launcher's HubSpot sandbox: a folder of single files (both shapes) and batch
// files (both forms) is planned through the language server — counts, rows, an update's changes, a
// blocked contact — then sent: the sandbox holds exactly those contacts and the report says so; run
// again, everything is unchanged. A run stopped while a batch is in flight leaves a journal that
// says what happened to each contact, and the set run again sends the rest.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import type { SeedReport } from '../../../client/src/seed/seedOutcome';
import type { SeedPlan } from '../../../client/src/seed/seedPlanning';
import { seedKey } from '../../../client/src/seed/seedEntry';
import { planNodes, reportNodes, type SeedNode } from '../../../client/src/extension/views/seedNodes';
import { CANCEL_SET_SIZE } from '../harness/fixtures';
import { codeLensTitles, codeOf, diagnosticsFor, injectFault, rangeOf, sandbox, sandboxAccountLens, sandboxAccountName, sandboxRequests, storeSandboxToken, WAIT_MS } from './helpers';

interface SandboxContact {
  readonly vid: number;
  readonly properties: Readonly<Record<string, { readonly value: string }>>;
}

async function sandboxContacts(): Promise<SandboxContact[]> {
  const response = await fetch(`${sandbox().url}/__sandbox/contacts`);
  assert.equal(response.status, 200, 'the sandbox answers its control API');
  return (await response.json()) as SandboxContact[];
}

/** The sandbox's contacts whose email ends so, by email: firstname. */
async function contactsEndingWith(suffix: string): Promise<Map<string, string | undefined>> {
  const found = new Map<string, string | undefined>();
  for (const contact of await sandboxContacts()) {
    const email = contact.properties.email?.value;
    if (email?.endsWith(suffix)) {
      assert.ok(!found.has(email), `${email} is in the sandbox once`);
      found.set(email, contact.properties.firstname?.value);
    }
  }
  return found;
}

function folder(name: string): vscode.Uri {
  const root = vscode.workspace.workspaceFolders?.[0];
  assert.ok(root, 'the launcher opened a workspace folder');
  return vscode.Uri.joinPath(root.uri, name);
}

function planSet(uri: vscode.Uri): Promise<SeedPlan | undefined> {
  return Promise.resolve(vscode.commands.executeCommand<SeedPlan | undefined>('contactPayloads.sendSeedSet', uri));
}

function sendPlan(): Promise<SeedReport | undefined> {
  return Promise.resolve(vscode.commands.executeCommand<SeedReport | undefined>('contactPayloads.sendSeedPlan'));
}

/** The rows the view shows under a group, by the group's label: each row's label and description. */
function groupRows(nodes: readonly SeedNode[], label: string): string[] {
  const group = nodes.find((node) => node.label === label);
  assert.ok(group, `the view has a "${label}" group: ${nodes.map((node) => node.label).join(', ')}`);
  return (group.children?.() ?? []).map((row) => `${row.label} ${row.description ?? ''}`.trim());
}

const name = (file: string) => vscode.workspace.asRelativePath(vscode.Uri.parse(file));

/** Resolves once some journal in `dir` holds an outcome for a contact of `setFolder`; rejects at the deadline. */
function firstRecordIn(dir: string, setFolder: string, type: 'sending' | 'outcome'): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      for (const file of fs.readdirSync(dir).filter((entry) => entry.endsWith('.jsonl'))) {
        const text = fs.readFileSync(path.join(dir, file), 'utf8');
        if (text.split('\n').some((line) => line.includes(`"type":"${type}"`) && line.includes(setFolder))) return true;
      }
      return false;
    };
    const watcher = fs.watch(dir, () => {
      if (!check()) return;
      clearTimeout(timer);
      watcher.close();
      resolve();
    });
    const timer = setTimeout(() => {
      watcher.close();
      reject(new Error(`no journal in ${dir} got a ${type} record for ${setFolder} (waited ${WAIT_MS} ms)`));
    }, WAIT_MS);
    if (check()) {
      clearTimeout(timer);
      watcher.close();
      resolve();
    }
  });
}

suite('seed sets (the sandbox)', () => {
  /** The first plan of seed-set, which the report's rows are shown with. */
  let firstPlan: SeedPlan | undefined;
  /** The folder the journals are in, from the first run's report. */
  let journals: string | undefined;

  suiteSetup(async () => {
    assert.equal(vscode.workspace.isTrusted, true, 'the launcher opened a trusted folder');
    await storeSandboxToken();
    // Lin is in the portal already, with another first name: the set updates her.
    const response = await fetch(`${sandbox().url}/crm/objects/2026-09/contacts`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sandbox().token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ properties: { email: 'lin.seed@example.com', firstname: 'Lin' } }),
    });
    assert.equal(response.status, 201, 'the sandbox created Lin');
  });

  test('a folder is planned through the language server: creates, the update with its change, the blocked file; node_modules left out', async () => {
    const plan = await planSet(folder('seed-set'));
    assert.ok(plan, 'the command returns the plan');
    firstPlan = plan;
    assert.deepEqual(plan.counts, { create: 5, update: 1, unchanged: 0, blocked: 1, uncertain: 0 });
    assert.equal(plan.files, 5, 'five files; the one under node_modules is not in the set');
    assert.equal(plan.account.portalId, 62515, 'the sandbox portal');
    assert.equal(plan.account.origin, sandbox().url);

    const nodes = planNodes(plan, name, false);
    assert.equal(nodes[0]?.label, `${sandboxAccountName()} (portal 62515 at ${sandbox().url})`, 'the account, by its name, at the top');
    assert.equal(nodes[1]?.label, 'Save ids into files', 'then the checkbox');
    assert.deepEqual(
      groupRows(nodes, 'To create').sort(),
      ['ada.seed@example.com seed-set/ada.contact.json:1', 'alan.seed@example.com seed-set/team.contacts.json:3', 'grace.seed@example.com seed-set/grace.contact.json:1', 'hedy.seed@example.com seed-set/legacy.contacts.json:8', 'joan.seed@example.com seed-set/legacy.contacts.json:2'],
    );
    assert.deepEqual(groupRows(nodes, 'To update'), ['lin.seed@example.com seed-set/team.contacts.json:4']);
    const lin = nodes.find((node) => node.label === 'To update')?.children?.()[0];
    assert.deepEqual(lin?.children?.().map((change) => change.label), ['firstname: "Lin" → "Linda"']);
    assert.deepEqual(groupRows(nodes, 'Blocked'), ['not-an-email seed-set/broken.contact.json:1']);
    const broken = nodes.find((node) => node.label === 'Blocked')?.children?.()[0];
    assert.ok(broken?.children?.().some((problem) => /email/i.test(problem.label)), `the blocked contact shows its problem: ${JSON.stringify(broken?.children?.().map((p) => p.label))}`);
  });

  test('Send: the sandbox holds exactly the set\'s contacts, and the report says what each one came to', async () => {
    assert.ok(firstPlan, 'needs the plan of the test before');
    const report = await sendPlan();
    assert.ok(report, 'the command returns the report');
    assert.equal(report.stopped, undefined);
    assert.deepEqual({ created: report.counts.created, updated: report.counts.updated, blocked: report.counts.blocked, failed: report.counts.failed, notSent: report.counts.notSent }, { created: 5, updated: 1, blocked: 1, failed: 0, notSent: 0 });
    journals = path.dirname(report.journalPath);
    assert.ok(fs.existsSync(report.journalPath), `the journal is written: ${report.journalPath}`);

    const contacts = await contactsEndingWith('.seed@example.com');
    assert.deepEqual(Object.fromEntries([...contacts].sort()), {
      'ada.seed@example.com': 'Ada',
      'alan.seed@example.com': 'Alan',
      'grace.seed@example.com': 'Grace',
      'hedy.seed@example.com': 'Hedy',
      'joan.seed@example.com': 'Joan',
      'lin.seed@example.com': 'Linda',
    });

    const nodes = reportNodes(firstPlan, report, name);
    assert.deepEqual(groupRows(nodes, 'Updated').map((row) => row.replace(/ · id \d+/, '')), ['lin.seed@example.com seed-set/team.contacts.json:4']);
    assert.equal(groupRows(nodes, 'Created').length, 5);
  });

  test('run again, every contact is unchanged and nothing is sent', async () => {
    const plan = await planSet(folder('seed-set'));
    assert.ok(plan);
    assert.deepEqual(plan.counts, { create: 0, update: 0, unchanged: 6, blocked: 1, uncertain: 0 });
    assert.equal(await sendPlan(), undefined, 'nothing to send');
  });

  test('Explorer selections and the open batch file are sets too; the CodeLens above a batch file counts its contacts', async () => {
    const team = vscode.Uri.joinPath(folder('seed-set'), 'team.contacts.json');
    const ada = vscode.Uri.joinPath(folder('seed-set'), 'ada.contact.json');
    const selected = await vscode.commands.executeCommand<SeedPlan | undefined>('contactPayloads.sendToHubSpot', team, [team, ada]);
    assert.deepEqual({ files: selected?.files, contacts: selected?.rows.length, unchanged: selected?.counts.unchanged }, { files: 2, contacts: 3, unchanged: 3 });
    const batch = await vscode.commands.executeCommand<SeedPlan | undefined>('contactPayloads.sendBatchFile', team);
    assert.deepEqual([...(batch?.rows ?? [])].map((row) => row.email), ['alan.seed@example.com', 'lin.seed@example.com']);
    // VS Code asks the lens providers of an open document only.
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(team));
    assert.deepEqual(await codeLensTitles(team), [sandboxAccountLens(), 'Send 2 contacts…']);
  });

  test("HubSpot's refusal of a contact's value in a 207 becomes a hubspot-rejected diagnostic on that value", async () => {
    const uri = vscode.Uri.joinPath(folder('seed-rejected'), 'rex.contact.json');
    // Shown, as VS Code asks for the diagnostics of the documents in editors.
    const { document } = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const plan = await planSet(folder('seed-rejected'));
    assert.equal(plan?.counts.create, 1);
    const message = 'Email address rex.seed@example.com is invalid';
    const validation = JSON.stringify([{ isValid: false, message, error: 'INVALID_EMAIL', name: 'email' }]);
    // As HubSpot answers a batch in which one input failed: the input named by its trace id (the run's first is c1).
    await injectFault({
      route: 'batchUpsert',
      status: 207,
      body: { status: 'COMPLETE', results: [], numErrors: 1, errors: [{ status: 'error', category: 'VALIDATION_ERROR', message: `Property values were not valid: ${validation}`, context: {}, objectWriteTraceId: 'c1' }] },
    });
    const rejected = diagnosticsFor(uri, (ds) => ds.some((d) => codeOf(d) === 'hubspot-rejected'));
    const report = await sendPlan();
    assert.equal(report?.counts.failed, 1);
    assert.deepEqual(report?.results.at(0)?.rejected, [{ name: 'email', error: 'INVALID_EMAIL', message }]);
    const diagnostic = (await rejected).find((d) => codeOf(d) === 'hubspot-rejected');
    assert.ok(diagnostic);
    assert.deepEqual(diagnostic.range, rangeOf(document, '"rex.seed@example.com"'), 'on the refused value');
    assert.equal(diagnostic.message, `HubSpot rejected this (INVALID_EMAIL): ${message}`);
  });

  test('Stop with batches in flight: they end with their answers, the rest is not sent, the journal says what each contact came to, and the set run again sends the rest', async () => {
    assert.ok(journals, 'needs the journal folder of the run before');
    const plan = await planSet(folder('seed-cancel'));
    assert.ok(plan);
    assert.equal(plan.counts.create, CANCEL_SET_SIZE);
    const batches = CANCEL_SET_SIZE / 100;
    // Every batch is held back a while: those in flight when Stop comes are still unanswered then.
    await injectFault({ route: 'batchUpsert', delayMs: 3000, times: batches });
    const upserts = async () => (await sandboxRequests()).filter((request) => request.path.endsWith('/batch/upsert')).length;
    const upsertsBefore = await upserts();
    const sending = sendPlan();
    await firstRecordIn(journals, 'seed-cancel', 'sending');
    assert.equal(await vscode.commands.executeCommand('contactPayloads.stopSeedRun'), true, 'the run was stopped');
    const report = await sending;
    assert.ok(report, 'a stopped run still reports');
    assert.equal(report.stopped?.reason, 'cancelled');
    const upsertsSent = (await upserts()) - upsertsBefore;
    assert.ok(upsertsSent >= 1 && upsertsSent < batches, `${upsertsSent} of ${batches} batches were sent before the stop`);
    assert.equal(report.counts.created, upsertsSent * 100, 'every batch in flight ended with its answer');
    assert.equal(report.counts.notSent, CANCEL_SET_SIZE - upsertsSent * 100, 'nothing more was sent');

    // The journal holds one outcome per contact the run heard of, the same as the report's.
    const outcomes = new Map<string, string>();
    for (const line of fs.readFileSync(report.journalPath, 'utf8').split('\n')) {
      if (!line.includes('"type":"outcome"')) continue;
      const record = JSON.parse(line) as { key: string; outcome: string };
      if (record.key.includes('seed-cancel')) outcomes.set(record.key, record.outcome);
    }
    for (const result of report.results) {
      const key = seedKey(result.file, result.index);
      if (result.outcome === 'notSent') assert.equal(outcomes.get(key), undefined, `${key} was not sent and has no outcome`);
      else assert.equal(outcomes.get(key), result.outcome, `${key}: the journal says what the report says`);
    }

    const again = await planSet(folder('seed-cancel'));
    assert.ok(again);
    assert.equal(again.counts.unchanged, report.counts.created, 'the contacts created before the stop are found done');
    assert.equal(again.counts.create, report.counts.notSent);
    const resumed = await sendPlan();
    assert.ok(resumed);
    assert.equal(resumed.counts.failed + resumed.counts.notSent, 0, 'the rest went through');
    const contacts = await contactsEndingWith('.seed@example.com');
    const cancelled = [...contacts.keys()].filter((email) => email.startsWith('cancel-'));
    assert.equal(cancelled.length, CANCEL_SET_SIZE, 'every contact of the set is in the sandbox once');
  });
});

