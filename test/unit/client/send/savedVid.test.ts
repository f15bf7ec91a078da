import assert from 'node:assert/strict';
import { test } from 'node:test';
import { savedVid } from '../../../../client/src/send/savedVid';

test('a file without a vid has none saved', () => {
  assert.deepEqual(savedVid(undefined), { kind: 'none' });
});

test('a positive whole number is the saved vid', () => {
  assert.deepEqual(savedVid(61574), { kind: 'usable', vid: 61574 });
});

test('a quoted, fractional, negative, zero or too large vid is unusable, and says so', () => {
  for (const vid of ['61574', 1.5, -3, 0, 2 ** 53, null, true]) {
    assert.deepEqual(savedVid(vid), { kind: 'unusable', problem: `the file's "vid" (${JSON.stringify(vid)}) is not a positive whole number` });
  }
});
