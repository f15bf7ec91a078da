// What the .vsix ships: the bundles, README, CHANGELOG, LICENSE, the icon and the manifest; no
// sources, schemas (compiled into server.js), tests, source maps or node_modules; and under 300 KB.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { VSIX } from './harness/paths';
import { listVsix } from './harness/vsix';

const SIZE_LIMIT_BYTES = 300_000;

test('the .vsix holds what ships and nothing else, under 300 KB', async () => {
  const names = (await listVsix(VSIX)).map((entry) => entry.name).sort();
  assert.deepEqual(names, [
    '[Content_Types].xml',
    'extension.vsixmanifest',
    'extension/LICENSE.txt',
    'extension/changelog.md',
    'extension/dist/client.js',
    'extension/dist/clientMain.js',
    'extension/dist/llhttp.wasm',
    'extension/dist/server.js',
    'extension/docs/icon.png',
    'extension/package.json',
    'extension/package.nls.json',
    'extension/readme.md',
  ]);
  const size = fs.statSync(VSIX).size;
  assert.ok(size < SIZE_LIMIT_BYTES, `the .vsix is ${size} bytes; the budget is ${SIZE_LIMIT_BYTES}`);
});
