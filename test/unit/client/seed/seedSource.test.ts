// How a seed set's files are read: a group at a time, sized by what the files hold, so that a folder
// of single contact files takes few reads and a folder of large batch files never sits in memory whole.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SeedContactRead } from '../../../../server/src/service/seedContact';
import { CONTACTS_PER_READ, MAX_FILES_PER_READ, readGroups, type SeedSource } from '../../../../client/src/seed/seedSource';

const contact: SeedContactRead = { index: 0, line: 0, character: 0, offset: 0, shape: 'objects', properties: [], email: undefined, id: undefined, associations: undefined, errorCount: 0, errors: [] };

/** `files` files of `perFile` contacts each; records the groups it was asked to read. */
function source(files: number, perFile: number): SeedSource & { readonly groups: number[] } {
  const groups: number[] = [];
  const names = Array.from({ length: files }, (_, n) => `/set/f${n}.contacts.json`);
  return {
    files: names,
    groups,
    read: (group) => {
      groups.push(group.length);
      return Promise.resolve(group.map((file) => ({ file, ok: true as const, read: { kind: 'batch' as const, contacts: Array.from({ length: perFile }, () => contact), fileErrors: [] } })));
    },
  };
}

async function readAll(from: SeedSource): Promise<number> {
  let files = 0;
  for await (const results of readGroups(from)) files += results.length;
  return files;
}

describe('readGroups', () => {
  it('reads every file once, in order, single contact files up to 200 at a time', async () => {
    const folder = source(1_001, 1);
    assert.equal(await readAll(folder), 1_001);
    assert.deepEqual(folder.groups, [1, MAX_FILES_PER_READ, MAX_FILES_PER_READ, MAX_FILES_PER_READ, MAX_FILES_PER_READ, MAX_FILES_PER_READ]);
  });

  it('reads files of 1 000 contacts or more one at a time, so no read holds more than one such file', async () => {
    const folder = source(12, 5_000);
    assert.equal(await readAll(folder), 12);
    assert.ok(folder.groups.every((size) => size === 1), `groups ${folder.groups.join(', ')}`);
  });

  it('sizes groups of middling files to about CONTACTS_PER_READ contacts', async () => {
    const folder = source(100, 50);
    await readAll(folder);
    assert.deepEqual(folder.groups.slice(0, 2), [1, CONTACTS_PER_READ / 50]);
  });
});
