// What the .vsix ships: the bundles, README, CHANGELOG, LICENSE, the icon and the manifest; no
// sources, schemas (compiled into server.js), tests, source maps or node_modules; and under 300 KB.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { SHIPPED_FILES } from '../../.ci/release';
import { VSIX } from './harness/paths';
import { listVsix } from './harness/vsix';

const SIZE_LIMIT_BYTES = 300_000;

test('the .vsix holds what ships and nothing else, under 300 KB', async () => {
  const names = (await listVsix(VSIX)).map((entry) => entry.name).sort();
  // vsce renames the license and lowercases the changelog and readme inside extension/.
  const inVsix = (file: string): string => `extension/${file === 'LICENSE' ? 'LICENSE.txt' : /^(CHANGELOG|README)\.md$/.test(file) ? file.toLowerCase() : file}`;
  assert.deepEqual(names, ['[Content_Types].xml', 'extension.vsixmanifest', ...SHIPPED_FILES.map(inVsix)].sort());
  const size = fs.statSync(VSIX).size;
  assert.ok(size < SIZE_LIMIT_BYTES, `the .vsix is ${size} bytes; the budget is ${SIZE_LIMIT_BYTES}`);
});
