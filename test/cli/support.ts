// Runs the built command line (dist/cli.js) as a real process, the way a shell or CI runs it, and
// keeps every run's output so that a test can search all of it (for a token, say).
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const REPO = path.resolve(import.meta.dirname, '../..');
export const CLI = path.join(REPO, 'dist/cli.js');
export const DIAGNOSTIC_FIXTURES = path.join(REPO, 'test/fixtures/diagnostics');
export const CLI_FIXTURES = path.join(REPO, 'test/fixtures/cli');

export interface CliRun {
  readonly args: readonly string[];
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly cwd?: string;
  /** Added to a bare environment: PATH only, so that no HUBSPOT_*, proxy or NO_COLOR variable of the machine leaks in. */
  readonly env?: Readonly<Record<string, string>>;
}

/** Every run of this test process, in order. */
export const runs: CliRun[] = [];

/** A run that takes longer has hung; it is killed and the test fails, instead of the suite waiting forever. */
const DEADLINE_MS = 60_000;

export function runCli(args: readonly string[], options: RunOptions = {}): Promise<CliRun> {
  assertBuildIsCurrent();
  return new Promise((resolve, reject) => {
    // Asynchronous on purpose: a sandbox in this process must keep answering while the CLI runs.
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: options.cwd ?? REPO,
      env: { PATH: process.env.PATH ?? '', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    const deadline = setTimeout(() => {
      child.kill();
      reject(new Error(`contact-payloads ${args.join(' ')} did not finish within ${DEADLINE_MS} ms`));
    }, DEADLINE_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(deadline);
      const run = { args, code, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') };
      runs.push(run);
      resolve(run);
    });
  });
}

/** The lines of an output, without the final line break. */
export function linesOf(output: string): string[] {
  return output === '' ? [] : output.replace(/\n$/, '').split('\n');
}

let buildChecked = false;

/** The tests run dist/cli.js; a bundle older than the sources would test old code without saying so. */
function assertBuildIsCurrent(): void {
  if (buildChecked) return;
  let built: number;
  try {
    built = statSync(CLI).mtimeMs;
  } catch {
    throw new Error(`${CLI} is missing: build it first with "node esbuild.mjs".`);
  }
  const sources = ['client/src', 'server/src', 'schemas'].flatMap((folder) => filesUnder(path.join(REPO, folder)));
  const newer = sources.filter((file) => statSync(file).mtimeMs > built);
  if (newer.length > 0) {
    throw new Error(`${CLI} is older than ${path.relative(REPO, newer[0] ?? '')}${newer.length > 1 ? ` and ${newer.length - 1} more` : ''}: rebuild it with "node esbuild.mjs".`);
  }
  buildChecked = true;
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}
