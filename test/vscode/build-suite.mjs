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

// The web suite (test/vscode/websuite/, run by webhost.test.ts): one file, as the web worker extension
// host can require only `vscode`; Node's assert is the `assert` package there, with a `process` of its own.
const webOutdir = path.join(root, 'out', 'test', 'vscode', 'websuite');
fs.rmSync(webOutdir, { recursive: true, force: true });
const webSuiteDir = path.join(root, 'test', 'vscode', 'websuite');
const strictAssert = path.join(webSuiteDir, 'strictAssert.ts');
await esbuild.build({
  entryPoints: { index: path.join(webSuiteDir, 'index.ts') },
  outdir: webOutdir,
  bundle: true,
  platform: 'browser',
  format: 'cjs',
  target: 'es2022',
  external: ['vscode'],
  sourcemap: 'inline',
  sourcesContent: false,
  logLevel: 'warning',
  legalComments: 'none',
  inject: [path.join(webSuiteDir, 'processShim.ts')],
  plugins: [
    { name: 'browser-assert', setup: (build) => build.onResolve({ filter: /^node:assert\/strict$/ }, () => ({ path: strictAssert })) },
    {
      // mocha's browser build is UMD in a "type": "module" package: bundled as it is, its `module.exports = …`
      // would replace this bundle's exports. Without a module in scope it sets globalThis.mocha instead.
      name: 'mocha-global',
      setup: (build) => build.onLoad({ filter: /mocha[\\/]mocha\.js$/ }, (args) => ({
        contents: `(function (module, exports, define) {\n${fs.readFileSync(args.path, 'utf8')}\n})();`,
        loader: 'js',
      })),
    },
  ],
});
