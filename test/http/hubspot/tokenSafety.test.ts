// The access token is sent as `Authorization: Bearer …` and appears nowhere else: this drives the
// client through every kind of outcome and error, then searches all log entries, outcomes (summary,
// body, headers), the response view's text and thrown errors for the token.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HubSpotConfigError } from '../../../client/src/hubspot/configError';
import { createHubSpotClient, type HubSpotClientOptions } from '../../../client/src/hubspot/hubspotClient';
import { closedPort, contact, createFakeClock, recordingSleep, scriptTarget } from '../support';
import { startSandbox } from '../../sandbox/sandbox';
import type { ContactOutcome } from '../../../client/src/hubspot/outcome';
import { responseText } from '../../../client/src/extension/views/responseText';
import { CREATE_TARGET, updateTarget } from '../../../client/src/hubspot/contactsApi';
import { historyEntry } from '../../../client/src/history/historyEntry';
import type { RequestRecord } from '../../../client/src/hubspot/requestRecord';

const TOKEN = 'pat-na1-test5ecret-0000-4bad-9ood-70ken5ecre7x';
const READ_ONLY_TOKEN = 'pat-na1-read0n1y-1111-4bad-9ood-70ken5ecre7y';
const WRONG_TOKEN = 'pat-na1-wr0ng000-2222-4bad-9ood-70ken5ecre7z';
const SECRETS = [TOKEN, READ_ONLY_TOKEN, WRONG_TOKEN];

