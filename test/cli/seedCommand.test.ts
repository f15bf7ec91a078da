// `contact-payloads seed` run as a process against the sandbox: the plan (--dry-run, text and
// JSON), a send that needs --yes off a terminal, exit statuses, ids saved into single and batch
// files, and runs killed with SIGKILL then run again: every contact in the portal exactly once, and
// a create whose answer never came held back instead of sent twice.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { startSandbox, type Sandbox, type SandboxOptions } from '../sandbox/sandbox';
import { CLI, runCli, runs, type CliRun } from './support';

const TOKEN = 'pat-na1-5eedcli-0000-4bad-9ood-70ken0000cli';
const KILL_DEADLINE_MS = 30_000;

let scratch: string;
let sandbox: Sandbox | undefined;

beforeEach(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'contact-payloads-seed-'));
});
afterEach(async () => {
  await sandbox?.stop();
  sandbox = undefined;
  rmSync(scratch, { recursive: true, force: true });
});

async function portal(options: SandboxOptions = { rateLimits: { burst: 1_000 } }): Promise<Sandbox> {
  sandbox = await startSandbox({ token: TOKEN, ...options });
  return sandbox;
}

function write(name: string, value: unknown): void {
  const file = path.join(scratch, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, typeof value === 'string' ? value : `${JSON.stringify(value, null, 2)}\n`);
}

const read = (name: string) => readFileSync(path.join(scratch, name), 'utf8');
const journalArgs = () => ['--journal', path.join(scratch, '.journal.jsonl')];

function seed(args: readonly string[], portalUrl: string): Promise<CliRun> {
  return runCli(['seed', ...args], { cwd: scratch, env: { HUBSPOT_ACCESS_TOKEN: TOKEN, HUBSPOT_BASE_URL: portalUrl } });
}

/** A CRM objects batch file of `count` contacts from seed`first`@example.com on. */
function batchFile(name: string, count: number, first = 0): void {
  const inputs = Array.from({ length: count }, (_, n) => ({ properties: { email: `seed${first + n}@example.com`, firstname: `First${first + n}` } }));
  write(name, { inputs });
}

function sampleSet(): void {
  write('seeds/ada.contact.json', { properties: { email: 'ada@example.com', firstname: 'Ada' } });
  write('seeds/grace.contact.json', { properties: [{ property: 'email', value: 'grace@example.com' }, { property: 'firstname', value: 'Grace' }] });
  write('seeds/team.contacts.json', { inputs: [{ properties: { email: 'alan@example.com', firstname: 'Alan' } }, { properties: { email: 'edsger@example.com' } }] });
}

interface JsonContact { readonly file: string; readonly line: number; readonly action?: string; readonly outcome?: string; readonly id?: string; readonly email?: string; readonly message?: string }
interface SeedJson { readonly plan: { readonly counts: Record<string, number> }; readonly run?: { readonly counts: Record<string, number>; readonly requests: number }; readonly contacts: readonly JsonContact[] }

const writes = (portal: Sandbox) => portal.requests.filter((request) => request.route === 'batchUpsert' || request.route === 'batchCreate' || request.route === 'batchUpdate');

