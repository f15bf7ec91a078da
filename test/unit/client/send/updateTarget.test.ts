import assert from 'node:assert/strict';
import { test } from 'node:test';
import { updateTarget } from '../../../../client/src/hubspot/contactsApi';
import { chooseUpdateTarget } from '../../../../client/src/send/updateTarget';

test('an update goes to the vid given, over the one the file keeps', () => {
  assert.deepEqual(chooseUpdateTarget(7, 61574), { ok: true, target: updateTarget(7) });
});

test("without a vid given, an update goes to the file's saved vid", () => {
  assert.deepEqual(chooseUpdateTarget(undefined, 61574), { ok: true, target: updateTarget(61574) });
});

test('without either, the choice says why there is no contact to update', () => {
  assert.deepEqual(chooseUpdateTarget(undefined, undefined), { ok: false, problem: 'the file has no "vid"' });
  assert.deepEqual(chooseUpdateTarget(undefined, '61574'), { ok: false, problem: `the file's "vid" ("61574") is not a positive whole number` });
});
