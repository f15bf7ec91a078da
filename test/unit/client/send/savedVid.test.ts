import assert from 'node:assert/strict';
import { test } from 'node:test';
import { savedVid } from '../../../../client/src/send/savedVid';
import { parsePayload, savedContactId } from '../../../../server/src/service';

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

test("the editor's and the CLI's rule is the language server's (its CodeLens): the same values are usable", () => {
  // Two sides of the wire, two bundles: the client does not ship the engine, so the rule is written on
  // each side and this test holds them equal.
  const values = ['61574', '1', '0', '-1', '1.5', String(2 ** 53), '1e400', '"61574"', 'null', 'true', '[]', '{}'];
  for (const value of values) {
    const text = `{"properties": [], "vid": ${value}}`;
    const fromEngine = savedContactId(parsePayload(text));
    const fromClient = savedVid((JSON.parse(text) as { vid: unknown }).vid);
    assert.equal(fromClient.kind === 'usable' ? fromClient.vid : undefined, fromEngine, text);
  }
});
