// Runs the in-editor mocha suite (test/vscode/suite/) in desktop VS Code through @vscode/test-electron,
// on the oldest VS Code that engines.vscode admits and on the current stable. It downloads VS Code
// from Microsoft's update servers, so it needs internet (and a display, e.g. `xvfb-run -a`, on Linux);
// offline, test/vscode/exthost.test.ts runs the same suite in code-server instead.
//   node --import tsx test/vscode/launch-electron.ts [version ...]     (default: minimum and stable)
// Each version runs the suite twice, like exthost.test.ts: in a trusted folder, and in a folder left
// untrusted (only the *.untrusted.test.js files), each against its own HubSpot sandbox on 127.0.0.1.
// Exit code 0 only when the suite passed on every version; a VS Code that cannot be downloaded is a
// failure, reported in one line.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { startSandbox } from '../sandbox/sandbox';
import { SUITE_FILES } from './harness/fixtures';
import { BUILD_SUITE_SCRIPT, E2E_OUTPUT, EXTENSION_DEVELOPMENT_PATH, REPO_ROOT, requireFile, SUITE_INDEX } from './harness/paths';
import { freshProfile } from './harness/profile';
import { SANDBOX_TOKEN_VARIABLE, SANDBOX_URL_VARIABLE, sandboxSettings, STAGING_PORTAL, STAGING_SANDBOX_VARIABLE, stagingSandboxValue, SUITE_MODE_VARIABLE, type SuiteMode } from './suite/env';

const PREFIX = 'launch-electron:';

/** `^1.100.0` → `1.100.0`: the oldest VS Code the manifest admits. */
function minimumVersion(): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(EXTENSION_DEVELOPMENT_PATH, 'package.json'), 'utf8')) as { main?: string; engines?: { vscode?: string } };
  const match = /(\d+\.\d+\.\d+)/.exec(manifest.engines?.vscode ?? '');
  if (!match?.[1]) throw new Error(`${PREFIX} package.json has no engines.vscode version`);
  requireFile(path.resolve(EXTENSION_DEVELOPMENT_PATH, manifest.main ?? 'no "main" in package.json'), 'the built extension', 'run `npm run build` first');
  return match[1];
}

/** Downloads (or finds in the cache) every version first: offline that fails at once, in one line. */
async function download(versions: readonly string[]): Promise<Map<string, string> | undefined> {
  const executables = new Map<string, string>();
  for (const version of versions) {
    try {
      executables.set(version, await downloadAndUnzipVSCode({ version, cachePath: path.join(REPO_ROOT, 'test-output', 'vscode-test'), timeout: 30_000 }));
    } catch (error) {
      console.error(`${PREFIX} FAIL: cannot download VS Code ${version} (${error instanceof Error ? error.message : String(error)}); this launcher needs internet, offline run test/vscode/exthost.test.ts`);
      return undefined;
    }
  }
  return executables;
}

async function runOn(version: string, executable: string, mode: SuiteMode): Promise<boolean> {
  const what = `VS Code ${version} (${mode} folder)`;
  const sandbox = await startSandbox();
  // The accounts suite's second portal.
  const staging = await startSandbox({ portalId: STAGING_PORTAL });
  try {
    const profile = freshProfile(`electron-${version}-${mode}`, { files: SUITE_FILES, settings: sandboxSettings(sandbox.url, mode) });
    const code = await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: EXTENSION_DEVELOPMENT_PATH,
      extensionTestsPath: SUITE_INDEX,
      extensionTestsEnv: {
        [SUITE_MODE_VARIABLE]: mode,
        [SANDBOX_URL_VARIABLE]: sandbox.url,
        [SANDBOX_TOKEN_VARIABLE]: sandbox.token,
        [STAGING_SANDBOX_VARIABLE]: stagingSandboxValue(staging),
      },
      launchArgs: [
        profile.workspace,
        '--user-data-dir', profile.userDataDir,
        '--extensions-dir', profile.extensionsDir,
        ...(mode === 'trusted' ? ['--disable-workspace-trust'] : []),
        '--skip-welcome',
        '--skip-release-notes',
      ],
    });
    // Untrusted, the extension must not have reached the sandbox at all.
    const leaked = mode === 'untrusted' ? sandbox.requests.map((request) => `${request.method} ${request.path}`) : [];
    if (leaked.length > 0) console.error(`${PREFIX} ${what}: the sandbox got requests from an untrusted folder: ${leaked.join(', ')}`);
    const passed = code === 0 && leaked.length === 0;
    console.log(`${PREFIX} ${what}: ${passed ? 'PASS' : `FAIL (exit code ${code})`}`);
    return passed;
  } catch (error) {
    console.error(`${PREFIX} ${what}: FAIL (${error instanceof Error ? error.message : String(error)})`);
    return false;
  } finally {
    await sandbox.stop();
    await staging.stop();
  }
}

async function main(): Promise<number> {
  const versions = process.argv.slice(2).length > 0 ? process.argv.slice(2) : [minimumVersion(), 'stable'];
  const executables = await download(versions);
  if (!executables) return 1;
  execFileSync(process.execPath, [BUILD_SUITE_SCRIPT], { stdio: 'inherit' });
  fs.mkdirSync(E2E_OUTPUT, { recursive: true });
  let passed = true;
  // One after the other; a failure on the minimum version must not hide the result on stable.
  for (const [version, executable] of executables) {
    for (const mode of ['trusted', 'untrusted'] as const) passed = (await runOn(version, executable, mode)) && passed;
  }
  return passed ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error && error.name === 'MissingPrerequisite' ? `${PREFIX} FAIL: ${error.message}` : error);
    process.exit(1);
  },
);
