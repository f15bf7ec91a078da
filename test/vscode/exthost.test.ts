// Runs the in-editor mocha suite (test/vscode/suite/) inside code-server's Node extension host: the
// offline launcher of the suite (launch-electron.ts is the one for machines that can download VS Code).
// The extension under test is the packaged one: dist/contact-payloads.vsix's `extension/` folder,
// extracted under test-output/, is the extensionDevelopmentPath. Each run has its own HubSpot sandbox
// on 127.0.0.1 in this process; the user settings point `contactPayloads.baseUrl` at it, and the
// extension host's environment tells the suite its URL and token.
// Needs `npm run package` (dist/contact-payloads.vsix) and .ci/install-e2e.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test, type TestContext } from 'node:test';
import { startSandbox, type Sandbox } from '../sandbox/sandbox';
import { assertSuitePassed, runExtensionTests, type ExtensionTestResult } from './harness/extensionTests';
import { SUITE_FILES, UNTRUSTED_FILES } from './harness/fixtures';
import { BUILD_SUITE_SCRIPT, E2E_OUTPUT, SUITE_INDEX, VSIX } from './harness/paths';
import { extractVsix } from './harness/vsix';
import { SANDBOX_TOKEN_VARIABLE, SANDBOX_URL_VARIABLE, sandboxSettings, STAGING_PORTAL, STAGING_SANDBOX_VARIABLE, stagingSandboxValue, SUITE_MODE_VARIABLE, type SuiteMode } from './suite/env';

/** In the title of the box in which Replace Token and Add Account show a token (and account) handed to them, for the user to confirm. */
const HANDED_TOKEN_BOX = 'handed to this command';

/** Extracted and the suite built once per process, for both runs. */
let prepared: Promise<string> | undefined;
function prepare(): Promise<string> {
  prepared ??= extractVsix(VSIX, path.join(E2E_OUTPUT, 'exthost-extension')).then((extension) => {
    execFileSync(process.execPath, [BUILD_SUITE_SCRIPT], { stdio: 'inherit' });
    return extension;
  });
  return prepared;
}

/** Every *.log file of the run: code-server's, the workbench's, each output channel's (the extension's included). */
function logFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((relative) => relative.endsWith('.log'))
    .map((relative) => path.join(dir, relative));
}

async function runSuite(t: TestContext, mode: SuiteMode, check: (sandbox: Sandbox, result: ExtensionTestResult, staging: Sandbox) => void): Promise<void> {
  const extensionDevelopmentPath = await prepare();
  const sandbox = await startSandbox();
  const staging = await startSandbox({ portalId: STAGING_PORTAL });
  try {
    const result = await runExtensionTests({
      name: `exthost-${mode}`,
      extensionDevelopmentPath,
      extensionTestsPath: SUITE_INDEX,
      files: mode === 'untrusted' ? { ...SUITE_FILES, ...UNTRUSTED_FILES } : SUITE_FILES,
      settings: sandboxSettings(sandbox.url, mode),
      disableWorkspaceTrust: mode === 'trusted',
      // The suite stores the sandbox's token by passing it to Replace Token (and adds accounts with
      // theirs through Add Account), which ask first.
      confirmInputBoxes: [HANDED_TOKEN_BOX],
      env: {
        [SUITE_MODE_VARIABLE]: mode,
        [SANDBOX_URL_VARIABLE]: sandbox.url,
        [SANDBOX_TOKEN_VARIABLE]: sandbox.token,
        [STAGING_SANDBOX_VARIABLE]: stagingSandboxValue(staging),
      },
    });
    assertSuitePassed(t, result, `the in-editor suite (${mode})`);
    assert.ok((result.inputBoxesConfirmed.get(HANDED_TOKEN_BOX) ?? 0) >= 1, 'a token handed to Replace Token was stored only once the user confirmed it');
    check(sandbox, result, staging);
  } finally {
    await sandbox.stop();
    await staging.stop();
  }
}

void test("the in-editor suite passes in code-server's extension host, against the sandbox", { timeout: 240_000 }, (t) =>
  runSuite(t, 'trusted', (sandbox, result, staging) => {
    assert.ok(staging.requests.some((request) => request.route === 'createContact'), 'the accounts suite sent to the second portal');
    assert.ok(
      staging.requests.filter((request) => request.route !== 'tokenInfo').every((request) => ![staging.token, staging.readOnlyToken].some((token) => JSON.stringify(request).includes(token))),
      "the second portal's tokens travel only in its Authorization header and its token-info body",
    );
    assert.ok(!JSON.stringify(sandbox.requests).includes(staging.token), "the second portal's token never went to the first");
    const routes = new Set(sandbox.requests.map((request) => request.route));
    assert.ok(routes.has('createContact') && routes.has('updateContact'), `the suite sent creates and updates: ${[...routes].join(', ')}`);
    // HubSpot's token-info endpoint takes the token in its body ({"tokenKey": …}), to the same host: nowhere else but there and the Authorization header.
    const tokenInfo = sandbox.requests.filter((request) => request.route === 'tokenInfo');
    assert.ok(tokenInfo.length >= 1, 'storing the token asked for its scopes');
    assert.ok(tokenInfo.every((request) => JSON.stringify(JSON.parse(request.bodyText)) === JSON.stringify({ tokenKey: sandbox.token })), 'the token-info body is the token key and nothing else');
    assert.ok(
      sandbox.requests.filter((request) => request.route !== 'tokenInfo').every((request) => !JSON.stringify(request).includes(sandbox.token)),
      'otherwise the token travels only in the Authorization header (which the sandbox does not log)',
    );
    const logs = logFiles(result.profile.dir);
    assert.ok(logs.some((file) => file.includes(`${path.sep}contact-payloads.contact-payloads${path.sep}`)), 'the extension wrote its output-channel log');
    const leaks = logs.filter((file) => [sandbox.token, staging.token, staging.readOnlyToken].some((token) => fs.readFileSync(file, 'utf8').includes(token)));
    assert.deepEqual(leaks.map((file) => path.relative(result.profile.dir, file)), [], 'no log holds the access token');
  }),
);

void test('in an untrusted folder validation works and nothing is sent', { timeout: 240_000 }, (t) =>
  runSuite(t, 'untrusted', (sandbox, _result, staging) => {
    // The control API (/__sandbox/…) is not logged: this is every request the extension made.
    assert.deepEqual([...sandbox.requests, ...staging.requests].map((request) => `${request.method} ${request.path} → ${request.status}`), [], 'the sandboxes received no API request');
  }),
);
