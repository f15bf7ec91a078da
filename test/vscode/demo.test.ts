// `npm run demo`, the README's first command, as a person runs it: it prints where VS Code is, and
// that address serves the workbench with a copy of examples/ (the seed folder too), the packaged
// extension installed and the sandbox answering; Ctrl+C ends it all. Its script once failed on a new
// examples/ folder and nothing noticed.
// Needs `npm run package` (dist/contact-payloads.vsix) and .ci/install-e2e.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { test } from 'node:test';
import { withDeadline } from './harness/deadline';
import { EXTENSION_ID } from './harness/logs';
import { assertE2eInstalled, REPO_ROOT, requireFile, VSIX } from './harness/paths';

const START_TIMEOUT = 90_000;
const STOP_TIMEOUT = 20_000;

void test('npm run demo prints a VS Code address that serves the workbench on a copy of examples/ with the extension installed, the sandbox answers, and Ctrl+C ends it', { timeout: 180_000 }, async (t) => {
  requireFile(VSIX, 'the packaged extension', 'run `npm run package` first');
  assertE2eInstalled();
  const demo = spawn(process.execPath, ['--import', 'tsx', path.join('test', 'vscode', 'demo.ts')], {
    cwd: REPO_ROOT,
    env: { ...process.env, DEMO_PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, as in a terminal: Ctrl+C reaches the demo and code-server alike, and a
    // failed run can end them all.
    detached: true,
  });
  const signalAll = (signal: NodeJS.Signals): void => {
    if (demo.pid !== undefined) process.kill(-demo.pid, signal);
  };
  const printed: string[] = [];
  const exited = new Promise<number | null>((resolve) => demo.once('exit', (code) => resolve(code)));
  try {
    readline.createInterface({ input: demo.stderr }).on('line', (line) => printed.push(line));
    const lines = readline.createInterface({ input: demo.stdout });
    // The last line of the banner is the one about Ctrl+C; the demo is up once it is printed.
    const banner = await withDeadline(
      new Promise<string>((resolve, reject) => {
        lines.on('line', (line) => {
          printed.push(line);
          if (line.includes('Ctrl+C stops')) resolve(printed.join('\n'));
        });
        void exited.then((code) => reject(new Error(`the demo ended (exit code ${code}) before it was up:\n${printed.join('\n')}`)));
      }),
      START_TIMEOUT,
      () => `the demo printed no address:\n${printed.join('\n')}`,
    );
    t.diagnostic(banner.trim());

    const workbenchUrl = /(http:\/\/127\.0\.0\.1:\d+\/\?folder=\S+)/.exec(banner)?.[1];
    const sandboxUrl = /local HubSpot sandbox at (http:\/\/127\.0\.0\.1:\d+)/.exec(banner)?.[1];
    const workspace = /The examples are copies in (.+?);/.exec(banner)?.[1];
    const logs = /Logs: (.+?)\. Ctrl\+C/.exec(banner)?.[1];
    const token = /and paste\s+(\S+)/.exec(banner)?.[1];
    assert.ok(workbenchUrl && sandboxUrl && workspace && logs && token, `the banner names the address, the sandbox, the copies, the logs and the token:\n${banner}`);

    const page = await fetch(workbenchUrl, { signal: AbortSignal.timeout(STOP_TIMEOUT) });
    assert.equal(page.status, 200, `GET ${workbenchUrl}`);
    assert.match(await page.text(), /workbench/i, 'the address serves the VS Code workbench');

    const examples = fs.readdirSync(path.join(REPO_ROOT, 'examples'), { recursive: true, encoding: 'utf8' });
    const copies = fs.readdirSync(workspace, { recursive: true, encoding: 'utf8' });
    assert.deepEqual(copies.filter((file) => examples.includes(file)).sort(), [...examples].sort(), 'every file and folder of examples/ is in the workspace');

    const installed = fs.readdirSync(path.join(logs, 'extensions')).filter((name) => name.startsWith(`${EXTENSION_ID}-`));
    assert.equal(installed.length, 1, `the packaged extension is installed in the demo's profile: ${installed.join(', ')}`);

    // The sandbox takes the token the banner tells the person to paste, and only that one.
    const create = (authorization: string): Promise<Response> =>
      fetch(`${sandboxUrl}/contacts/v1/contact`, {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/json' },
        body: JSON.stringify({ properties: [{ property: 'email', value: 'demo-check@example.com' }] }),
        signal: AbortSignal.timeout(STOP_TIMEOUT),
      });
    assert.equal((await create(`Bearer ${token}`)).status, 200, 'the sandbox creates a contact with the printed token');
    assert.equal((await create('Bearer pat-na1-someone-else')).status, 401, 'the sandbox refuses another token');

    signalAll('SIGINT');
    assert.equal(await withDeadline(exited, STOP_TIMEOUT, () => 'the demo did not end on Ctrl+C'), 0, 'the demo ends cleanly on Ctrl+C');
  } finally {
    if (demo.exitCode === null && demo.signalCode === null) {
      signalAll('SIGKILL');
      await exited;
    }
  }
});
