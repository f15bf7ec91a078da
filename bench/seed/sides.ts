// The sides of the seed benchmark, each a child process against a fresh sandbox in this process:
// ours (the CLI's `seed` command), the peer (HubSpot's Node SDK, bench/seed/peerSdk.ts) and the
// per-contact baseline (bench/seed/perContact.ts). What each did is counted by the sandbox.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../test/sandbox/sandbox';
import { runMeasured, runOnTerminal, type ChildRun } from './measuredChild';
import { tallySandbox, type SandboxTally } from './sandboxTally';
import type { SeedFolder } from './seedFiles';
import { seedContact } from './seedFiles';

const CLI_BUNDLE = path.resolve(import.meta.dirname, '../../dist/cli.js');
const PEER_SCRIPT = path.resolve(import.meta.dirname, 'peerSdk.ts');
const PER_CONTACT_SCRIPT = path.resolve(import.meta.dirname, 'perContact.ts');
/** A side that takes longer has hung (the slowest, the peer sending every batch at once, takes about 100 s). */
const SIDE_DEADLINE_MS = 300_000;

/** The `run` member of `contact-payloads seed --json`. */
export interface OurRunReport {
  readonly elapsedMs: number;
  /** The send phase, after planning (which reads the portal). */
  readonly sendElapsedMs: number;
  readonly requests: number;
  readonly rateLimited: number;
  readonly counts: Readonly<Record<'created' | 'updated' | 'unchanged' | 'failed' | 'blocked' | 'uncertain' | 'notSent', number>>;
}

export interface PeerReport {
  readonly batches: number;
  readonly failedBatches: number;
  readonly failures: readonly string[];
}

export interface PerContactReport {
  readonly sent: number;
  readonly created: number;
  readonly failed: number;
}

export interface SideRun<Says> {
  readonly child: ChildRun;
  readonly tally: SandboxTally;
  /** What the side printed about itself; undefined when its output was not that JSON. */
  readonly says: Says | undefined;
}

export type PeerMode = 'sequential' | 'all';

/** `cli`: another build of our CLI to measure (an earlier commit, for before/after figures); `nodeFlags`: V8's heap limits, say. */
export function runOurs(seed: SeedFolder, sandboxOptions: SandboxOptions, cli = CLI_BUNDLE, nodeFlags: readonly string[] = []): Promise<SideRun<OurRunReport>> {
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run npm run build`);
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'contact-payloads-seed-journal-'));
  const args = (sandbox: Sandbox) => [...nodeFlags, path.resolve(cli), 'seed', seed.folder, '--base-url', sandbox.url, '--api-version', 'v3', '--yes', '--json', '--journal', path.join(scratch, 'seed.journal')];
  return onFreshSandbox(sandboxOptions, seed.contacts, (sandbox) => runMeasured(args(sandbox), { HUBSPOT_ACCESS_TOKEN: sandbox.token }, SIDE_DEADLINE_MS), (stdout) => (JSON.parse(stdout) as { run: OurRunReport }).run)
    .finally(() => rmSync(scratch, { recursive: true, force: true }));
}

/**
 * Ours as a person runs it: `seed --dry-run --save-plan`, then `seed --plan` on a terminal,
 * confirmed `reviewMs` after it asks (a person reading the plan takes longer), so that the plan's
 * reads have left the rate limit's window when the send begins. The report is the second run's.
 */
export function runOursReviewed(seed: SeedFolder, sandboxOptions: SandboxOptions, reviewMs: number, cli = CLI_BUNDLE): Promise<SideRun<OurRunReport>> {
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run npm run build`);
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'contact-payloads-seed-journal-'));
  const plan = path.join(scratch, 'seed.plan');
  return onFreshSandbox(sandboxOptions, seed.contacts, async (sandbox) => {
    const env = { HUBSPOT_ACCESS_TOKEN: sandbox.token };
    const common = ['--base-url', sandbox.url, '--api-version', 'v3', '--journal', path.join(scratch, 'seed.journal')];
    const planned = await runMeasured([path.resolve(cli), 'seed', seed.folder, '--dry-run', '--save-plan', plan, ...common], env, SIDE_DEADLINE_MS);
    if (planned.code !== 0) throw new Error(`seed --dry-run --save-plan exited ${planned.code}: ${planned.stderr.slice(-500)}`);
    return runOnTerminal([path.resolve(cli), 'seed', '--plan', plan, '--json', ...common], env, '[y/N]', 'y\r', reviewMs, SIDE_DEADLINE_MS);
  }, runMember).finally(() => rmSync(scratch, { recursive: true, force: true }));
}

/** The `run` member of the JSON document among a terminal's lines (each head member is one line of its own). */
function runMember(output: string): OurRunReport {
  const line = /^\s*"run": (\{.*\}),?\r?$/m.exec(output);
  if (!line) throw new Error('no "run" member in the output');
  return JSON.parse(line[1]) as OurRunReport;
}

export function runPeer(seed: SeedFolder, mode: PeerMode, sandboxOptions: SandboxOptions): Promise<SideRun<PeerReport>> {
  return onFreshSandbox(sandboxOptions, seed.contacts, (sandbox) => runMeasured(['--import', 'tsx', PEER_SCRIPT, seed.folder, mode], scriptEnv(sandbox), SIDE_DEADLINE_MS), (stdout) => JSON.parse(stdout) as PeerReport);
}

/** The first `contacts` of the set, one request each. */
export function runPerContact(seed: SeedFolder, contacts: number, sandboxOptions: SandboxOptions): Promise<SideRun<PerContactReport>> {
  return onFreshSandbox(sandboxOptions, contacts, (sandbox) => runMeasured(['--import', 'tsx', PER_CONTACT_SCRIPT, seed.folder, String(contacts)], scriptEnv(sandbox), SIDE_DEADLINE_MS), (stdout) => JSON.parse(stdout) as PerContactReport);
}

function scriptEnv(sandbox: Sandbox): Record<string, string> {
  return { HUBSPOT_ACCESS_TOKEN: sandbox.token, SEED_BENCH_BASE_URL: sandbox.url };
}

async function onFreshSandbox<Says>(options: SandboxOptions, expectedContacts: number, run: (sandbox: Sandbox) => Promise<ChildRun>, read: (stdout: string) => Says): Promise<SideRun<Says>> {
  const sandbox = await startSandbox(options);
  try {
    const child = await run(sandbox);
    const emails = Array.from({ length: expectedContacts }, (_, index) => seedContact(index).email);
    return { child, tally: tallySandbox(sandbox, emails), says: readOrUndefined(child.stdout, read) };
  } finally {
    await sandbox.stop();
  }
}

function readOrUndefined<Says>(stdout: string, read: (stdout: string) => Says): Says | undefined {
  try {
    return read(stdout);
  } catch {
    return undefined;
  }
}
