// Runs the web suite (test/vscode/websuite/: activation, diagnostics with exact ranges, completion,
// hover, quick fixes, the CRM objects shape, batch files, symbols, the hidden send commands) in
// code-server's web worker extension host, as VS Code for the Web runs the extension: the packaged
// extension's `browser` entry, its language server in a nested worker, in headless Chromium, offline.
// An extension with both `main` and `browser` runs in the Node host unless the user setting
// `remote.extensionKind` puts it in the web one, and the suite runs in the host of the extension whose
// folder holds it: it is copied into the extension's (docs/web.md). No sandbox: nothing here reaches HubSpot.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { assertSuitePassed, runExtensionTests } from './harness/extensionTests';
import { SUITE_FILES, WEB_SUITE_FILES } from './harness/fixtures';
import { EXTENSION_ID } from './harness/logs';
import { BUILD_SUITE_SCRIPT, E2E_OUTPUT, VSIX, WEB_SUITE_INDEX } from './harness/paths';
import { extractVsix } from './harness/vsix';

/** What a person sees of the sends the web cannot make: the status bar while a contact file is open, and the message of a send run anyway. */
const NO_SENDING_STATUS = 'HubSpot: not sent from the web';
const NO_SENDING_MESSAGE = 'not from VS Code for the Web';

void test("the web suite passes in code-server's web worker extension host", { timeout: 240_000 }, async (t) => {
  const extensionDevelopmentPath = await extractVsix(VSIX, path.join(E2E_OUTPUT, 'webhost-extension'));
  execFileSync(process.execPath, [BUILD_SUITE_SCRIPT], { stdio: 'inherit' });
  const suiteInExtension = path.join(extensionDevelopmentPath, 'websuite', 'index.js');
  fs.mkdirSync(path.dirname(suiteInExtension), { recursive: true });
  fs.copyFileSync(WEB_SUITE_INDEX, suiteInExtension);
  const result = await runExtensionTests({
    name: 'webhost',
    extensionDevelopmentPath,
    extensionTestsPath: suiteInExtension,
    files: { ...SUITE_FILES, ...WEB_SUITE_FILES },
    settings: { 'remote.extensionKind': { [EXTENSION_ID]: ['web'] } },
    watchFor: [NO_SENDING_STATUS, NO_SENDING_MESSAGE],
  });
  assertSuitePassed(t, result, 'the web suite');
  assert.match(result.mochaOutput, /the extension and this suite run in a web worker/, 'the web host test ran');
  assert.deepEqual([...result.seen].sort(), [NO_SENDING_MESSAGE, NO_SENDING_STATUS].sort(), 'the status bar and the message said that sends are not made from the web');
});
