// `contact-payloads create` through proxies and with --timeout, run as a process (the built bundle,
// with its trimmed undici): a real proxy carries the request; HTTPS_PROXY pointing at a plain HTTP
// server that is not a proxy ends soon (issue 10); --timeout ends an answer that drips; settings
// that cannot work are caught before anything is sent. Each run has the support's outer bound, each
// test one of its own.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startSandbox, type Sandbox } from '../sandbox/sandbox';
import { closedPort, NOT_LOOPBACK_BASE_URL, startDripServer, startNotAProxy, type LocalServer } from '../http/support';
import { startConnectProxy, TEST_CA_FILE, type TestProxy } from '../http/tlsProxy';
import { runCli, type CliRun } from './support';

const TOKEN = 'pat-na1-c1id3ad1-0000-4bad-9ood-70ken0000cd';
const TEST_BOUND = { timeout: 30_000 };
const FILE = 'ada.contact.json';

const scratch = mkdtempSync(path.join(tmpdir(), 'contact-payloads-deadlines-'));
writeFileSync(path.join(scratch, FILE), '{\n  "properties": [\n    { "property": "email", "value": "ada@example.com" }\n  ]\n}\n');
after(() => rmSync(scratch, { recursive: true, force: true }));

async function timedRun(args: readonly string[], env: Readonly<Record<string, string>>): Promise<CliRun & { readonly elapsedMs: number }> {
  const startedAt = Date.now();
  const run = await runCli(['create', FILE, ...args], { cwd: scratch, env: { HUBSPOT_ACCESS_TOKEN: TOKEN, ...env } });
  return { ...run, elapsedMs: Date.now() - startedAt };
}

describe('create through proxies and with --timeout', () => {
  let notAProxy: LocalServer;
  let drip: LocalServer;
  let sandbox: Sandbox;
  let proxy: TestProxy;
  before(async () => {
    sandbox = await startSandbox({ token: TOKEN, firstVid: 61574 });
    proxy = await startConnectProxy(sandbox.port);
    notAProxy = await startNotAProxy();
    drip = await startDripServer();
  });
  after(async () => {
    await notAProxy.stop();
    await drip.stop();
    await proxy.stop();
    await sandbox.stop();
  });

  it('a real proxy in HTTPS_PROXY carries the create over TLS: exit 0', TEST_BOUND, async () => {
    const baseUrl = `https://0.0.0.0:${await closedPort()}`;
    const run = await timedRun([], { HUBSPOT_BASE_URL: baseUrl, HTTPS_PROXY: proxy.url, NODE_EXTRA_CA_CERTS: TEST_CA_FILE });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^ada\.contact\.json: 200 OK — contact 61574 created in \d+ ms\n$/);
    assert.deepEqual(proxy.tunnels, [new URL(baseUrl).host]);
  });

  it('HTTPS_PROXY at a server that is not a proxy: exit 2 (nothing sent) with the proxy message, soon, after few connections', TEST_BOUND, async () => {
    const run = await timedRun(['--max-retries', '1'], { HUBSPOT_BASE_URL: NOT_LOOPBACK_BASE_URL, HTTPS_PROXY: notAProxy.url });
    assert.equal(run.code, 2);
    assert.equal(
      run.stdout,
      `${FILE}: No response — could not reach HubSpot through the proxy ${notAProxy.url}: it closed the connection without opening a tunnel (is it a proxy?); nothing reached HubSpot; gave up after 1 retry\n`,
    );
    assert.ok(run.elapsedMs < 15_000, `took ${run.elapsedMs} ms`);
    assert.ok(notAProxy.connections() < 50, `${notAProxy.connections()} connection attempts`);
  });

  it('--timeout 1 ends an answer that drips a byte at a time after about a second: exit 3, "timed out after 1 s"', TEST_BOUND, async () => {
    const run = await timedRun(['--timeout', '1', '--max-retries', '0'], { HUBSPOT_BASE_URL: drip.url });
    assert.equal(run.code, 3);
    assert.equal(
      run.stdout,
      `${FILE}: No response — ${new URL(drip.url).host} stopped sending the answer part way (timed out after 1 s); ` +
        'the contact may have been created — check HubSpot before sending again; retries are turned off\n',
    );
    assert.ok(run.elapsedMs < 10_000, `took ${run.elapsedMs} ms`);
  });

  it('--timeout takes whole seconds from 1 to 600', TEST_BOUND, async () => {
    for (const value of ['0', '601', '1.5', 'soon']) {
      const run = await timedRun(['--timeout', value], { HUBSPOT_BASE_URL: drip.url });
      assert.deepEqual(
        [run.code, run.stdout, run.stderr],
        [2, '', `contact-payloads: --timeout takes a whole number from 1 to 600 (got "${value}").\nRun "contact-payloads create --help" for usage.\n`],
        value,
      );
    }
  });

  it('settings that cannot work are refused before anything is sent: exit 2', TEST_BOUND, async () => {
    const before = notAProxy.connections();
    const cases: [Record<string, string>, string][] = [
      [{ HTTPS_PROXY: 'socks5://127.0.0.1:1080' }, 'contact-payloads: HTTPS_PROXY uses socks5:// proxies, which are not supported; use an http:// or https:// proxy.'],
      [{ HTTPS_PROXY: notAProxy.url, HUBSPOT_ACCESS_TOKEN: `${TOKEN.slice(0, 8)}\u200B${TOKEN.slice(8)}` }, 'contact-payloads: The HubSpot access token contains spaces or characters that cannot be sent; paste it again.'],
    ];
    for (const [env, message] of cases) {
      const run = await timedRun([], { HUBSPOT_BASE_URL: NOT_LOOPBACK_BASE_URL, ...env });
      assert.deepEqual([run.code, run.stdout, run.stderr], [2, '', `${message}\n`], JSON.stringify(env));
    }
    assert.equal(notAProxy.connections(), before, 'nothing was sent');
  });
});
