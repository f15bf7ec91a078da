// Proxies: VS Code's explicit `http.proxy`, HTTP(S)_PROXY from the environment, NO_PROXY. A small
// CONNECT proxy on 127.0.0.1 records the tunnels it opens, so the test sees which way requests went.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import { HubSpotConfigError } from '../../client/src/hubspot/configError';
import { createHubSpotClient, type HubSpotClientOptions } from '../../client/src/hubspot/hubspotClient';
import { resolveProxySettings } from '../../client/src/hubspot/proxy';
import { startSandbox, type Sandbox } from '../sandbox/sandbox';
import { contact } from './support';

interface TestProxy {
  readonly url: string;
  readonly port: number;
  /** `host:port` of every CONNECT it was asked for. */
  readonly tunnels: string[];
  /** Refuse tunnels with this status instead of opening them. */
  refuseWith: number | undefined;
  stop(): Promise<void>;
}

async function startConnectProxy(): Promise<TestProxy> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((_request, response) => {
    response.writeHead(405).end('this test proxy only tunnels');
  });
  const proxy: TestProxy = {
    url: '',
    port: 0,
    tunnels: [],
    refuseWith: undefined,
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
  server.on('connect', (request, clientSocket: Socket, head: Buffer) => {
    sockets.add(clientSocket);
    proxy.tunnels.push(request.url ?? '');
    if (proxy.refuseWith !== undefined) {
      clientSocket.end(`HTTP/1.1 ${proxy.refuseWith} Forbidden\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    const [host, port] = (request.url ?? '').split(':');
    const upstream = connect(Number(port), host ?? '', () => {
      clientSocket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(clientSocket);
      clientSocket.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('error', () => clientSocket.destroy());
    clientSocket.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(proxy, { url: `http://127.0.0.1:${port}`, port });
}

describe('proxies', () => {
  let sandbox: Sandbox;
  let proxy: TestProxy;
  before(async () => {
    sandbox = await startSandbox();
    proxy = await startConnectProxy();
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
    const client = createHubSpotClient({ baseUrl: sandbox.url, token: sandbox.token, sleep: async () => {}, ...options });
    try {
      return await client.createContact(contact(email));
    } finally {
      await client.close();
    }
  };
  const sandboxHost = () => `127.0.0.1:${sandbox.port}`;

  it('an explicit proxy (VS Code http.proxy) carries the request', async () => {
    const outcome = await create({ proxy: proxy.url, env: {} }, 'explicit@example.com');
    assert.equal(outcome.kind, 'created');
    assert.deepEqual(proxy.tunnels, [sandboxHost()]);
    assert.equal(sandbox.requests.length, 1);
  });

  it('HTTP_PROXY from the environment carries the request (http:// base URL)', async () => {
    const outcome = await create({ env: { HTTP_PROXY: proxy.url } }, 'env@example.com');
    assert.equal(outcome.kind, 'created');
    assert.deepEqual(proxy.tunnels, [sandboxHost()]);
  });

  it('a proxy given as host:port, as curl accepts it, works too', async () => {
    const outcome = await create({ env: { http_proxy: `127.0.0.1:${proxy.port}` } }, 'bare@example.com');
    assert.equal(outcome.kind, 'created');
    assert.deepEqual(proxy.tunnels, [sandboxHost()]);
  });

  it('NO_PROXY bypasses the environment proxy', async () => {
    const outcome = await create({ env: { HTTP_PROXY: proxy.url, NO_PROXY: 'localhost,127.0.0.1' } }, 'direct@example.com');
    assert.equal(outcome.kind, 'created');
    assert.deepEqual(proxy.tunnels, []);
    assert.equal(sandbox.requests.length, 1);
  });

  it('NO_PROXY also bypasses an explicit proxy', async () => {
    const outcome = await create({ proxy: proxy.url, env: { no_proxy: '127.0.0.1' } }, 'direct2@example.com');
    assert.equal(outcome.kind, 'created');
    assert.deepEqual(proxy.tunnels, []);
  });

  it('without proxy settings the request goes direct', async () => {
    const outcome = await create({ env: {} }, 'plain@example.com');
    assert.equal(outcome.kind, 'created');
    assert.deepEqual(proxy.tunnels, []);
  });

  it('a proxy refusing the tunnel is a "proxy" failure; nothing reached HubSpot, so even a create without email is retried', async () => {
    proxy.refuseWith = 403;
    const client = createHubSpotClient({
      baseUrl: sandbox.url,
      token: sandbox.token,
      proxy: proxy.url,
      env: {},
      retry: { maxRetries: 1, baseDelayMs: 10, maxDelayMs: 10 },
      sleep: async () => {},
    });
    try {
      const outcome = await client.createContact([{ property: 'firstname', value: 'Blocked' }]);
      assert.ok(outcome.kind === 'networkError');
      assert.equal(outcome.reason, 'proxy');
      assert.equal(outcome.mayHaveReachedServer, false);
      assert.equal(outcome.mayHaveBeenApplied, false);
      assert.deepEqual(proxy.tunnels, [sandboxHost(), sandboxHost()]);
      assert.equal(sandbox.requests.length, 0);
      assert.equal(outcome.summary, 'No response — the proxy answered 403 to the tunnel request; gave up after 1 retry');
    } finally {
      await client.close();
    }
  });

  it('an unusable proxy setting is refused when the client is made, without quoting it', () => {
    assert.throws(
      () => createHubSpotClient({ baseUrl: sandbox.url, token: sandbox.token, proxy: 'socks5://user:secret@127.0.0.1:1080', env: {} }),
      (error: Error) => {
        assert.ok(error instanceof HubSpotConfigError);
        assert.equal(error.message, 'The proxy setting uses socks5:// proxies, which are not supported; use an http:// or https:// proxy.');
        return true;
      },
    );
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
});
