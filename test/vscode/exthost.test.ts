// Runs the in-editor mocha suite (test/vscode/suite/) inside code-server's Node extension host, with
// the repo as extensionDevelopmentPath: the offline launcher of the suite (launch-electron.ts is
// the one for machines that can download VS Code). Needs `npm run build` (dist/) and .ci/install-e2e.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { runExtensionTests } from './harness/extensionTests';
import { WORKSPACE_FILES } from './harness/fixtures';
import { extensionLogTail } from './harness/logs';
import { BUILD_SUITE_SCRIPT, EXTENSION_DEVELOPMENT_PATH, REPO_ROOT, requireFile, SUITE_INDEX } from './harness/paths';

void test("the in-editor suite passes in code-server's extension host", { timeout: 240_000 }, async (t) => {
  const manifest = JSON.parse(fs.readFileSync(path.join(EXTENSION_DEVELOPMENT_PATH, 'package.json'), 'utf8')) as { main?: string };
  const main = path.resolve(EXTENSION_DEVELOPMENT_PATH, manifest.main ?? 'no "main" in package.json');
  requireFile(main, 'the built extension', 'run `npm run build` first');
  execFileSync(process.execPath, [BUILD_SUITE_SCRIPT], { stdio: 'inherit' });

  const result = await runExtensionTests({
    name: 'exthost',
    extensionDevelopmentPath: EXTENSION_DEVELOPMENT_PATH,
    extensionTestsPath: SUITE_INDEX,
    files: WORKSPACE_FILES,
  });
  t.diagnostic(`logs: ${path.relative(REPO_ROOT, result.profile.dir)}`);
  if (result.exitCode !== 0) t.diagnostic(`the extension's output channel:\n${extensionLogTail(result.profile)}`);
  assert.equal(result.exitCode, 0, `the in-editor suite failed (exit code ${result.exitCode}):\n${result.mochaOutput}`);
  console.log(result.mochaOutput);
  assert.match(result.mochaOutput, /\b[1-9]\d* passing\b/, 'mocha reported passing tests');
  assert.doesNotMatch(result.mochaOutput, /\b\d+ failing\b/);
});
