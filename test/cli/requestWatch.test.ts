// What an unexpected failure of create or update means depends on whether a request had started
// (main: exit 2 "nothing was sent" before, exit 3 "may have been applied" after). The signal is
// undici's diagnostics channel: this holds the project's HTTP client to publishing on it, against a
// real local server.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { it } from 'node:test';
import { watchRequests } from '../../client/src/cli/requestWatch';
import { createHubSpotClient } from '../../client/src/hubspot/hubspotClient';
import { CREATE_TARGET } from '../../client/src/hubspot/contactsApi';

it('says no request was started until the HTTP client sends one, and yes from then on', async () => {
  const watch = watchRequests();
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => response.writeHead(500, { 'content-type': 'application/json' }).end('{"status":"error"}'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const client = createHubSpotClient({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, token: 'pat-na1-wa7c4-0000-4bad-9ood-70ken0000wat', retry: { maxRetries: 0 }, env: {} });
    assert.equal(watch.requestStarted(), false, 'a client that has sent nothing');
    const outcome = await client.sendContact(CREATE_TARGET, [{ property: 'email', value: 'watch@example.com' }]);
    await client.close();
    assert.equal(outcome.kind, 'serverError');
    assert.equal(watch.requestStarted(), true);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});
