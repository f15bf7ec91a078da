// Proxies: VS Code's explicit `http.proxy` and `http.noProxy`, HTTP(S)_PROXY and NO_PROXY / no_proxy
// from the environment, and loopback base URLs, which never go through a proxy. The test proxy
// (tlsProxy.ts) records the tunnels it is asked for and carries them to the sandbox over TLS. The
// base URL https://0.0.0.0:PORT is not loopback by name, so proxy settings apply; PORT is closed, so
// a request that bypasses the proxy is refused on this machine and goes nowhere else.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { getCACertificates, setDefaultCACertificates } from 'node:tls';
import { HubSpotConfigError } from '../../../client/src/hubspot/configError';
import { createHubSpotClient, type HubSpotClientOptions } from '../../../client/src/hubspot/hubspotClient';
import { resolveProxySettings } from '../../../client/src/hubspot/proxy';
import { startSandbox, type Sandbox } from '../../sandbox/sandbox';
import { closedPort, contact } from '../support';
import { startConnectProxy, TEST_CA, type TestProxy } from '../tlsProxy';
import { CREATE_TARGET } from '../../../client/src/hubspot/contactsApi';

/** Every test has an outer bound, so a regression fails instead of hanging. */
const TEST_BOUND = { timeout: 20_000 };

describe('proxies', () => {
  let sandbox: Sandbox;
  let proxy: TestProxy;
  let baseUrl: string;
  const tunnel = () => new URL(baseUrl).host;
  before(async () => {
    setDefaultCACertificates([...getCACertificates('default'), TEST_CA]);
    sandbox = await startSandbox();
    proxy = await startConnectProxy(sandbox.port);
    baseUrl = `https://0.0.0.0:${await closedPort()}`;
  });
  after(async () => {
    await proxy.stop();
    await sandbox.stop();
  });
  beforeEach(() => {
    proxy.tunnels.length = 0;
    proxy.refuseWith = undefined;
    sandbox.clearRequests();
  });

  const create = async (options: Partial<HubSpotClientOptions>, email: string) => {
    const client = createHubSpotClient({ baseUrl, token: sandbox.token, sleep: async () => {}, retry: { maxRetries: 0 }, ...options });
    try {
      return await client.sendContact(CREATE_TARGET, contact(email));
    } finally {
      await client.close();
    }
  };
  /** Went direct: the closed port refused it, and the proxy saw nothing. */
  const assertWentDirect = (outcome: Awaited<ReturnType<typeof create>>) => {
    assert.ok(outcome.kind === 'networkError', outcome.summary);
    assert.equal(outcome.reason, 'refused');
    assert.deepEqual(proxy.tunnels, []);
  };

  it('an explicit proxy (VS Code http.proxy) carries an https request end to end', TEST_BOUND, async () => {
    const outcome = await create({ proxy: proxy.url, env: {} }, 'explicit@example.com');
    assert.equal(outcome.kind, 'created', outcome.summary);
    assert.deepEqual(proxy.tunnels, [tunnel()]);
    assert.equal(sandbox.requests.length, 1);
  });

  it('HTTPS_PROXY from the environment carries the request', TEST_BOUND, async () => {
    const outcome = await create({ env: { HTTPS_PROXY: proxy.url } }, 'env@example.com');
    assert.equal(outcome.kind, 'created', outcome.summary);
    assert.deepEqual(proxy.tunnels, [tunnel()]);
  });

  it('HTTP_PROXY alone carries https requests too, as curl does, and host:port is accepted as curl accepts it', TEST_BOUND, async () => {
    const outcome = await create({ env: { http_proxy: `127.0.0.1:${proxy.port}` } }, 'bare@example.com');
    assert.equal(outcome.kind, 'created', outcome.summary);
    assert.deepEqual(proxy.tunnels, [tunnel()]);
  });

  it('NO_PROXY bypasses the environment proxy', TEST_BOUND, async () => {
    assertWentDirect(await create({ env: { HTTPS_PROXY: proxy.url, NO_PROXY: 'example.com,0.0.0.0' } }, 'direct@example.com'));
  });

  it('no_proxy in lower case bypasses it as well, and also an explicit proxy', TEST_BOUND, async () => {
    assertWentDirect(await create({ proxy: proxy.url, env: { no_proxy: '0.0.0.0' } }, 'direct2@example.com'));
  });

  it('VS Code\'s http.noProxy applies whichever of no_proxy / NO_PROXY the environment sets', TEST_BOUND, async () => {
    for (const variable of ['no_proxy', 'NO_PROXY']) {
      proxy.tunnels.length = 0;
      assertWentDirect(await create({ proxy: proxy.url, env: { [variable]: 'corp.example' }, noProxy: ['0.0.0.0'] }, `no-proxy-${variable}@example.com`));
    }
  });

  it('a loopback base URL (the sandbox) never goes through a configured proxy', TEST_BOUND, async () => {
    const env = { HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url };
    const outcome = await create({ baseUrl: sandbox.url, proxy: proxy.url, env }, 'loopback@example.com');
    assert.equal(outcome.kind, 'created', outcome.summary);
    assert.deepEqual(proxy.tunnels, []);
    assert.equal(sandbox.requests.length, 1);
  });

  it('without proxy settings the request goes direct', TEST_BOUND, async () => {
    assertWentDirect(await create({ env: {} }, 'plain@example.com'));
  });

  it('a proxy refusing the tunnel is a "proxy" failure; nothing reached HubSpot, so even a create without email is retried', TEST_BOUND, async () => {
    proxy.refuseWith = 403;
    const client = createHubSpotClient({
      baseUrl,
      token: sandbox.token,
      proxy: proxy.url,
      env: {},
      retry: { maxRetries: 1, baseDelayMs: 10, maxDelayMs: 10 },
      sleep: async () => {},
    });
    try {
      const outcome = await client.sendContact(CREATE_TARGET, [{ property: 'firstname', value: 'Blocked' }]);
      assert.ok(outcome.kind === 'networkError');
      assert.equal(outcome.reason, 'proxy');
      assert.equal(outcome.mayHaveReachedServer, false);
      assert.equal(outcome.mayHaveBeenApplied, false);
      assert.deepEqual(proxy.tunnels, [tunnel(), tunnel()]);
      assert.equal(sandbox.requests.length, 0);
      assert.equal(outcome.summary, `No response — could not reach HubSpot through the proxy ${proxy.url}: it answered 403 to the tunnel request; nothing reached HubSpot; gave up after 1 retry`);
    } finally {
      await client.close();
    }
  });

  it('a proxy asking for credentials says so, without the ones in its URL', TEST_BOUND, async () => {
    proxy.refuseWith = 407;
    const outcome = await create({ proxy: `http://someone:s3cret@127.0.0.1:${proxy.port}`, env: {} }, 'auth@example.com');
    assert.ok(outcome.kind === 'networkError');
    assert.equal(outcome.summary, `No response — could not reach HubSpot through the proxy ${proxy.url}: it wants credentials (407); nothing reached HubSpot; retries are turned off`);
  });

  it('an unusable proxy setting is refused when the client is made, without quoting it, even for a loopback base URL', () => {
    for (const base of [baseUrl, sandbox.url]) {
      assert.throws(
        () => createHubSpotClient({ baseUrl: base, token: sandbox.token, proxy: 'socks5://user:secret@127.0.0.1:1080', env: {} }),
        (error: Error) => {
          assert.ok(error instanceof HubSpotConfigError);
          assert.equal(error.message, 'The proxy setting uses socks5:// proxies, which are not supported; use an http:// or https:// proxy.');
          return true;
        },
      );
    }
  });
});

