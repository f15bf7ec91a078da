import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CheckFailureLog } from '../../../server/src/handlers/checkFailureLog';

test('the same failure, validation after validation, is logged once, with its stack', () => {
  const lines: string[] = [];
  const log = new CheckFailureLog((line) => lines.push(line));
  const error = new RangeError('Invalid time value');
  for (let keystroke = 0; keystroke < 100; keystroke++) log.report({ check: 'checking this entry', error });
  log.report({ check: 'describing a problem found', error });
  assert.equal(lines.length, 2);
  assert.match(lines[0], /^A check failed \(checking this entry\); the value is marked "check-failed" and the rest of the file is still checked\. This is logged once: RangeError: Invalid time value\n\s+at /);
  assert.match(lines[1], /\(describing a problem found\)/);
});

test('past 20 different failures, one line says that no more are logged', () => {
  const lines: string[] = [];
  const log = new CheckFailureLog((line) => lines.push(line));
  for (let value = 0; value < 1_000; value++) log.report({ check: 'checking this entry', error: `bad value ${value}` });
  assert.equal(lines.length, 21);
  assert.equal(lines[20], 'More than 20 different checks failed; further failures are not logged until the server restarts.');
});
