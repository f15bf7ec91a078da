import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SeedContactRead } from '../../../../server/src/service/seedContact';
import { duplicateBlock, duplicateEmailTracker, PlanProblemCode } from '../../../../client/src/seed/plan';
import { seedEntry, type SeedEntry } from '../../../../client/src/seed/seedEntry';

function contact(file: string, index: number, email: string | undefined, extra: Partial<SeedContactRead> = {}): SeedEntry {
  return seedEntry(file, {
    index, line: 1 + index * 4, character: 2, offset: index * 40, shape: 'objects',
    properties: email === undefined ? [] : [{ property: 'email', value: email }],
    email, id: undefined, associations: undefined, errorCount: 0, errors: [], ...extra,
  });
}

/** The duplicates, by each contact's position in `entries`. */
function track(entries: readonly SeedEntry[]) {
  const tracker = duplicateEmailTracker();
  entries.forEach((entry, position) => tracker.add(entry, position));
  return tracker.duplicates(entries);
}

test('contacts sharing an email, in any case and across files, each map to the others in set order; unique and email-less ones to nothing', () => {
  const a = contact('/seed/a.contacts.json', 0, 'Ann@Example.com');
  const b = contact('/seed/a.contacts.json', 1, 'bob@example.com');
  const c = contact('/seed/b.contacts.json', 0, 'ann@example.com');
  const d = contact('/seed/b.contacts.json', 1, undefined);
  const e = contact('/seed/c.contact.json', 0, 'ANN@EXAMPLE.COM');
  const duplicates = track([a, b, c, d, e]);
  assert.deepEqual([...duplicates.keys()], [0, 2, 4]);
  assert.deepEqual([...duplicates.get(0)!], [{ file: c.file, line: c.line }, { file: e.file, line: e.line }]);
  assert.deepEqual([...duplicates.get(2)!], [{ file: a.file, line: a.line }, { file: e.file, line: e.line }]);
  assert.equal(duplicates.get(4)!.total, 2);
});

test('two different emails whose hashes meet are not duplicates; the same email among them still is', () => {
  // "costarring" and "liquid" share a 32-bit FNV-1a hash, and so do they with the same domain after them.
  const a = contact('/seed/a.contacts.json', 0, 'costarring@example.com');
  const b = contact('/seed/a.contacts.json', 1, 'liquid@example.com');
  const c = contact('/seed/b.contacts.json', 0, 'Liquid@Example.com');
  const duplicates = track([a, b, c]);
  assert.deepEqual([...duplicates.keys()], [1, 2]);
  assert.deepEqual([...duplicates.get(1)!], [{ file: c.file, line: c.line }]);
});

test('a duplicate is blocked with one problem per other place (1-based lines), at the contact, its own problems kept', () => {
  const errors = [{ line: 3, character: 4, code: 'invalid-option', message: 'no such option' }];
  const at = { line: 7, character: 2 };
  const blocked = duplicateBlock(at, errors, [{ file: '/seed/b.contacts.json', line: 0 }, { file: '/seed/c.contact.json', line: 9 }]);
  assert.equal(blocked.note, 'not sent: 2 other contacts of the set have the same email');
  assert.deepEqual(blocked.problems, [
    ...errors,
    { ...at, code: PlanProblemCode.DuplicateEmail, message: 'same email as /seed/b.contacts.json:1' },
    { ...at, code: PlanProblemCode.DuplicateEmail, message: 'same email as /seed/c.contact.json:10' },
  ]);
});

test('one other place is named with its file as the caller names files', () => {
  const blocked = duplicateBlock({ line: 0, character: 0 }, [], [{ file: '/seed/b.contacts.json', line: 4 }], (file) => file.replace('/seed/', ''));
  assert.equal(blocked.note, 'not sent: another contact of the set has the same email');
  assert.deepEqual(blocked.problems.map((problem) => problem.message), ['same email as b.contacts.json:5']);
});

// A tracker quadratic in the contacts sharing an email would take hours here: the timeout is the outer bound, not a figure.
test('100 000 contacts with one email: each lists the first few others and counts the rest', { timeout: 60_000 }, () => {
  const count = 100_000;
  const entries = Array.from({ length: count }, (_, index) => contact('/seed/all.contacts.json', index, 'test@example.com'));
  const duplicates = track(entries);
  assert.equal(duplicates.size, count);
  const last = duplicates.get(count - 1)!;
  assert.deepEqual([last.length, last.total, last[0]], [5, count - 1, { file: '/seed/all.contacts.json', line: 1 }]);
  const first = duplicates.get(0)!;
  assert.equal(first[0].line, entries[1].line, 'a contact is not among its own others');
  const blocked = duplicateBlock(entries[0], [], first);
  assert.equal(blocked.problems.length, 6);
  assert.equal(blocked.problems[5].message, `and as ${count - 6} more contacts of the set`);
  assert.equal(blocked.note, `not sent: ${count - 1} other contacts of the set have the same email`);
});
