// `npm run sandbox` (test/sandbox/main.ts) as a real process: its options reach the sandbox it starts.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { it } from 'node:test';

const MAIN = path.resolve(import.meta.dirname, '../sandbox/main.ts');
const TOKEN = 'pat-na1-00000000-test-main-0000-000000000000';
/** Starting tsx and the server takes a second or two; far longer means it hung. */
const START_DEADLINE_MS = 30_000;

/** Runs main.ts with these options until `run` is done; `run` gets the sandbox's URL once it prints `ready` as well. */
async function withMain(args: readonly string[], ready: string, run: (url: string) => Promise<void>): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, '--port', '0', '--token', TOKEN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`the sandbox did not start within ${START_DEADLINE_MS} ms: ${output}`)), START_DEADLINE_MS);
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString('utf8');
        const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (match?.[1] && output.includes(ready)) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the sandbox exited (${code}): ${output}`));
      });
    });
    await run(url);
  } finally {
    const exited = child.exitCode === null ? once(child, 'exit') : Promise.resolve();
    child.kill('SIGTERM');
    await exited;
  }
}

function post(url: string, body: unknown): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
}

it('--required-on-create makes a 2026-09 create without those properties answer 400 REQUIRED_PROPERTY', () =>
  withMain(['--required-on-create', 'lastname, company'], 'Required on create:   lastname, company', async (url) => {
    const response = await post(`${url}/crm/objects/2026-09/contacts`, { properties: { email: 'main@example.com', company: 'Acme' } });
    assert.equal(response.status, 400);
    const { message } = (await response.json()) as { message: string };
    assert.match(message, /"name":"lastname","error":"REQUIRED_PROPERTY"/);
    assert.doesNotMatch(message, /"name":"company"/);
  }));

it('--rate-limit 2/1m --daily 50: the headers say so and the 3rd request in the minute is 429 TEN_SECONDLY_ROLLING', () =>
  withMain(['--rate-limit', '2/1m', '--daily', '50'], 'Rate limits:          2 requests per rolling 60000 ms, 50 a day', async (url) => {
    const read = () => post(`${url}/crm/v3/objects/contacts/batch/read`, { idProperty: 'email', inputs: [{ id: 'nobody@example.com' }] });
    const first = await read();
    assert.deepEqual(
      ['max', 'remaining', 'interval-milliseconds', 'daily', 'daily-remaining'].map((name) => first.headers.get(`x-hubspot-ratelimit-${name}`)),
      ['2', '1', '60000', '50', '49'],
    );
    assert.equal((await read()).status, 207);
    const limited = await read();
    assert.equal(limited.status, 429);
    assert.equal(((await limited.json()) as { policyName: string }).policyName, 'TEN_SECONDLY_ROLLING');
  }));

it('--faults lost=1: a batch create gets no answer, yet the control API lists the contact', () =>
  withMain(['--faults', 'lost=1', '--seed', '5'], 'Random faults:        lost=1  (seed 5)', async (url) => {
    await assert.rejects(post(`${url}/crm/v3/objects/contacts/batch/create`, { inputs: [{ properties: { email: 'lost@example.com' }, objectWriteTraceId: 'l1' }] }));
    const contacts = (await (await fetch(`${url}/__sandbox/contacts`, { signal: AbortSignal.timeout(10_000) })).json()) as { properties: { email?: { value: string } } }[];
    assert.deepEqual(contacts.map((contact) => contact.properties.email?.value), ['lost@example.com']);
  }));

it('an unreadable --rate-limit stops main.ts with exit code 2 and says what it takes', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, '--port', '0', '--rate-limit', 'lots'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
  const timer = setTimeout(() => child.kill('SIGKILL'), START_DEADLINE_MS);
  const [code] = (await once(child, 'exit')) as [number | null];
  clearTimeout(timer);
  assert.equal(code, 2);
  assert.match(errors, /--rate-limit takes requests\/interval, such as 100\/10s/);
});