describe('the token never leaks', () => {
  it('appears in no log entry, request record (as the history stores it), outcome or error, whatever happens', async () => {
    const sandbox = await startSandbox({ token: TOKEN, readOnlyToken: READ_ONLY_TOKEN, rateLimits: { daily: 40 } });
    const clock = createFakeClock();
    const sleeper = recordingSleep(clock);
    const texts: string[] = [];
    const records: RequestRecord[] = [];
    const record = (value: unknown): void => {
      texts.push(value instanceof Error ? `${String(value)}\n${value.stack ?? ''}` : JSON.stringify(value));
    };
    const clientWith = (token: string, extra: Partial<HubSpotClientOptions> = {}) =>
      createHubSpotClient({
        baseUrl: sandbox.url,
        token,
        env: {},
        retry: { maxRetries: 1, baseDelayMs: 10, maxDelayMs: 30_000 },
        timeouts: { headersMs: 100, bodyMs: 100 },
        sleep: sleeper.sleep,
        now: clock.now,
        log: record,
        record: (request) => {
          records.push(request);
          texts.push(JSON.stringify(historyEntry(request, 'Staging', 64 * 1024)));
        },
        ...extra,
      });
    const client = clientWith(TOKEN);
    const readOnly = clientWith(READ_ONLY_TOKEN);
    const stranger = clientWith(WRONG_TOKEN);
    const attempt = async (send: () => Promise<unknown>): Promise<void> => {
      try {
        const result = await send();
        record(result);
        // What the response view would show for it.
        if (typeof result === 'object' && result !== null && 'summary' in result) texts.push(responseText(result as ContactOutcome, 'seed.contact.json', new Date()));
      } catch (error) {
        record(error);
      }
    };
    const refusedPort = await closedPort();

    try {
      const created = sandbox.contacts.create({ email: 'known@example.com' });
      await attempt(() => client.sendContact(CREATE_TARGET, contact('new@example.com')));
      await attempt(() => client.sendContact(CREATE_TARGET, contact('known@example.com')));
      await attempt(() => client.sendContact(CREATE_TARGET, contact('not-an-email', { nope: '1' })));
      await attempt(() => client.sendContact(updateTarget(created.vid), [{ property: 'city', value: 'Lyon' }]));
      await attempt(() => client.sendContact(updateTarget(424242), [{ property: 'city', value: 'Lyon' }]));
      await attempt(() => client.sendContact(scriptTarget(`x${TOKEN}`), []));
      await attempt(() => readOnly.sendContact(CREATE_TARGET, contact('ro@example.com')));
      await attempt(() => stranger.sendContact(CREATE_TARGET, contact('stranger@example.com')));

      sandbox.inject({ status: 503, times: 2 });
      await attempt(() => client.sendContact(CREATE_TARGET, contact('busy@example.com')));
      sandbox.inject({ status: 429 });
      await attempt(() => client.sendContact(CREATE_TARGET, contact('limited@example.com')));
      sandbox.inject({ createThenReset: true });
      await attempt(() => client.sendContact(CREATE_TARGET, contact('lost@example.com')));
      sandbox.inject({ reset: true, times: 2 });
      await attempt(() => client.sendContact(updateTarget(created.vid), [{ property: 'city', value: 'Nice' }]));
      sandbox.inject({ delayMs: 60_000, times: 2 });
      await attempt(() => client.sendContact(updateTarget(created.vid), [{ property: 'city', value: 'Metz' }]));

      // A misbehaving server (or proxy) that echoes the token back in headers and body.
      sandbox.inject({ status: 500, times: 2, headers: { 'x-echo': TOKEN }, body: { status: 'error', message: `bad credentials: Bearer ${TOKEN}` } });
      const echoed = await client.sendContact(updateTarget(created.vid), [{ property: 'city', value: 'Pau' }]);
      record(echoed);
      assert.equal((echoed.body as { message: string }).message, 'bad credentials: Bearer [token]');
      assert.equal(echoed.headers['x-echo'], '[token]');

      // One that echoes it in another case, and in a header's name.
      sandbox.inject({ status: 500, times: 2, headers: { [`x-seen-${TOKEN}`]: 'yes', 'x-echo': TOKEN.toUpperCase() }, body: { status: 'error', message: `Bearer ${TOKEN.toUpperCase()}` } });
      const shouted = await client.sendContact(updateTarget(created.vid), [{ property: 'city', value: 'Caen' }]);
      record(shouted);
      texts.push(responseText(shouted, 'seed.contact.json', new Date()));
      assert.equal((shouted.body as { message: string }).message, 'Bearer [token]');
      assert.equal(shouted.headers['x-echo'], '[token]');
      assert.deepEqual(Object.keys(shouted.headers).filter((name) => name.startsWith('x-seen-')), ['x-seen-[token]']);
      assert.match(records.at(-1)?.responseBody ?? '', /Bearer \[token\]/, 'the record holds the answer as scrubbed');

      const controller = new AbortController();
      sandbox.inject({ delayMs: 60_000 });
      const arrived = sandbox.waitForRequest();
      const cancelled = client.sendContact(CREATE_TARGET, contact('cancel@example.com'), { signal: controller.signal });
      await arrived;
      controller.abort();
      await attempt(() => cancelled);

      const refused = clientWith(TOKEN, { baseUrl: `http://127.0.0.1:${refusedPort}` });
      await attempt(() => refused.sendContact(CREATE_TARGET, contact('refused@example.com')));
      await refused.close();

      for (const options of [
        { baseUrl: 'http://api.hubapi.com', token: TOKEN },
        { baseUrl: `https://user:${TOKEN}@api.hubapi.com`, token: TOKEN },
        { baseUrl: `https://api.hubapi.com/${TOKEN}`, token: TOKEN },
        { baseUrl: sandbox.url, token: `${TOKEN}\r\nX-Injected: 1` },
        { baseUrl: sandbox.url, token: TOKEN, proxy: `socks5://${TOKEN}@127.0.0.1:1080` },
        { baseUrl: sandbox.url, token: TOKEN, proxy: `http://[${TOKEN}` },
      ]) {
        assert.throws(
          () => createHubSpotClient({ ...options, env: {} }),
          (error: Error) => {
            record(error);
            return error instanceof HubSpotConfigError;
          },
        );
      }

      // The token did reach the sandbox, and only there.
      assert.deepEqual(
        sandbox.requests.slice(0, 3).map((request) => request.status),
        [200, 409, 400],
      );
      assert.ok(sandbox.requests.every((request) => !('authorization' in request.headers)));
    } finally {
      await Promise.all([client.close(), readOnly.close(), stranger.close()]);
      await sandbox.stop();
    }

    assert.ok(texts.length > 40, `expected many texts to search, got ${texts.length}`);
    assert.ok(records.length > 15, `expected a record per request, got ${records.length}`);
    for (const text of texts) {
      for (const secret of SECRETS) assert.equal(text.toLowerCase().includes(secret.toLowerCase()), false, `token found in: ${text.slice(0, 300)}`);
    }
  });
});