describe('contact-payloads seed', () => {
  it('--help lists the options and every exit status', async () => {
    const run = await runCli(['seed', '--help']);
    assert.equal(run.code, 0);
    for (const text of ['--dry-run', '--json', '--yes', '--save-ids', '--journal FILE', '--max-retries N', '--api-version']) assert.ok(run.stdout.includes(text), text);
    for (const status of ['0  every contact', '1  some contacts failed', '2  a usage', '3  some creates', '4  stopped before the end']) assert.ok(run.stdout.includes(status), status);
  });

  it('--dry-run --json plans single and batch files of both shapes against the portal and writes nothing', async () => {
    const sandbox = await portal();
    sandbox.contacts.create({ email: 'ada@example.com', firstname: 'Ada' });
    sandbox.contacts.create({ email: 'alan@example.com', firstname: 'Al' });
    sampleSet();
    const run = await seed(['seeds', '--dry-run', '--json', ...journalArgs()], sandbox.url);
    assert.equal(run.code, 0, run.stderr);
    const plan = JSON.parse(run.stdout) as SeedJson;
    assert.deepEqual(plan.plan.counts, { create: 2, update: 1, unchanged: 1, blocked: 0, uncertain: 0 });
    const byEmail = new Map(plan.contacts.map((contact) => [contact.email, contact]));
    assert.deepEqual([byEmail.get('alan@example.com')?.action, byEmail.get('alan@example.com')?.file], ['update', 'seeds/team.contacts.json']);
    assert.equal(byEmail.get('ada@example.com')?.action, 'unchanged');
    assert.equal(byEmail.get('grace@example.com')?.action, 'create');
    assert.equal(writes(sandbox).length, 0);
    assert.equal(sandbox.contacts.size, 2);
  });

  it('sends nothing off a terminal without --yes (exit 2), and with --yes sends the set (exit 0); a second run finds it unchanged', async () => {
    const sandbox = await portal();
    sampleSet();
    const refused = await seed(['seeds', ...journalArgs()], sandbox.url);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /--yes/);
    assert.equal(writes(sandbox).length, 0);

    const sent = await seed(['seeds', '--yes', '--json', ...journalArgs()], sandbox.url);
    assert.equal(sent.code, 0, sent.stderr);
    const report = JSON.parse(sent.stdout) as SeedJson;
    assert.equal(report.run?.counts.created, 4);
    assert.equal(sandbox.contacts.size, 4);
    assert.ok(report.contacts.every((contact) => contact.outcome === 'created' && /^\d+$/.test(contact.id ?? '')));

    sandbox.clearRequests();
    const again = await seed(['seeds', '--yes', ...journalArgs()], sandbox.url);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /4 unchanged/);
    assert.equal(writes(sandbox).length, 0);
  });

  it('--save-plan keeps the plan; --plan sends exactly it later without reading the portal, holding back a contact whose file changed since', async () => {
    const sandbox = await portal();
    sampleSet();
    const planned = await seed(['seeds', '--dry-run', '--save-plan', 'seed.plan', ...journalArgs()], sandbox.url);
    assert.equal(planned.code, 0, planned.stderr);
    assert.match(planned.stdout, /Plan saved to seed\.plan/);
    assert.equal(writes(sandbox).length, 0);
    write('seeds/ada.contact.json', { properties: { email: 'ada@example.com', firstname: 'Ada L.' } });

    sandbox.clearRequests();
    const sent = await seed(['--plan', 'seed.plan', '--yes', '--json', ...journalArgs()], sandbox.url);
    assert.equal(sent.code, 1, sent.stderr);
    const report = JSON.parse(sent.stdout) as SeedJson;
    assert.deepEqual([report.run?.counts.created, report.run?.counts.notSent], [3, 1]);
    const ada = report.contacts.find((contact) => contact.file === 'seeds/ada.contact.json');
    assert.match(ada?.message ?? '', /changed since the plan/);
    assert.equal(sandbox.requests.filter((request) => request.route === 'batchRead').length, 0, 'the portal was not read again');
    assert.deepEqual(sandbox.contacts.all().map((contact) => contact.properties.get('email')?.value).sort(), ['alan@example.com', 'edsger@example.com', 'grace@example.com']);
  });

  it('--plan refuses another portal, a file that is not a plan, and a PATH beside it (exit 2), sending nothing', async () => {
    const first = await portal();
    sampleSet();
    assert.equal((await seed(['seeds', '--dry-run', '--save-plan', 'seed.plan', ...journalArgs()], first.url)).code, 0);
    await first.stop();
    const other = await portal({ portalId: 777, rateLimits: { burst: 1_000 } });
    const wrongPortal = await seed(['--plan', 'seed.plan', '--yes', ...journalArgs()], other.url);
    assert.equal(wrongPortal.code, 2);
    assert.match(wrongPortal.stderr, /the plan was made for .* portal 62515 .*, not .* portal 777/);
    write('not-a.plan', '{"inputs": []}\n');
    const notAPlan = await seed(['--plan', 'not-a.plan', '--yes', ...journalArgs()], other.url);
    assert.equal(notAPlan.code, 2);
    assert.match(notAPlan.stderr, /not-a\.plan is not a seed plan/);
    const withPath = await seed(['seeds', '--plan', 'seed.plan', '--yes'], other.url);
    assert.equal(withPath.code, 2);
    assert.match(withPath.stderr, /--plan sends a saved plan as it is/);
    assert.equal(writes(other).length, 0);
  });

  it('--save-ids writes each new id into its file — "id" in a batch file\'s contacts, "vid" in a v1 file — and nothing else', async () => {
    const sandbox = await portal();
    sampleSet();
    const before = { team: read('seeds/team.contacts.json'), grace: read('seeds/grace.contact.json') };
    const run = await seed(['seeds', '--yes', '--save-ids', ...journalArgs()], sandbox.url);
    assert.equal(run.code, 0, run.stderr);
    const team = JSON.parse(read('seeds/team.contacts.json')) as { inputs: { id?: string }[] };
    assert.ok(team.inputs.every((input) => /^\d+$/.test(input.id ?? '')));
    assert.equal(read('seeds/team.contacts.json').replace(/\n\s*"id": "\d+",/g, ''), before.team);
    const grace = JSON.parse(read('seeds/grace.contact.json')) as { vid?: number };
    assert.equal(typeof grace.vid, 'number');
    assert.equal(read('seeds/grace.contact.json').replace(/\n\s*"vid": \d+,/g, ''), before.grace);
  });

  it('exits 1 and leaves a contact with errors out, naming its file and line, while the others go', async () => {
    const sandbox = await portal();
    write('seeds/ok.contact.json', { properties: { email: 'ok@example.com' } });
    write('seeds/bad.contact.json', { properties: { email: 'not an email' } });
    const run = await seed(['seeds', '--yes', ...journalArgs()], sandbox.url);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /seeds\/bad\.contact\.json:1 {2}blocked/);
    assert.equal(sandbox.contacts.size, 1);
  });

  it('killed with SIGKILL in the middle, the same command run again sends the rest: every contact once', async () => {
    const sandbox = await portal({ rateLimits: { burst: 2, intervalMs: 300 } });
    batchFile('seeds/a.contacts.json', 300);
    batchFile('seeds/b.contacts.json', 300, 300);
    await killWhen(['seeds', '--yes', ...journalArgs()], sandbox, () => nthArrival(sandbox, 'batchUpsert', 2));
    assert.ok(sandbox.contacts.size < 600, `${sandbox.contacts.size} contacts before the kill`);
    const rerun = await seed(['seeds', '--yes', '--json', ...journalArgs()], sandbox.url);
    assert.equal(rerun.code, 0, rerun.stderr);
    assert.equal(sandbox.contacts.size, 600);
    assert.equal(new Set(sandbox.contacts.all().map((contact) => contact.properties.get('email')?.value)).size, 600);
  });

  it('killed while a create without email is unanswered, a re-run holds it back as "may already exist" (exit 3) and creates nothing twice', async () => {
    const sandbox = await portal();
    write('seeds/nameless.contacts.json', { inputs: [{ properties: { firstname: 'No' } }, { properties: { firstname: 'Email' } }] });
    sandbox.inject({ route: 'batchCreate', delayMs: 2_000 });
    await killWhen(['seeds', '--yes', ...journalArgs()], sandbox, () => sandbox.waitForRequest((request) => request.route === 'batchCreate'));
    let createdAgain = false;
    void sandbox.waitForRequest((request) => request.route === 'batchCreate').then(() => {
      createdAgain = true;
    });
    const rerun = await seed(['seeds', '--yes', ...journalArgs()], sandbox.url);
    assert.equal(createdAgain, false, 'the re-run sent the create again');
    assert.equal(rerun.code, 3, rerun.stdout + rerun.stderr);
    assert.match(rerun.stdout, /2 that may already exist/);
  });

  it('--history FILE appends every request of a seed run and of a create, both bodies with HubSpot\'s answers, and not one byte of the token', async () => {
    const sandbox = await portal();
    sampleSet();
    const seeded = await seed(['seeds', '--yes', '--history', 'audit.jsonl', ...journalArgs()], sandbox.url);
    assert.equal(seeded.code, 0, seeded.stderr);
    write('solo.contact.json', { properties: { email: 'solo@example.com' } });
    const created = await runCli(['create', 'solo.contact.json', '--history', 'audit.jsonl'], { cwd: scratch, env: { HUBSPOT_ACCESS_TOKEN: TOKEN, HUBSPOT_BASE_URL: sandbox.url } });
    assert.equal(created.code, 0, created.stderr);

    const bytes = readFileSync(path.join(scratch, 'audit.jsonl'));
    assert.equal(bytes.includes(Buffer.from(TOKEN)), false, 'the token is not in the history');
    assert.equal(bytes.toString('utf8').toLowerCase().includes(TOKEN.toLowerCase()), false);
    const entries = bytes.toString('utf8').trim().split('\n').map((line) => JSON.parse(line) as { method: string; url: string; status: number; account: string; source?: string; requestBody?: { text: string }; responseBody?: { text: string } });
    assert.equal(entries.length, sandbox.requests.length, 'one entry per request the sandbox saw');
    assert.deepEqual(entries.map((entry) => new URL(entry.url).pathname), sandbox.requests.map((request) => request.path.split('?')[0]));
    const upsert = entries.find((entry) => entry.url.endsWith('/batch/upsert'));
    assert.match(upsert?.requestBody?.text ?? '', /alan@example\.com/);
    assert.match(upsert?.responseBody?.text ?? '', /"results"/);
    assert.deepEqual([entries.at(-1)?.status, entries.at(-1)?.source], [201, 'solo.contact.json'], 'the create, last, with its file');
    assert.ok(entries.every((entry) => entry.account === new URL(sandbox.url).origin));
  });

  it('create and update refuse a batch file (exit 2) and point at seed', async () => {
    const sandbox = await portal();
    sampleSet();
    for (const command of ['create', 'update']) {
      const run = await runCli([command, 'seeds/team.contacts.json'], { cwd: scratch, env: { HUBSPOT_ACCESS_TOKEN: TOKEN, HUBSPOT_BASE_URL: sandbox.url } });
      assert.deepEqual([run.code, run.stderr], [2, 'seeds/team.contacts.json: a batch file holds many contacts; send it with "contact-payloads seed seeds/team.contacts.json".\n']);
    }
    assert.equal(sandbox.requests.length, 0);
  });

  it('never prints the access token', () => {
    for (const run of runs) assert.ok(!`${run.stdout}${run.stderr}`.includes(TOKEN), `seen in ${run.args.join(' ')}`);
  });
});

/** Starts the CLI and SIGKILLs it once `arrived` resolves, within a deadline. */
async function killWhen(args: readonly string[], sandbox: Sandbox, arrived: () => Promise<unknown>): Promise<void> {
  const waiting = arrived();
  const child = spawn(process.execPath, [CLI, 'seed', ...args], { cwd: scratch, env: { PATH: process.env.PATH ?? '', HUBSPOT_ACCESS_TOKEN: TOKEN, HUBSPOT_BASE_URL: sandbox.url }, stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await withDeadline(waiting, 'the request to arrive');
  } finally {
    child.kill('SIGKILL');
    await exited;
  }
}

/** Resolves when the nth request to the route arrives. */
async function nthArrival(sandbox: Sandbox, route: string, n: number): Promise<void> {
  for (let seen = 0; seen < n; seen++) await sandbox.waitForRequest((request) => request.route === route);
}

function withDeadline<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`gave up waiting for ${what}`)), KILL_DEADLINE_MS);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}
