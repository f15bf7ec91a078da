import assert from 'node:assert/strict';
import { test } from 'node:test';
import { savedId, writtenId } from '../../../../client/src/send/savedId';
import { parsePayload, savedContactId } from '../../../../server/src/service';

test('a file without a saved id has none, in either shape', () => {
  assert.deepEqual(savedId('v1', undefined), { kind: 'none' });
  assert.deepEqual(savedId('objects', undefined), { kind: 'none' });
});

test('v1: a positive whole number is the saved vid', () => {
  assert.deepEqual(savedId('v1', 61574), { kind: 'usable', id: 61574 });
});

test('v1: a quoted, fractional, negative, zero or too large vid is unusable, and says so', () => {
  for (const vid of ['61574', 1.5, -3, 0, 2 ** 53, null, true]) {
    assert.deepEqual(savedId('v1', vid), { kind: 'unusable', problem: `the file's "vid" (${JSON.stringify(vid)}) is not a positive whole number` });
  }
});

test('CRM objects: a string of digits that is a positive safe integer, without leading zeros, is the saved id, as HubSpot writes ids', () => {
  assert.deepEqual(savedId('objects', '61574'), { kind: 'usable', id: 61574 });
  assert.deepEqual(savedId('objects', String(Number.MAX_SAFE_INTEGER)), { kind: 'usable', id: Number.MAX_SAFE_INTEGER });
});

test('CRM objects: a number, or a string that is not the digits of a positive safe integer as HubSpot writes them, is unusable, and says so', () => {
  for (const id of [61574, '', ' 61574', '61574 ', '+1', '-1', '0', '00', '0123', '1.5', '1e3', '0x10', String(2 ** 53), 'abc', null, true, ['1'], { id: '1' }]) {
    assert.deepEqual(
      savedId('objects', id),
      { kind: 'unusable', problem: `the file's "id" (${JSON.stringify(id)}) is not a positive whole number written as a string of digits, such as "61574"` },
      JSON.stringify(id),
    );
  }
});

test('the id is written back as each shape reads it: a number for v1, a string for CRM objects', () => {
  assert.equal(writtenId('v1', 61574), 61574);
  assert.equal(writtenId('objects', 61574), '61574');
  assert.deepEqual(savedId('objects', writtenId('objects', 61574)), { kind: 'usable', id: 61574 });
});

/** Values as written in a file, for both shapes' keys. */
const WRITTEN = ['61574', '1', '0', '-1', '1.5', String(2 ** 53), '1e400', '"61574"', '"1"', '"0"', '"00"', '"0123"', '" 7"', '"1e3"', '"-1"', `"${2 ** 53}"`, '""', 'null', 'true', '[]', '{}'];

test("v1: the editor's and the CLI's rule is the language server's (its CodeLens): the same values are usable", () => {
  // Two sides of the wire, two bundles: the client does not ship the engine, so the rule is written on
  // each side and this test holds them equal.
  for (const value of WRITTEN) {
    const text = `{"properties": [], "vid": ${value}}`;
    const fromEngine = savedContactId(parsePayload(text));
    const fromClient = savedId('v1', (JSON.parse(text) as { vid: unknown }).vid);
    assert.equal(fromClient.kind === 'usable' ? fromClient.id : undefined, fromEngine, text);
  }
});

test("CRM objects: the editor's and the CLI's rule is the language server's: the same values are usable", () => {
  for (const value of WRITTEN) {
    const text = `{"properties": {}, "id": ${value}}`;
    const fromEngine = savedContactId(parsePayload(text));
    const fromClient = savedId('objects', (JSON.parse(text) as { id: unknown }).id);
    assert.equal(fromClient.kind === 'usable' ? fromClient.id : undefined, fromEngine, text);
  }
});
