import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SeedContactRead } from '../../../../server/src/service/seedContact';
import { blockedAsDuplicate, duplicateEmailTracker, PlanProblemCode, type PlannedContact } from '../../../../client/src/seed/plan';
import { seedEntry, type SeedEntry } from '../../../../client/src/seed/seedEntry';

function contact(file: string, index: number, email: string | undefined, extra: Partial<SeedContactRead> = {}): SeedEntry {
  return seedEntry(file, {
    index, line: 1 + index * 4, character: 2, offset: index * 40, shape: 'objects',
    properties: email === undefined ? [] : [{ property: 'email', value: email }],
    email, id: undefined, associations: undefined, errorCount: 0, errors: [], ...extra,
  });
}

function track(entries: readonly SeedEntry[]) {
  const tracker = duplicateEmailTracker();
  for (const entry of entries) tracker.add(entry);
  return tracker.duplicates();
}

test('contacts sharing an email, in any case and across files, each map to the others in set order; unique and email-less ones to nothing', () => {
  const a = contact('/seed/a.contacts.json', 0, 'Ann@Example.com');
  const b = contact('/seed/a.contacts.json', 1, 'bob@example.com');
  const c = contact('/seed/b.contacts.json', 0, 'ann@example.com');
  const d = contact('/seed/b.contacts.json', 1, undefined);
  const e = contact('/seed/c.contact.json', 0, 'ANN@EXAMPLE.COM');
  const duplicates = track([a, b, c, d, e]);
  assert.deepEqual([...duplicates.keys()], [a.key, c.key, e.key]);
  assert.deepEqual([...duplicates.get(a.key)!], [{ file: c.file, line: c.line }, { file: e.file, line: e.line }]);
  assert.deepEqual([...duplicates.get(c.key)!], [{ file: a.file, line: a.line }, { file: e.file, line: e.line }]);
  assert.equal(duplicates.get(e.key)!.total, 2);
});

test('a duplicate row is blocked, one problem per other place (1-based lines), the file\'s own problems kept', () => {
  const errors = [{ line: 3, character: 4, code: 'invalid-option', message: 'no such option' }];
  const entry = contact('/seed/a.contacts.json', 0, 'ann@example.com', { errorCount: 1, errors });
  const row: PlannedContact = { entry, action: 'blocked', route: undefined, id: '700', changes: [], problems: errors, note: 'not sent: 1 error in the file' };
  const blocked = blockedAsDuplicate(row, [{ file: '/seed/b.contacts.json', line: 0 }, { file: '/seed/c.contact.json', line: 9 }]);
  assert.deepEqual([blocked.action, blocked.route, blocked.id, blocked.changes, blocked.note], ['blocked', undefined, '700', [], 'not sent: 2 other contacts of the set have the same email']);
  assert.deepEqual(blocked.problems, [
    ...errors,
    { line: entry.line, character: entry.character, code: PlanProblemCode.DuplicateEmail, message: 'same email as /seed/b.contacts.json:1' },
    { line: entry.line, character: entry.character, code: PlanProblemCode.DuplicateEmail, message: 'same email as /seed/c.contact.json:10' },
  ]);
});

test('a create or update row becomes blocked with nothing to send', () => {
  const entry = contact('/seed/a.contacts.json', 0, 'ann@example.com');
  const row: PlannedContact = { entry, action: 'create', route: 'upsert', id: undefined, changes: [{ property: 'email', old: null, new: 'ann@example.com' }], problems: [], note: 'new' };
  const blocked = blockedAsDuplicate(row, [{ file: '/seed/b.contacts.json', line: 4 }]);
  assert.deepEqual([blocked.action, blocked.route, blocked.changes, blocked.note], ['blocked', undefined, [], 'not sent: another contact of the set has the same email']);
  assert.deepEqual(blocked.problems.map((problem) => problem.message), ['same email as /seed/b.contacts.json:5']);
});

test('100 000 contacts with one email are tracked in linear time: the first few others listed, the rest counted (within 10 s)', () => {
  const count = 100_000;
  const entries = Array.from({ length: count }, (_, index) => contact('/seed/all.contacts.json', index, 'test@example.com'));
  const started = performance.now();
  const duplicates = track(entries);
  const elapsed = performance.now() - started;
  assert.equal(duplicates.size, count);
  const last = duplicates.get(entries[count - 1].key)!;
  assert.deepEqual([last.length, last.total, last[0]], [5, count - 1, { file: '/seed/all.contacts.json', line: 1 }]);
  const first = duplicates.get(entries[0].key)!;
  assert.equal(first[0].line, entries[1].line, 'a contact is not among its own others');
  const row: PlannedContact = { entry: entries[0], action: 'create', route: 'upsert', id: undefined, changes: [], problems: [], note: undefined };
  const blocked = blockedAsDuplicate(row, first);
  assert.equal(blocked.problems.length, 6);
  assert.equal(blocked.problems[5].message, `and as ${count - 6} more contacts of the set`);
  assert.equal(blocked.note, `not sent: ${count - 1} other contacts of the set have the same email`);
  assert.ok(elapsed < 10_000, `tracked in ${Math.round(elapsed)} ms`);
});
