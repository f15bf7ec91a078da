// `--account NAME` as scripts use it, against two sandbox portals: the base URL and API version come
// from the user's accounts file, the token from HUBSPOT_ACCESS_TOKEN_<NAME>, the history names the
// account, and an account marked production takes its portal id before a seed run sends.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { startSandbox, type Sandbox } from '../sandbox/sandbox';
import { runCli, runs } from './support';

const STAGING_TOKEN = 'pat-na1-5tag1ng0-0000-4bad-9ood-70ken0000stg';
const PRODUCTION_TOKEN = 'pat-na1-pr0duct0-0000-4bad-9ood-70ken0000prd';

let scratch: string;
const sandboxes: Sandbox[] = [];
beforeEach(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'contact-payloads-accounts-'));
});
afterEach(async () => {
  await Promise.all(sandboxes.splice(0).map((sandbox) => sandbox.stop()));
  rmSync(scratch, { recursive: true, force: true });
});

async function portals(): Promise<{ staging: Sandbox; production: Sandbox }> {
  const staging = await startSandbox({ token: STAGING_TOKEN, portalId: 111, rateLimits: { burst: 1_000 } });
  const production = await startSandbox({ token: PRODUCTION_TOKEN, portalId: 999, rateLimits: { burst: 1_000 } });
  sandboxes.push(staging, production);
  const config = path.join(scratch, 'config', 'contact-payloads');
  mkdirSync(config, { recursive: true });
  writeFileSync(path.join(config, 'accounts.json'), JSON.stringify({ accounts: [{ name: 'Staging', baseUrl: staging.url, apiVersion: 'v3' }, { name: 'Production', baseUrl: production.url, production: true }] }));
  writeFileSync(path.join(scratch, 'ada.contact.json'), JSON.stringify({ properties: { email: 'ada@example.com' } }));
  return { staging, production };
}

const cli = (args: readonly string[]) =>
  runCli(args, { cwd: scratch, env: { HUBSPOT_ACCESS_TOKEN_STAGING: STAGING_TOKEN, HUBSPOT_ACCESS_TOKEN_PRODUCTION: PRODUCTION_TOKEN, XDG_CONFIG_HOME: path.join(scratch, 'config'), XDG_STATE_HOME: path.join(scratch, 'state') } });

describe('contact-payloads --account', () => {
  it('create --account Staging goes to that account\'s base URL and API version with HUBSPOT_ACCESS_TOKEN_STAGING, and its history names the account', async () => {
    const { staging, production } = await portals();
    const run = await cli(['create', 'ada.contact.json', '--account', 'staging', '--history', 'audit.jsonl']);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(staging.requests.map((request) => request.path), ['/crm/v3/objects/contacts']);
    assert.equal(production.requests.length, 0);
    const entry = JSON.parse(readFileSync(path.join(scratch, 'audit.jsonl'), 'utf8').trim()) as { account: string };
    assert.equal(entry.account, 'Staging');
  });

  it('an unknown account, --account beside --base-url, or a missing token sends nothing and says why (exit 2)', async () => {
    const { staging } = await portals();
    const unknown = await cli(['create', 'ada.contact.json', '--account', 'qa']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /no account "qa" in .*accounts\.json \(it has: Staging, Production\)/);
    const both = await cli(['create', 'ada.contact.json', '--account', 'Staging', '--base-url', staging.url]);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /--account and --base-url both say where to send/);
    const noToken = await runCli(['create', 'ada.contact.json', '--account', 'Staging'], { cwd: scratch, env: { XDG_CONFIG_HOME: path.join(scratch, 'config') } });
    assert.equal(noToken.code, 2);
    assert.match(noToken.stderr, /neither HUBSPOT_ACCESS_TOKEN_STAGING nor HUBSPOT_ACCESS_TOKEN is set/);
    assert.equal(staging.requests.filter((request) => request.method === 'POST').length, 0);
  });

  it('a seed run to an account marked production needs --portal with --yes, refuses a wrong one, and sends with the right one', async () => {
    const { production } = await portals();
    const bare = await cli(['seed', 'ada.contact.json', '--account', 'Production', '--yes']);
    assert.equal(bare.code, 2);
    assert.match(bare.stderr, /account "Production" is marked production; with --yes, pass --portal 999 too/);
    const wrong = await cli(['seed', 'ada.contact.json', '--account', 'Production', '--yes', '--portal', '111']);
    assert.equal(wrong.code, 2);
    assert.match(wrong.stderr, /--portal 111 was given, and the token's portal is 999/);
    assert.equal(production.contacts.size, 0, 'nothing was sent');
    const sent = await cli(['seed', 'ada.contact.json', '--account', 'Production', '--yes', '--portal', '999']);
    assert.equal(sent.code, 0, sent.stderr);
    assert.equal(production.contacts.size, 1);
  });

  it('account names the portal and the token\'s scopes (exit 0), a token that cannot write contacts (exit 1) and one HubSpot refuses (exit 1)', async () => {
    const { staging } = await portals();
    const fine = await cli(['account', '--account', 'Staging']);
    assert.equal(fine.code, 0, fine.stderr);
    assert.deepEqual(fine.stdout.trim().split('\n'), [
      `Account: Staging — ${new URL(staging.url).origin}`,
      'Portal: 111',
      'Token scopes: crm.objects.contacts.read, crm.objects.contacts.write, crm.schemas.contacts.read',
    ]);
    const asJson = await cli(['account', '--account', 'Production', '--json']);
    assert.equal(asJson.code, 0, asJson.stderr);
    const described = JSON.parse(asJson.stdout) as { account: string; portalId: number; production: boolean; missingScopes: string[] };
    assert.deepEqual([described.account, described.portalId, described.production, described.missingScopes], ['Production', 999, true, []]);

    const readOnly = await runCli(['account', '--base-url', staging.url], { cwd: scratch, env: { HUBSPOT_ACCESS_TOKEN: staging.readOnlyToken } });
    assert.equal(readOnly.code, 1, readOnly.stderr);
    assert.match(readOnly.stdout, /^Missing crm\.objects\.contacts\.write: needed to create and update contacts\.$/m);
    const refused = await runCli(['account', '--base-url', staging.url], { cwd: scratch, env: { HUBSPOT_ACCESS_TOKEN: PRODUCTION_TOKEN } });
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /HubSpot refused the token \(401\)/);
  });

  it('never prints an account\'s token', () => {
    assert.ok(runs.length >= 11, `${runs.length} runs`);
    for (const run of runs) for (const token of [STAGING_TOKEN, PRODUCTION_TOKEN]) assert.equal(`${run.stdout}${run.stderr}`.includes(token), false, run.args.join(' '));
  });
});
