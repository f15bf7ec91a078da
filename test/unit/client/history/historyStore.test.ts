import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, test } from 'node:test';
import { historyEntry, type HistoryEntry } from '../../../../client/src/history/historyEntry';
import { appendingHistory, openHistoryStore } from '../../../../client/src/history/historyStore';
import type { RequestRecord } from '../../../../client/src/hubspot/requestRecord';

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'contact-payloads-history-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

function record(n: number, fields: Partial<RequestRecord> = {}): RequestRecord {
  return {
    startedAt: Date.UTC(2026, 11, 1, 10, 0, n), method: 'POST', url: 'https://api.hubapi.com/crm/objects/2026-09/contacts', status: 201, answer: '201',
    durationMs: 40, correlationId: `c-${n}`, retries: 0, requestBody: `{"properties":{"email":"seed${n}@example.com"}}`, responseBody: `{"id":"${n}"}`, source: undefined, ...fields,
  };
}
const entry = (n: number, fields: Partial<RequestRecord> = {}) => historyEntry(record(n, fields), 'Staging', 1024);
const unbounded = () => ({ maxEntries: Infinity, maxBytes: Infinity });

test('a body over the bound is cut between characters and says how long it was; one within it is kept whole', () => {
  const long = `{"note":"${'é'.repeat(600)}👩‍💻"}`;
  const cut = historyEntry(record(1, { responseBody: long }), 'Staging', 101).responseBody!;
  assert.equal(cut.truncatedFromBytes, Buffer.byteLength(long, 'utf8'));
  assert.ok(Buffer.byteLength(cut.text, 'utf8') <= 101);
  assert.ok(long.startsWith(cut.text), 'the cut text is a prefix of the body, no half character at its end');
  assert.deepEqual(entry(2).requestBody, { text: '{"properties":{"email":"seed2@example.com"}}' });
  assert.equal(entry(3, { responseBody: undefined }).responseBody, undefined);
  assert.notEqual(entry(4).id, entry(4).id, 'two requests in one millisecond have their own ids');
});

test('entries read back oldest first, across reopening', async () => {
  const file = path.join(folder, 'history', 'requests.jsonl');
  const store = openHistoryStore(file, unbounded);
  for (const n of [1, 2, 3]) await store.add(entry(n));
  assert.deepEqual((await store.entries()).map((e) => e.correlationId), ['c-1', 'c-2', 'c-3']);
  const again = openHistoryStore(file, unbounded);
  await again.add(entry(4));
  assert.deepEqual((await again.entries()).map((e) => e.correlationId), ['c-1', 'c-2', 'c-3', 'c-4']);
});

test('over its count bound the oldest entries are dropped first, down to nine tenths of it', async () => {
  const store = openHistoryStore(path.join(folder, 'requests.jsonl'), () => ({ maxEntries: 10, maxBytes: Infinity }));
  for (let n = 1; n <= 11; n++) await store.add(entry(n));
  const kept = (await store.entries()).map((e) => e.correlationId);
  assert.deepEqual(kept, ['c-3', 'c-4', 'c-5', 'c-6', 'c-7', 'c-8', 'c-9', 'c-10', 'c-11']);
});

test('over its byte bound the oldest are dropped until the file is within it; the file holds only whole entries', async () => {
  const file = path.join(folder, 'requests.jsonl');
  const lineBytes = Buffer.byteLength(`${JSON.stringify(entry(1))}\n`, 'utf8');
  const store = openHistoryStore(file, () => ({ maxEntries: Infinity, maxBytes: lineBytes * 5 }));
  for (let n = 1; n <= 8; n++) await store.add(entry(n));
  const size = readFileSync(file).length;
  assert.ok(size <= lineBytes * 5, `${size} bytes`);
  const entries = await store.entries();
  assert.equal(entries.at(-1)?.correlationId, 'c-8');
  assert.equal(readFileSync(file, 'utf8').split('\n').filter(Boolean).length, entries.length);
  assert.deepEqual(readdirSync(folder), ['requests.jsonl'], 'no temporary file is left behind');
});

test('a line torn by a crash, or one that is no entry, is dropped when the history is read, the rest kept', async () => {
  const file = path.join(folder, 'requests.jsonl');
  const whole = [entry(1), entry(2)].map((e) => JSON.stringify(e)).join('\n');
  writeFileSync(file, `${whole}\nnot json\n${JSON.stringify(entry(3)).slice(0, 30)}`);
  const store = openHistoryStore(file, unbounded);
  await store.add(entry(4));
  assert.deepEqual((await store.entries()).map((e) => e.correlationId), ['c-1', 'c-2', 'c-4']);
  assert.equal(readFileSync(file, 'utf8').split('\n').filter(Boolean).length, 3);
});

test('clear removes every entry; the next add starts a new history', async () => {
  const file = path.join(folder, 'requests.jsonl');
  const store = openHistoryStore(file, unbounded);
  await store.add(entry(1));
  await store.clear();
  assert.equal(existsSync(file), false);
  assert.deepEqual(await store.entries(), []);
  await store.add(entry(2));
  assert.deepEqual((await store.entries()).map((e) => e.correlationId), ['c-2']);
});

test('the command line\'s history appends whole lines, ending a line an earlier crash tore first', () => {
  const file = path.join(folder, 'audit.jsonl');
  writeFileSync(file, `${JSON.stringify(entry(1))}\n{"torn`);
  const history = appendingHistory(file);
  history.add(entry(2));
  history.close();
  const lines = readFileSync(file, 'utf8').split('\n');
  assert.equal(lines.length, 4);
  assert.equal((JSON.parse(lines[2]) as HistoryEntry).correlationId, 'c-2');
  assert.equal(lines[3], '');
});
