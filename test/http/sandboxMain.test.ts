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

it('--required-on-create makes a 2026-09 create without those properties answer 400 REQUIRED_PROPERTY', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, '--port', '0', '--token', TOKEN, '--required-on-create', 'lastname, company'], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`the sandbox did not start within ${START_DEADLINE_MS} ms: ${output}`)), START_DEADLINE_MS);
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString('utf8');
        const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (match?.[1] && output.includes('Required on create:   lastname, company')) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the sandbox exited (${code}): ${output}`));
      });
    });
    const response = await fetch(`${url}/crm/objects/2026-09/contacts`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ properties: { email: 'main@example.com', company: 'Acme' } }),
      signal: AbortSignal.timeout(10_000),
    });
    assert.equal(response.status, 400);
    const { message } = (await response.json()) as { message: string };
    assert.match(message, /"name":"lastname","error":"REQUIRED_PROPERTY"/);
    assert.doesNotMatch(message, /"name":"company"/);
  } finally {
    const exited = child.exitCode === null ? once(child, 'exit') : Promise.resolve();
    child.kill('SIGTERM');
    await exited;
  }
});
