// A token's scopes as HubSpot describes them, against the sandbox: every needed scope, one that
// cannot write contacts, and a token HubSpot does not describe (which may still work).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createHubSpotClient } from '../../../client/src/hubspot/hubspotClient';
import type { RequestRecord } from '../../../client/src/hubspot/requestRecord';
import { missingContactScopes, readTokenInfo } from '../../../client/src/hubspot/tokenInfo';
import { startSandbox } from '../../sandbox/sandbox';

describe('token info', () => {
  it('names the portal and the scopes, and what a read-only token lacks; a token HubSpot does not know is undescribed, not bad', async () => {
    const sandbox = await startSandbox({ portalId: 777, rateLimits: { burst: 1_000 } });
    const records: RequestRecord[] = [];
    const client = (token: string) => createHubSpotClient({ baseUrl: sandbox.url, token, env: {}, record: (record) => records.push(record) });
    const full = client(sandbox.token);
    const readOnly = client(sandbox.readOnlyToken);
    const stranger = client('pat-na1-not0a0real0token-of-this-portal');
    try {
      const described = await readTokenInfo(full, sandbox.token);
      assert.deepEqual(described, { kind: 'described', portalId: 777, scopes: ['crm.objects.contacts.read', 'crm.objects.contacts.write', 'crm.schemas.contacts.read'] });
      assert.deepEqual(missingContactScopes(described.kind === 'described' ? described.scopes : []), []);

      const limited = await readTokenInfo(readOnly, sandbox.readOnlyToken);
      assert.equal(limited.kind, 'described');
      assert.deepEqual(missingContactScopes(limited.kind === 'described' ? limited.scopes : []).map(({ scope }) => scope), ['crm.objects.contacts.write']);

      const unknown = await readTokenInfo(stranger, 'pat-na1-not0a0real0token-of-this-portal');
      assert.deepEqual(unknown, { kind: 'undescribed', message: 'HubSpot answered 404 without the token\'s scopes' });

      assert.ok(records.every((record) => !(record.requestBody ?? '').includes('pat-na1-')), 'the token sent as tokenKey is scrubbed from every record');
      assert.deepEqual(JSON.parse(records[0].requestBody ?? '{}'), { tokenKey: '[token]' });
    } finally {
      await Promise.all([full.close(), readOnly.close(), stranger.close()]);
      await sandbox.stop();
    }
  });
});
