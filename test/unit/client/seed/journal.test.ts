import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { defaultJournalPath, openJournal, type JournalAccount, type JournalRecord } from '../../../../client/src/seed/journal';

const ACCOUNT: JournalAccount = { origin: 'http://127.0.0.1:8080', portalId: 42 };
const RUN: JournalRecord = { type: 'run', at: '2026-12-01T10:00:00.000Z', origin: ACCOUNT.origin, portalId: 42, apiVersion: '2026-03', contacts: 3 };

const scratch = mkdtempSync(path.join(os.tmpdir(), 'seed-journal-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
let journals = 0;
function freshPath(): string {
  return path.join(scratch, `case-${++journals}`, 'seed-runs', 'journal.jsonl');
}

function lines(records: readonly JournalRecord[]): string {
  return records.map((record) => `${JSON.stringify(record)}\n`).join('');
}

/** A journal whose file holds `text`, opened for ACCOUNT (closed again: only its state is read). */
function stateOf(text: string, account: JournalAccount = ACCOUNT) {
  const file = freshPath();
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  const journal = openJournal(file, account);
  journal.close();
  return journal;
}

test('records written are read back by the next opening: ids, uncertain creates, last outcomes', () => {
  const file = freshPath();
  const first = openJournal(file, ACCOUNT);
  assert.equal(first.skippedLines, 0);
  first.record(RUN);
  first.record({ type: 'sending', at: '2026-12-01T10:00:01.000Z', batch: 'b1', keys: ['a#0', 'a#1'] });
  first.record({ type: 'outcome', at: '2026-12-01T10:00:02.000Z', key: 'a#0', outcome: 'created', id: '512', batch: 'b1' });
  assert.equal(first.state.idOf('a#0'), undefined, 'state is what was on disk when opened');
  first.close();
  const second = openJournal(file, ACCOUNT);
  second.close();
  assert.equal(second.state.idOf('a#0'), '512');
  assert.equal(second.state.uncertainSince('a#0'), undefined);
  assert.equal(second.state.uncertainSince('a#1'), '2026-12-01T10:00:01.000Z');
  assert.deepEqual(second.state.lastOutcome('a#0'), { type: 'outcome', at: '2026-12-01T10:00:02.000Z', key: 'a#0', outcome: 'created', id: '512', batch: 'b1' });
  assert.equal(second.state.lastOutcome('a#1'), undefined);
  assert.equal(readFileSync(file, 'utf8').split('\n').length, 4, 'one line a record, each ended');
});

test('a sending settles with any later outcome but "uncertain"; "failed" gives no id; a later sending moves the time', () => {
  const { state } = stateOf(lines([
    RUN,
    { type: 'sending', at: 'T1', batch: 'b1', keys: ['created', 'failed', 'uncertain', 'resent', 'updated'] },
    { type: 'outcome', at: 'T2', key: 'created', outcome: 'created', id: '1' },
    { type: 'outcome', at: 'T2', key: 'failed', outcome: 'failed', message: 'INVALID_EMAIL' },
    { type: 'outcome', at: 'T2', key: 'uncertain', outcome: 'uncertain', message: 'connection reset' },
    { type: 'outcome', at: 'T2', key: 'updated', outcome: 'updated', id: '5' },
    { type: 'sending', at: 'T3', batch: 'b2', keys: ['resent'] },
  ]));
  assert.deepEqual(['created', 'failed', 'uncertain', 'resent', 'updated'].map((key) => state.uncertainSince(key)), [undefined, undefined, 'T1', 'T3', undefined]);
  assert.deepEqual(['created', 'failed', 'uncertain', 'resent', 'updated'].map((key) => state.idOf(key)), ['1', undefined, undefined, undefined, '5']);
  assert.equal(state.lastOutcome('uncertain')?.message, 'connection reset');
});

test('an "uncertain" outcome with no sending before it is uncertain since its own time', () => {
  const { state } = stateOf(lines([RUN, { type: 'outcome', at: 'T9', key: 'k', outcome: 'uncertain' }]));
  assert.equal(state.uncertainSince('k'), 'T9');
});

test('a later outcome wins across runs: a failed update keeps the id; a new create replaces it', () => {
  const { state } = stateOf(lines([
    RUN,
    { type: 'outcome', at: 'T1', key: 'kept', outcome: 'created', id: '1' },
    { type: 'outcome', at: 'T1', key: 'replaced', outcome: 'created', id: '2' },
    { ...RUN, at: 'T2' },
    { type: 'outcome', at: 'T3', key: 'kept', outcome: 'failed', message: 'rate limited' },
    { type: 'outcome', at: 'T3', key: 'replaced', outcome: 'created', id: '3' },
  ]));
  assert.equal(state.idOf('kept'), '1');
  assert.equal(state.lastOutcome('kept')?.outcome, 'failed');
  assert.equal(state.idOf('replaced'), '3');
});

test("another account's runs are ignored, origin or portal id, even interleaved; records before any run too", () => {
  const { state } = stateOf(lines([
    { type: 'outcome', at: 'T0', key: 'orphan', outcome: 'created', id: '9' },
    RUN,
    { type: 'outcome', at: 'T1', key: 'ours', outcome: 'created', id: '1' },
    { ...RUN, origin: 'https://api.hubapi.com' },
    { type: 'outcome', at: 'T2', key: 'other origin', outcome: 'created', id: '2' },
    { type: 'sending', at: 'T2', batch: 'b', keys: ['ours'] },
    { ...RUN, portalId: 43 },
    { type: 'outcome', at: 'T3', key: 'other portal', outcome: 'created', id: '3' },
    { type: 'outcome', at: 'T3', key: 'ours', outcome: 'created', id: '33' },
    { type: 'run', at: 'T4', origin: ACCOUNT.origin, apiVersion: '2026-03', contacts: 1 },
    { type: 'outcome', at: 'T4', key: 'no portal id', outcome: 'created', id: '4' },
    RUN,
    { type: 'outcome', at: 'T5', key: 'ours again', outcome: 'created', id: '5' },
  ]));
  assert.deepEqual(['orphan', 'ours', 'other origin', 'other portal', 'no portal id', 'ours again'].map((key) => state.idOf(key)), [undefined, '1', undefined, undefined, undefined, '5']);
  assert.equal(state.uncertainSince('ours'), undefined);
});

test('a torn last line (a crash mid-write) is skipped, and the next record starts a line of its own', () => {
  const whole = lines([RUN, { type: 'outcome', at: 'T1', key: 'a#0', outcome: 'created', id: '1' }]);
  const torn = JSON.stringify({ type: 'outcome', at: 'T1', key: 'a#1', outcome: 'created', id: '2' }).slice(0, 40);
  const file = freshPath();
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, whole + torn);
  const journal = openJournal(file, ACCOUNT);
  assert.equal(journal.skippedLines, 1);
  assert.equal(journal.state.idOf('a#0'), '1');
  assert.equal(journal.state.idOf('a#1'), undefined);
  journal.record({ type: 'outcome', at: 'T2', key: 'a#2', outcome: 'created', id: '3' });
  journal.close();
  const reopened = openJournal(file, ACCOUNT);
  reopened.close();
  assert.equal(reopened.state.idOf('a#2'), '3', 'the record after the torn line is read');
  assert.equal(reopened.skippedLines, 1, 'the torn line stays one skipped line');
});

test('lines that hold no record (not JSON, a wrong shape, an unknown type) are skipped and counted; empty lines are not counted', () => {
  const journal = stateOf([
    JSON.stringify(RUN),
    'not json',
    JSON.stringify({ type: 'outcome', at: 'T1', key: 'a#0', outcome: 'deleted' }),
    JSON.stringify({ type: 'outcome', at: 'T1', key: 'a#1', outcome: 'created', id: 5 }),
    JSON.stringify({ type: 'sending', at: 'T1', batch: 'b', keys: ['a#2', 7] }),
    JSON.stringify({ type: 'checkpoint', at: 'T1' }),
    'null',
    '',
    JSON.stringify({ type: 'outcome', at: 'T1', key: 'a#3', outcome: 'created', id: '3' }),
    '',
  ].join('\n'));
  assert.equal(journal.skippedLines, 6);
  assert.deepEqual(['a#0', 'a#1', 'a#2', 'a#3'].map((key) => journal.state.idOf(key) ?? journal.state.uncertainSince(key)), [undefined, undefined, undefined, '3']);
});

test('lines are read whole across read chunks, multi-byte characters included', () => {
  const keys = Array.from({ length: 3000 }, (_, index) => `/seed/été-ü-漢字/${'é'.repeat(index % 50)}.contacts.json#${index}`);
  const { state, skippedLines } = stateOf(lines([RUN, ...keys.map((key, index): JournalRecord => ({ type: 'outcome', at: 'T', key, outcome: 'created', id: String(index) }))]));
  assert.equal(skippedLines, 0);
  assert.ok(keys.every((key, index) => state.idOf(key) === String(index)));
});

test('a journal of 100 000 outcomes is read within a generous bound (10 s)', () => {
  const count = 100_000;
  const records: JournalRecord[] = [RUN];
  for (let index = 0; index < count; index++) records.push({ type: 'outcome', at: '2026-12-01T10:00:02.000Z', key: `/seed/contacts-${index % 100}.contacts.json#${index}`, outcome: 'created', id: String(1000 + index) });
  const text = lines(records);
  const started = performance.now();
  const journal = stateOf(text);
  const elapsed = performance.now() - started;
  assert.equal(journal.skippedLines, 0);
  assert.equal(journal.state.idOf('/seed/contacts-0.contacts.json#0'), '1000');
  assert.equal(journal.state.idOf(`/seed/contacts-99.contacts.json#${count - 1}`), String(1000 + count - 1));
  assert.ok(elapsed < 10_000, `read ${text.length} bytes in ${Math.round(elapsed)} ms`);
});

test('a run killed with SIGKILL mid-run leaves every complete line readable, a torn tail skipped, and takes the next record', async () => {
  const file = freshPath();
  const writer = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'journalWriter.ts'), file, ACCOUNT.origin], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  writer.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => writer.on('exit', (_code, signal) => resolve(signal)));
  try {
    await new Promise<void>((resolve, reject) => {
      const deadline = setTimeout(() => reject(new Error(`the writer did not write 1 000 records within 60 s: ${stderr}`)), 60_000);
      writer.stdout.on('data', (chunk: Buffer) => {
        if (!chunk.toString().includes('written')) return;
        clearTimeout(deadline);
        resolve();
      });
      writer.on('exit', () => reject(new Error(`the writer ended before it was killed: ${stderr}`)));
    });
  } finally {
    writer.kill('SIGKILL');
  }
  assert.equal(await exited, 'SIGKILL');

  const text = readFileSync(file, 'utf8');
  const segments = text.split('\n');
  const tail = segments.pop() ?? '';
  const complete = segments.length - 1; // outcome lines: all but the run record
  assert.ok(complete > 1000, `${complete} outcome lines were on disk`);
  const journal = openJournal(file, { origin: ACCOUNT.origin, portalId: 1 });
  const key = (index: number) => `${'/seed/'.repeat(200)}c.contacts.json#${index}`;
  assert.equal(journal.skippedLines, tail === '' ? 0 : 1, `the tail was ${tail.length} characters`);
  for (let index = 0; index < complete; index++) assert.equal(journal.state.idOf(key(index)), String(index + 1), `line ${index + 2}`);
  assert.equal(journal.state.idOf(key(complete)), undefined, 'the torn record is not read');
  journal.record({ type: 'outcome', at: 'after', key: 'after the kill', outcome: 'created', id: '7' });
  journal.close();
  const reopened = openJournal(file, { origin: ACCOUNT.origin, portalId: 1 });
  reopened.close();
  assert.equal(reopened.state.idOf('after the kill'), '7');
});