describe('resolveProxySettings', () => {
  it('prefers the explicit proxy, then the lower-case variables, and fills every field', () => {
    assert.deepEqual(resolveProxySettings(' http://vscode:8080 ', { HTTPS_PROXY: 'http://env:3128', NO_PROXY: 'corp.local' }), {
      httpProxy: 'http://vscode:8080/',
      httpsProxy: 'http://vscode:8080/',
      noProxy: 'corp.local',
    });
    assert.deepEqual(resolveProxySettings(undefined, { https_proxy: 'http://lower:1', HTTPS_PROXY: 'http://upper:2', HTTP_PROXY: 'proxy:3' }), {
      httpProxy: 'http://proxy:3/',
      httpsProxy: 'http://lower:1/',
      noProxy: '',
    });
    assert.deepEqual(resolveProxySettings('', {}), { httpProxy: '', httpsProxy: '', noProxy: '' });
  });

  it('adds the extra no-proxy hosts to whichever of no_proxy / NO_PROXY is set', () => {
    const extra = ['intranet.example', ' 10.0.0.1 '];
    assert.equal(resolveProxySettings(undefined, { no_proxy: 'a.example' }, extra).noProxy, 'a.example,intranet.example,10.0.0.1');
    assert.equal(resolveProxySettings(undefined, { NO_PROXY: 'b.example' }, extra).noProxy, 'b.example,intranet.example,10.0.0.1');
    assert.equal(resolveProxySettings(undefined, {}, extra).noProxy, 'intranet.example,10.0.0.1');
  });
});
