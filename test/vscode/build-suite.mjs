// Bundles the in-editor mocha suite (test/vscode/suite/index.ts and *.test.ts) to
// out/test/vscode/suite/*.js, one file each, for the extension host to load: CommonJS, `vscode`
// external, mocha bundled into index.js (the test files use its tdd globals, so they carry no mocha).
//   node test/vscode/build-suite.mjs
import fs from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';

const root = path.resolve(import.meta.dirname, '..', '..');
const suiteDir = path.join(root, 'test', 'vscode', 'suite');
const outdir = path.join(root, 'out', 'test', 'vscode', 'suite');

const entryPoints = fs
  .readdirSync(suiteDir)
  .filter((file) => file === 'index.ts' || file.endsWith('.test.ts'))
  .map((file) => path.join(suiteDir, file));

// A removed test must not linger as a stale .js that index.js would still load.
fs.rmSync(outdir, { recursive: true, force: true });
await esbuild.build({
  entryPoints,
  outdir,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // The oldest VS Code admitted by engines.vscode (1.100) runs extensions on Node 20.19.
  target: 'node20.19',
  external: ['vscode'],
  sourcemap: 'linked',
  sourcesContent: false,
  logLevel: 'warning',
  // mocha's parallel mode (never used here) require.resolve()s its worker files; that code is only
  // reached with `parallel: true`, so the bundle loads and runs without them.
  logOverride: { 'require-resolve-not-external': 'silent' },
  legalComments: 'none',
});
