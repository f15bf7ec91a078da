// The base URL decides where the token goes: https anywhere, plain http only on this machine, and
// nothing in it (credentials, path, query) that could send the request somewhere unexpected.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseBaseUrl } from '../../../client/src/hubspot/baseUrl';
import { HubSpotConfigError } from '../../../client/src/hubspot/configError';
import { createHubSpotClient } from '../../../client/src/hubspot/hubspotClient';

const PATH_MESSAGE = 'The HubSpot base URL must be just a scheme and host, like https://api.hubapi.com, without a path, query or fragment.';

describe('parseBaseUrl', () => {
  it('accepts https hosts and http loopback hosts, normalised to an origin', () => {
    const accepted: [string, string, boolean][] = [
      ['https://api.hubapi.com', 'https://api.hubapi.com', false],
      ['  https://API.hubapi.com/  ', 'https://api.hubapi.com', false],
      ['https://api.hubapi.com:443', 'https://api.hubapi.com', false],
      ['https://hubspot.proxy.example:8443', 'https://hubspot.proxy.example:8443', false],
      ['http://127.0.0.1:3999', 'http://127.0.0.1:3999', true],
      ['http://127.8.9.10', 'http://127.8.9.10', true],
      ['http://localhost:3999/', 'http://localhost:3999', true],
      ['http://[::1]:3999', 'http://[::1]:3999', true],
      // Other spellings of 127.0.0.1, which the URL parser normalises.
      ['http://2130706433:3999', 'http://127.0.0.1:3999', true],
      ['http://0x7f.1:3999', 'http://127.0.0.1:3999', true],
    ];
    for (const [input, origin, isLoopback] of accepted) {
      const result = parseBaseUrl(input);
      assert.ok(result.ok, `${input} should be accepted`);
      assert.equal(result.baseUrl.origin, origin);
      assert.equal(result.baseUrl.isLoopback, isLoopback);
    }
  });

  it('refuses plain http for any other host, and says why', () => {
    for (const input of ['http://api.hubapi.com', 'http://localhost.evil.example', 'http://127.0.0.1.nip.io', 'http://10.0.0.5', 'http://[::ffff:7f00:1]']) {
      const result = parseBaseUrl(input);
      assert.equal(result.ok, false, `${input} should be refused`);
    }
    assert.deepEqual(parseBaseUrl('http://api.hubapi.com'), {
      ok: false,
      message:
        'Plain http:// would send your access token unencrypted to api.hubapi.com; use https://. ' +
        'http:// is allowed only for this machine (localhost, 127.0.0.1, [::1]), e.g. the local sandbox.',
    });
  });

  it('refuses credentials, paths, queries, fragments and other schemes', () => {
    const refused: [string, string][] = [
      ['', 'The HubSpot base URL is empty; use one like https://api.hubapi.com.'],
      ['api.hubapi.com', 'The HubSpot base URL is not a valid URL; it looks like https://api.hubapi.com.'],
      ['ftp://api.hubapi.com', 'The HubSpot base URL must start with https:// (found ftp://).'],
      ['javascript:alert(1)', 'The HubSpot base URL must start with https:// (found javascript://).'],
      ['https://user:pass@api.hubapi.com', 'The HubSpot base URL must not contain a user name or password; the access token is the only credential sent.'],
      ['https://evil.example@api.hubapi.com', 'The HubSpot base URL must not contain a user name or password; the access token is the only credential sent.'],
      ['https://api.hubapi.com/contacts/v1', PATH_MESSAGE],
      ['https://api.hubapi.com/..%2f..%2fevil', PATH_MESSAGE],
      ['https://api.hubapi.com?hapikey=1', PATH_MESSAGE],
      ['https://api.hubapi.com?', PATH_MESSAGE],
      ['https://api.hubapi.com#x', PATH_MESSAGE],
    ];
    for (const [input, message] of refused) assert.deepEqual(parseBaseUrl(input), { ok: false, message }, input);
  });
});

describe('createHubSpotClient and the base URL', () => {
  it('throws a HubSpotConfigError for a refused base URL, before any connection', () => {
    assert.throws(
      () => createHubSpotClient({ baseUrl: 'http://example.com', token: 'pat-na1-token-token-token', env: {} }),
      (error: Error) => error instanceof HubSpotConfigError && error.message.startsWith('Plain http:// would send your access token unencrypted to example.com'),
    );
  });

  it('throws for an empty token or one that cannot be a header value', () => {
    assert.throws(() => createHubSpotClient({ baseUrl: 'https://api.hubapi.com', token: '  ', env: {} }), {
      name: 'HubSpotConfigError',
      message: 'The HubSpot access token is empty; set it first.',
    });
    assert.throws(() => createHubSpotClient({ baseUrl: 'https://api.hubapi.com', token: 'pat na1', env: {} }), {
      name: 'HubSpotConfigError',
      message: 'The HubSpot access token contains spaces or characters that cannot be sent; paste it again.',
    });
  });
});
