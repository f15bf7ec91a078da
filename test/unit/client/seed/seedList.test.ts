import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import os from 'node:os';
import { test } from 'node:test';
import { fileLists, memoryLists, type SeedLists } from '../../../../client/src/seed/seedList';

interface Entry {
  readonly email: string;
  readonly note?: string | undefined;
}

const KINDS: readonly (readonly [string, () => { lists: SeedLists; dispose: () => void }])[] = [
  ['in memory', () => ({ lists: memoryLists, dispose: () => undefined })],
  ['in files', fileLists],
];

for (const [kind, make] of KINDS) {
  test(`${kind}: entries set in any order read back at their positions, a later set replacing an earlier one, positions never set skipped`, () => {
    const { lists, dispose } = make();
    try {
      const list = lists<Entry>();
      list.set(2, { email: 'c@example.com' });
      list.set(0, { email: 'a@example.com', note: 'first' });
      list.set(2, { email: 'C@example.com', note: 'again — ü 👩‍💻' });
      assert.equal(list.length, 3);
      assert.deepEqual(list.at(0), { email: 'a@example.com', note: 'first' });
      assert.equal(list.at(1), undefined);
      assert.deepEqual(list.at(2), { email: 'C@example.com', note: 'again — ü 👩‍💻' });
      assert.equal(list.at(3), undefined);
      assert.deepEqual([...list].map((entry) => entry.email), ['a@example.com', 'C@example.com']);
    } finally {
      dispose();
    }
  });

  test(`${kind}: two lists of one run keep their own entries, past the first capacity`, () => {
    const { lists, dispose } = make();
    try {
      const rows = lists<Entry>();
      const results = lists<number>();
      for (let position = 0; position < 5_000; position++) {
        rows.set(position, { email: `seed${position}@example.com` });
        results.set(4_999 - position, position);
      }
      assert.equal(rows.length, 5_000);
      assert.equal(rows.at(4_321)?.email, 'seed4321@example.com');
      assert.equal(results.at(0), 4_999);
      assert.deepEqual([...results].slice(0, 3), [4_999, 4_998, 4_997]);
    } finally {
      dispose();
    }
  });
}

test('file lists: their folder is made under the system\'s temporary folder and removed by dispose, after which no list can be made', () => {
  const before = new Set(readdirSync(os.tmpdir()).filter((name) => name.startsWith('contact-payloads-seed-')));
  const { lists, dispose } = fileLists();
  lists<Entry>().set(0, { email: 'a@example.com' });
  const made = readdirSync(os.tmpdir()).filter((name) => name.startsWith('contact-payloads-seed-') && !before.has(name));
  assert.equal(made.length, 1);
  dispose();
  assert.equal(existsSync(`${os.tmpdir()}/${made[0]}`), false);
  assert.throws(() => lists<Entry>(), /disposed/);
  dispose();
});
