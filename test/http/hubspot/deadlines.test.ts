// Every request ends on time (issue 10): a total deadline per attempt bounds connecting, waiting and
// reading, as curl's --max-time does, whatever the network does. Each case is a real local server
// misbehaving: a plain HTTP server used as HTTPS_PROXY, a proxy that never answers the CONNECT, a
// server that drips its answer. Every test has an outer bound, so a regression fails instead of hanging.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createHubSpotClient, type HubSpotClientOptions } from '../../../client/src/hubspot/hubspotClient';
import { PROPERTIES_V3_PATH } from '../../../client/src/hubspot/propertyDefinitions';
import { startSandbox, type Sandbox } from '../../sandbox/sandbox';
import { contact, listenLocally, NOT_LOOPBACK_BASE_URL, startDripServer, startNotAProxy, type LocalServer } from '../support';
import { CREATE_TARGET, updateTarget } from '../../../client/src/hubspot/contactsApi';

const TOKEN = 'pat-na1-dead11ne-0000-4bad-9ood-70ken0000dl';
/** The outer bound of each test: far above any deadline used here. */
const TEST_BOUND = { timeout: 20_000 };
/** Connection attempts an attempt may cost; undici's own reconnect loop made thousands a second. */
const FEW_CONNECTIONS = 50;

function clientFor(options: Partial<HubSpotClientOptions>) {
  return createHubSpotClient({ baseUrl: NOT_LOOPBACK_BASE_URL, token: TOKEN, env: {}, ...options });
}

interface SilentProxy extends LocalServer {
  /** Resolves when the next CONNECT arrives. */
  nextTunnelRequest(): Promise<void>;
}

/** A proxy that accepts the CONNECT and then says nothing, so the tunnel never opens. */
async function startSilentProxy(): Promise<SilentProxy> {
  const held = new Set<Socket>();
  let waiters: (() => void)[] = [];
  const server = createServer();
  server.on('connect', (_request, socket: Socket) => {
    held.add(socket);
    for (const resolve of waiters) resolve();
    waiters = [];
  });
  const local = await listenLocally(server);
  return {
    ...local,
    nextTunnelRequest: () => new Promise<void>((resolve) => waiters.push(resolve)),
    stop: () => {
      for (const socket of held) socket.destroy();
      return local.stop();
    },
  };
}

describe('a plain HTTP server as HTTPS_PROXY (not a proxy: it closes the CONNECT)', () => {
  let notAProxy: LocalServer;
  before(async () => {
    notAProxy = await startNotAProxy();
  });
  after(() => notAProxy.stop());

  it('a create ends at once: "could not reach HubSpot through the proxy", not delivered, retried as undelivered, few connections', TEST_BOUND, async () => {
    const before = notAProxy.connections();
    const client = clientFor({
      env: { HTTPS_PROXY: notAProxy.url },
      timeouts: { totalMs: 5_000 },
      retry: { maxRetries: 3, baseDelayMs: 10, maxDelayMs: 10 },
    });
    try {
      const startedAt = Date.now();
      const outcome = await client.sendContact(CREATE_TARGET, [{ property: 'firstname', value: 'No email' }]);
      const elapsedMs = Date.now() - startedAt;

      assert.ok(outcome.kind === 'networkError', outcome.summary);
      assert.equal(outcome.reason, 'proxy');
      assert.equal(outcome.mayHaveReachedServer, false);
      assert.equal(outcome.mayHaveBeenApplied, false);
      // Nothing reached HubSpot, so even a create without an email was safe to send again.
      assert.equal(outcome.retries, 3);
      assert.match(
        outcome.summary,
        new RegExp(`^No response — could not reach HubSpot through the proxy ${notAProxy.url}: it closed the connection without opening a tunnel \\(is it a proxy\\?\\); nothing reached HubSpot; gave up after 3 retries$`),
      );
      assert.ok(elapsedMs < 5_000, `ended within the deadline (took ${elapsedMs} ms)`);
      const connections = notAProxy.connections() - before;
      assert.ok(connections >= 4 && connections < FEW_CONNECTIONS, `${connections} connection attempts`);
    } finally {
      await client.close();
    }
  });

  it('a portal fetch (getJson) ends at once with the same message, after one connection', TEST_BOUND, async () => {
    const before = notAProxy.connections();
    const client = clientFor({ env: { https_proxy: notAProxy.url }, timeouts: { totalMs: 5_000 } });
    try {
      const result = await client.getJson(PROPERTIES_V3_PATH);
      assert.ok(!result.ok);
      assert.equal(result.status, undefined);
      assert.equal(result.message, `could not reach HubSpot through the proxy ${notAProxy.url}: it closed the connection without opening a tunnel (is it a proxy?)`);
      assert.equal(notAProxy.connections() - before, 1);
    } finally {
      await client.close();
    }
  });

  it('aborting while the attempts fail ends the request at once; nothing was delivered', TEST_BOUND, async () => {
    const controller = new AbortController();
    const client = clientFor({
      env: { HTTPS_PROXY: notAProxy.url },
      // Long waits between attempts: the abort must end the wait, not the deadline.
      retry: { maxRetries: 3, baseDelayMs: 60_000, maxDelayMs: 60_000 },
      log: () => controller.abort(),
    });
    try {
      const startedAt = Date.now();
      const outcome = await client.sendContact(CREATE_TARGET, contact('abort@example.com'), { signal: controller.signal });
      assert.equal(outcome.kind, 'cancelled');
      assert.equal(outcome.mayHaveBeenApplied, false);
      assert.equal(outcome.summary, 'Cancelled; nothing reached HubSpot');
      assert.ok(Date.now() - startedAt < 5_000);
    } finally {
      await client.close();
    }
  });
});