test('opening, writing and closing a journal writes its file and folders and nothing else', () => {
  const root = mkdtempSync(path.join(scratch, 'only-'));
  const file = path.join(root, 'state', 'seed-runs', 'x.jsonl');
  const journal = openJournal(file, ACCOUNT);
  journal.record(RUN);
  journal.record({ type: 'outcome', at: 'T', key: 'k', outcome: 'unchanged', id: '1' });
  journal.close();
  assert.deepEqual(readdirSync(root, { recursive: true }).map(String).sort(), ['state', path.join('state', 'seed-runs'), path.join('state', 'seed-runs', 'x.jsonl')]);
});

test('writing after close, and a journal that cannot be opened, fail with an Error naming the journal', () => {
  const file = freshPath();
  const journal = openJournal(file, ACCOUNT);
  journal.close();
  assert.throws(() => journal.record(RUN), (error: Error) => error.message.includes(file) && error.message.includes('closed'));
  const folder = path.dirname(file);
  assert.throws(() => openJournal(folder, ACCOUNT), (error: Error) => error.message.startsWith(`The run journal ${folder} could not be opened: EISDIR`));
});

test('the default path is one file per account and set of roots under seed-runs, whatever the order of the roots', () => {
  const roots = ['/work/seed/b', '/work/seed/a'];
  const chosen = defaultJournalPath('/state', ACCOUNT, roots);
  assert.match(chosen, /^\/state\/seed-runs\/[0-9a-f]{16}\.jsonl$/);
  assert.equal(defaultJournalPath('/state', ACCOUNT, [...roots].reverse()), chosen);
  const others = [
    defaultJournalPath('/state', { ...ACCOUNT, origin: 'https://api.hubapi.com' }, roots),
    defaultJournalPath('/state', { ...ACCOUNT, portalId: 43 }, roots),
    defaultJournalPath('/state', { ...ACCOUNT, portalId: undefined }, roots),
    defaultJournalPath('/state', ACCOUNT, ['/work/seed/a']),
  ];
  assert.equal(new Set([chosen, ...others]).size, 5);
});

test('appending keeps what another opening wrote before (the file is never truncated)', () => {
  const file = freshPath();
  mkdirSync(path.dirname(file), { recursive: true });
  appendFileSync(file, lines([RUN, { type: 'outcome', at: 'T', key: 'k', outcome: 'created', id: '1' }]));
  const journal = openJournal(file, ACCOUNT);
  journal.record({ type: 'outcome', at: 'T2', key: 'k2', outcome: 'created', id: '2' });
  journal.close();
  const reopened = stateOf(readFileSync(file, 'utf8'));
  assert.deepEqual([reopened.state.idOf('k'), reopened.state.idOf('k2')], ['1', '2']);
});
