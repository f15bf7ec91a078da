// Runs one side of the seed benchmark as a child process of its own, so that its CPU and memory are
// its own and not the sandbox's (which runs in the benchmark process). GNU time reports the child's
// peak resident set size, as the kernel counts it when the process ends.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const GNU_TIME = '/usr/bin/time';

export interface ChildRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Spawn → exit, Node's start-up included. */
  readonly wallMs: number;
  /** The child's peak RSS (GNU time's %M). */
  readonly peakRssMiB: number;
}

/**
 * `node <args>` with only PATH and `env` in its environment (no HUBSPOT_* or proxy variable of the
 * machine leaks in); killed after `deadlineMs`, so a side that hangs fails the benchmark instead of stalling it.
 */
export function runMeasured(args: readonly string[], env: Readonly<Record<string, string>>, deadlineMs: number): Promise<ChildRun> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'contact-payloads-seed-time-'));
  const timeFile = path.join(scratch, 'peak-rss');
  return new Promise<ChildRun>((resolve, reject) => {
    const started = performance.now();
    const child = spawn(GNU_TIME, ['--format=%M', `--output=${timeFile}`, process.execPath, ...args], {
      cwd: path.resolve(import.meta.dirname, '../..'),
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    const deadline = setTimeout(() => {
      child.kill();
      reject(new Error(`node ${args.join(' ')} did not finish within ${deadlineMs / 1000} s`));
    }, deadlineMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(deadline);
      const wallMs = performance.now() - started;
      // GNU time writes "Command exited with non-zero status N" before the figure when the child fails.
      const kib = Number(readFileSync(timeFile, 'utf8').trim().split('\n').at(-1));
      resolve({ code, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8'), wallMs, peakRssMiB: kib / 1024 });
    });
  }).finally(() => rmSync(scratch, { recursive: true, force: true }));
}

/**
 * `node <args>` on a terminal of its own (util-linux's `script` gives it one), answering `answer`
 * once `prompt` shows and `pauseMs` have passed: a person confirming. Its peak RSS is not taken
 * (NaN): GNU time would measure `script`. The output is the terminal's: stdout and stderr mixed,
 * lines ending in \r\n.
 */
export function runOnTerminal(args: readonly string[], env: Readonly<Record<string, string>>, prompt: string, answer: string, pauseMs: number, deadlineMs: number): Promise<ChildRun> {
  const command = [process.execPath, ...args].map((arg) => `'${arg.replaceAll("'", "'\\''")}'`).join(' ');
  return new Promise<ChildRun>((resolve, reject) => {
    const started = performance.now();
    const child = spawn('script', ['--quiet', '--return', '--flush', '--command', command, '/dev/null'], {
      cwd: path.resolve(import.meta.dirname, '../..'),
      env: { PATH: process.env.PATH ?? '', SHELL: '/bin/sh', TERM: 'dumb', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const output: Buffer[] = [];
    let answered = false;
    child.stdout.on('data', (chunk: Buffer) => {
      output.push(chunk);
      if (!answered && Buffer.concat(output).toString('utf8').includes(prompt)) {
        answered = true;
        setTimeout(() => child.stdin.write(answer), pauseMs);
      }
    });
    const deadline = setTimeout(() => {
      child.kill();
      reject(new Error(`node ${args.join(' ')} on a terminal did not finish within ${deadlineMs / 1000} s`));
    }, deadlineMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(deadline);
      const text = Buffer.concat(output).toString('utf8');
      resolve({ code, stdout: text, stderr: text, wallMs: performance.now() - started, peakRssMiB: Number.NaN });
    });
  });
}
