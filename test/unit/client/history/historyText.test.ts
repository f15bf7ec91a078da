import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { entryDescription, entryIcon, entryLabel, historyDays } from '../../../../client/src/history/historyDays';
import type { HistoryEntry } from '../../../../client/src/history/historyEntry';
import { curlCommand, historyDocumentText } from '../../../../client/src/history/historyText';

const ENTRY: HistoryEntry = {
  id: 'a-1', at: '2026-12-01T10:00:00.000Z', account: 'https://api.hubapi.com', method: 'POST', url: 'https://api.hubapi.com/crm/objects/2026-09/contacts?x=1',
  status: 201, answer: '201', durationMs: 143, correlationId: 'c-1', retries: 1,
  requestBody: { text: `{"properties":{"company":"O'Brien & Sons"}}` }, responseBody: { text: '{"id":"512"}' }, source: 'file:///seed/ada.contact.json',
};

test('a recorded request reads as the response view\'s JSONC: what it was and came to in comments, the answer, then what was sent in comments', () => {
  const text = historyDocumentText(ENTRY);
  const lines = text.split('\n');
  assert.equal(lines[0], '// 201 — POST https://api.hubapi.com/crm/objects/2026-09/contacts?x=1');
  assert.match(lines[1], /^\/\/ recorded 2026-12-01T10:00:00\.000Z · https:\/\/api\.hubapi\.com · 143 ms · 1 retry$/);
  assert.ok(text.includes('// from file:///seed/ada.contact.json\n// Correlation id: c-1\n'));
  assert.ok(text.includes('// Correlation id: c-1\n{\n  "id": "512"\n}\n//\n// Request body:\n// {\n//   "properties": {'), 'the answer, then what was sent');
  assert.ok(text.endsWith('// }\n'));
  const cut = historyDocumentText({ ...ENTRY, responseBody: { text: '<html>bad gateway', truncatedFromBytes: 90_000 }, requestBody: undefined });
  assert.ok(cut.includes('// <html>bad gateway\n// … cut: the whole body was 90000 bytes\n'));
  assert.ok(cut.endsWith('// Request body:\n// (none)\n'));
});

test('as curl the request goes again from a shell: the token read from $HUBSPOT_ACCESS_TOKEN, quotes in the body kept', () => {
  const command = curlCommand(ENTRY);
  assert.ok(command.includes('--header "Authorization: Bearer $HUBSPOT_ACCESS_TOKEN"'));
  // The shell reads it back exactly: run it through sh with curl replaced by printf of its arguments.
  const printed = execFileSync('sh', ['-c', `curl() { printf '%s\\n' "$@"; }; ${command}`], { env: { HUBSPOT_ACCESS_TOKEN: 'secret-from-env' }, encoding: 'utf8' }).split('\n');
  assert.deepEqual(printed.slice(0, 9), [
    '--request', 'POST', 'https://api.hubapi.com/crm/objects/2026-09/contacts?x=1', '--header', 'Authorization: Bearer secret-from-env',
    '--header', 'Content-Type: application/json', '--data-raw', `{"properties":{"company":"O'Brien & Sons"}}`,
  ]);
  assert.match(curlCommand({ ...ENTRY, requestBody: { text: '{"a"', truncatedFromBytes: 900 } }), /^# The body was cut in the history \(it was 900 bytes\)/);
  assert.ok(!curlCommand({ ...ENTRY, method: 'GET', requestBody: undefined }).includes('--data-raw'));
});

test('the view lists days newest first (Today, Yesterday, then dates), each day\'s requests newest first', () => {
  const now = new Date(2026, 11, 1, 15, 0, 0);
  const at = (day: number, hour: number) => new Date(2026, 11, day, hour, 0, 0).toISOString();
  const entries = [
    { ...ENTRY, id: 'old', at: at(-1, 9) },
    { ...ENTRY, id: 'y1', at: at(0, 23) },
    { ...ENTRY, id: 't1', at: at(1, 8) },
    { ...ENTRY, id: 't2', at: at(1, 9) },
  ];
  const days = historyDays(entries, now);
  assert.deepEqual(days.map((day) => [day.label, day.entries.map((entry) => entry.id)]), [['Today', ['t2', 't1']], ['Yesterday', ['y1']], ['2026-11-29', ['old']]]);
  assert.equal(entryLabel(ENTRY), 'POST 2026-09/contacts');
  assert.equal(entryLabel({ ...ENTRY, url: 'https://api.hubapi.com/crm/objects/2026-09/contacts/batch/upsert' }), 'POST batch/upsert');
  assert.match(entryDescription(ENTRY), /^201 · \d\d:\d\d:\d\d · 143 ms$/);
  assert.deepEqual([entryIcon(ENTRY), entryIcon({ ...ENTRY, status: 429 }), entryIcon({ ...ENTRY, status: undefined }), entryIcon({ ...ENTRY, status: 400 })], ['pass', 'warning', 'error', 'error']);
});
