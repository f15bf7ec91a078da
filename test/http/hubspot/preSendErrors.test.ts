// Problems found before a request leaves (issue 10) end as "not sent" with a message: a client that
// cannot be made (socks5:// proxy, a token with a zero-width character, a timeout no timer can keep)
// throws a HubSpotConfigError; a send that cannot start (a body too large to build, a closed client)
// is a `notSent` outcome. Never "the contact may have been created", never a retry, never an
// unhandled rejection.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { HubSpotConfigError } from '../../../client/src/hubspot/configError';
import { createHubSpotClient, type HubSpotClientOptions } from '../../../client/src/hubspot/hubspotClient';
import { startSandbox, type Sandbox } from '../../sandbox/sandbox';
import { contact, NOT_LOOPBACK_BASE_URL } from '../support';
import { CREATE_TARGET } from '../../../client/src/hubspot/contactsApi';

const TEST_BOUND = { timeout: 30_000 };
const unhandled: unknown[] = [];
const recordUnhandled = (reason: unknown) => unhandled.push(reason);

describe('errors before a request leaves', () => {
  let sandbox: Sandbox;
  before(async () => {
    process.on('unhandledRejection', recordUnhandled);
    sandbox = await startSandbox();
  });
  after(async () => {
    await sandbox.stop();
    process.off('unhandledRejection', recordUnhandled);
    assert.deepEqual(unhandled, [], 'no unhandled rejection');
  });

  const refusedAtCreation = (options: Partial<HubSpotClientOptions>, message: string) =>
    assert.throws(
      () => createHubSpotClient({ baseUrl: sandbox.url, token: sandbox.token, env: {}, ...options }),
      (error: Error) => error instanceof HubSpotConfigError && error.message === message,
    );

  it('a socks5:// proxy, from the setting or HTTPS_PROXY, is refused when the client is made', () => {
    const message = (origin: string) => `${origin} uses socks5:// proxies, which are not supported; use an http:// or https:// proxy.`;
    refusedAtCreation({ baseUrl: NOT_LOOPBACK_BASE_URL, proxy: 'socks5://127.0.0.1:1080' }, message('The proxy setting'));
    refusedAtCreation({ baseUrl: NOT_LOOPBACK_BASE_URL, env: { HTTPS_PROXY: 'socks5://127.0.0.1:1080' } }, message('HTTPS_PROXY'));
  });

  it('a token with a zero-width space (it passes an input box unseen) is refused without quoting it', () => {
    refusedAtCreation({ token: `${sandbox.token.slice(0, 10)}\u200B${sandbox.token.slice(10)}` }, 'The HubSpot access token contains spaces or characters that cannot be sent; paste it again.');
  });

  it('a timeout no timer can keep is refused, naming the value', () => {
    for (const totalMs of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 31]) {
      refusedAtCreation({ timeouts: { totalMs } }, `The totalMs timeout must be from 1 to 2147483647 milliseconds (got ${String(totalMs)}).`);
    }
    refusedAtCreation({ timeouts: { connectMs: 0 } }, 'The connectMs timeout must be from 1 to 2147483647 milliseconds (got 0).');
  });

  it('a body too large to build is "not sent": no retry, nothing applied, nothing reached the server', TEST_BOUND, async () => {
    const client = createHubSpotClient({ baseUrl: sandbox.url, token: sandbox.token, env: {}, retry: { maxRetries: 3 }, sleep: async () => {} });
    try {
      sandbox.clearRequests();
      // 540 values of 1 MB make more than the longest string V8 can hold (about 512 M characters).
      const value = 'x'.repeat(2 ** 20);
      const properties = [{ property: 'email', value: 'big@example.com' }, ...Array.from({ length: 540 }, (_, i) => ({ property: `p${i}`, value }))];
      const outcome = await client.sendContact(CREATE_TARGET, properties);

      assert.equal(outcome.kind, 'notSent');
      assert.equal(outcome.retries, 0);
      assert.equal(outcome.mayHaveBeenApplied, false);
      assert.equal(outcome.status, undefined);
      assert.equal(outcome.summary, 'Not sent — the request body could not be built: Invalid string length');
      assert.equal(sandbox.requests.length, 0);
    } finally {
      await client.close();
    }
  });

  it('a send on a closed client is "not sent", not a lost connection retried three times', TEST_BOUND, async () => {
    const client = createHubSpotClient({ baseUrl: sandbox.url, token: sandbox.token, env: {}, retry: { maxRetries: 3 }, sleep: async () => {} });
    await client.close();
    sandbox.clearRequests();
    const outcome = await client.sendContact(CREATE_TARGET, contact('closed@example.com'));
    assert.equal(outcome.kind, 'notSent');
    assert.equal(outcome.retries, 0);
    assert.equal(outcome.summary, 'Not sent — the HubSpot client was closed');
    const read = await client.getJson('/account-info/v3/details');
    assert.deepEqual(read, { ok: false, status: undefined, headers: {}, body: undefined, message: 'the HubSpot client was closed' });
    assert.equal(sandbox.requests.length, 0);
  });
});