describe('a proxy that never answers the CONNECT', () => {
  let proxy: SilentProxy;
  before(async () => {
    proxy = await startSilentProxy();
  });
  after(() => proxy.stop());

  it('the attempt ends at the total deadline: a proxy failure, not delivered', TEST_BOUND, async () => {
    const client = clientFor({ proxy: proxy.url, timeouts: { totalMs: 1_000 }, retry: { maxRetries: 0 } });
    try {
      const startedAt = Date.now();
      const outcome = await client.sendContact(CREATE_TARGET, contact('silent@example.com'));
      const elapsedMs = Date.now() - startedAt;
      assert.ok(outcome.kind === 'networkError', outcome.summary);
      assert.equal(outcome.reason, 'proxy');
      assert.equal(outcome.mayHaveReachedServer, false);
      assert.equal(outcome.mayHaveBeenApplied, false);
      assert.equal(outcome.summary, `No response — could not reach HubSpot through the proxy ${proxy.url}: timed out after 1 s; nothing reached HubSpot; retries are turned off`);
      assert.ok(elapsedMs >= 900 && elapsedMs < 5_000, `took ${elapsedMs} ms`);
    } finally {
      await client.close();
    }
  });

  it('an abort while the tunnel is awaited ends the request at once, although undici ignores the signal there', TEST_BOUND, async () => {
    const controller = new AbortController();
    const client = clientFor({ proxy: proxy.url, timeouts: { totalMs: 60_000 } });
    try {
      const tunnelRequested = proxy.nextTunnelRequest();
      const pending = client.sendContact(CREATE_TARGET, contact('abort-tunnel@example.com'), { signal: controller.signal });
      await tunnelRequested;
      const abortedAt = Date.now();
      controller.abort();
      const outcome = await pending;
      assert.equal(outcome.kind, 'cancelled');
      assert.equal(outcome.mayHaveBeenApplied, false, 'the request never had a connection');
      assert.equal(outcome.summary, 'Cancelled; nothing reached HubSpot');
      assert.ok(Date.now() - abortedAt < 2_000);
    } finally {
      await client.close();
    }
  });
});

describe('a server that is slow to answer', () => {
  let sandbox: Sandbox;
  let drip: LocalServer;
  before(async () => {
    sandbox = await startSandbox({ token: TOKEN });
    drip = await startDripServer();
  });
  after(async () => {
    await drip.stop();
    await sandbox.stop();
  });

  it('an answer dripping a byte at a time ends at the total deadline: "timed out after 1 s", may have been delivered', TEST_BOUND, async () => {
    const client = createHubSpotClient({ baseUrl: drip.url, token: TOKEN, env: {}, timeouts: { totalMs: 1_000 }, retry: { maxRetries: 0 } });
    try {
      const startedAt = Date.now();
      const outcome = await client.sendContact(CREATE_TARGET, [{ property: 'firstname', value: 'Drip' }]);
      const elapsedMs = Date.now() - startedAt;
      assert.ok(outcome.kind === 'networkError', outcome.summary);
      assert.equal(outcome.reason, 'timeout');
      assert.equal(outcome.timeoutPhase, 'body');
      assert.equal(outcome.mayHaveReachedServer, true);
      assert.equal(
        outcome.summary,
        `No response — ${new URL(drip.url).host} stopped sending the answer part way (timed out after 1 s); the contact may have been created — check HubSpot before sending again; ` +
          'not resent: without an email HubSpot cannot tell a second create from a new contact',
      );
      assert.ok(elapsedMs >= 900 && elapsedMs < 5_000, `took ${elapsedMs} ms`);
    } finally {
      await client.close();
    }
  });

  it('no answer at all ends at the total deadline too, in the headers phase', TEST_BOUND, async () => {
    const client = createHubSpotClient({ baseUrl: sandbox.url, token: TOKEN, env: {}, timeouts: { totalMs: 1_000 }, retry: { maxRetries: 0 } });
    try {
      const { vid } = sandbox.contacts.create({ email: 'wait@example.com' });
      sandbox.inject({ delayMs: 60_000 });
      const outcome = await client.sendContact(updateTarget(vid), [{ property: 'city', value: 'Lima' }]);
      assert.ok(outcome.kind === 'networkError', outcome.summary);
      assert.equal(outcome.timeoutPhase, 'headers');
      assert.equal(outcome.mayHaveReachedServer, true);
      assert.equal(outcome.summary, `No response — 127.0.0.1:${sandbox.port} did not answer in time (timed out after 1 s); the update may have been applied; retries are turned off`);
    } finally {
      await client.close();
    }
  });

  it('after an attempt that was given up, the next request on the same client is answered', TEST_BOUND, async () => {
    const client = createHubSpotClient({ baseUrl: sandbox.url, token: TOKEN, env: {}, timeouts: { totalMs: 500 }, retry: { maxRetries: 0 } });
    try {
      sandbox.inject({ delayMs: 60_000 });
      const given = await client.sendContact(CREATE_TARGET, contact('given-up@example.com'));
      assert.equal(given.kind, 'networkError', given.summary);
      const outcome = await client.sendContact(CREATE_TARGET, contact('next@example.com'));
      assert.equal(outcome.kind, 'created', outcome.summary);
    } finally {
      await client.close();
    }
  });
});
