// The editor's accounts without VS Code: the store on in-memory state and secrets (the shapes of
// vscode.Memento and vscode.SecretStorage), which account is active, and the upgrade that turns the
// per-host tokens of earlier versions into accounts. Every stored byte outside secret storage is
// scanned for the tokens.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AccountStore, isTokenKey, tokenKey, type SecretStore, type StateStore } from '../../../../client/src/accounts/accountStore';
import { accountsFromHostTokens } from '../../../../client/src/accounts/hostTokenMigration';

const TOKEN_A = 'pat-na1-account-store-token-a';
const TOKEN_B = 'pat-na1-account-store-token-b';
const SANDBOX = 'http://127.0.0.1:4999';
const HUBSPOT = 'https://api.hubapi.com';

function memoryState(): StateStore & { readonly values: Map<string, unknown> } {
  const values = new Map<string, unknown>();
  return {
    values,
    get: <T>(key: string) => structuredClone(values.get(key)) as T | undefined,
    update: (key: string, value: unknown) => Promise.resolve(void (value === undefined ? values.delete(key) : values.set(key, structuredClone(value)))),
  };
}

function memorySecrets(): SecretStore & { readonly values: Map<string, string> } {
  const values = new Map<string, string>();
  return {
    values,
    get: (key) => Promise.resolve(values.get(key)),
    store: (key, value) => Promise.resolve(void values.set(key, value)),
    delete: (key) => Promise.resolve(void values.delete(key)),
  };
}

function setup(suggested?: string) {
  const global = memoryState();
  const workspace = memoryState();
  const secrets = memorySecrets();
  let suggestion = suggested;
  const store = new AccountStore(global, workspace, secrets, () => suggestion);
  return { global, workspace, secrets, store, suggest: (name: string | undefined) => { suggestion = name; } };
}

/** No token in global or workspace state: only secret storage may hold one. */
function assertNoTokenIn(...states: { readonly values: Map<string, unknown> }[]): void {
  for (const state of states) {
    const bytes = JSON.stringify([...state.values]);
    for (const token of [TOKEN_A, TOKEN_B]) assert.ok(!bytes.includes(token), `state holds no token: ${bytes}`);
  }
}

const staging = { name: 'Staging', baseUrl: `${SANDBOX}/`, apiVersion: undefined, production: false } as const;
const live = { name: 'Live', baseUrl: HUBSPOT, apiVersion: '2026-03', production: true } as const;

test('an added account keeps its settings in state and its token in secret storage, under its id', async () => {
  const { store, global, workspace, secrets } = setup();
  const added = await store.add(staging, TOKEN_A);
  assert.equal(added.baseUrl, SANDBOX, 'the base URL is kept as an origin');
  assert.match(added.id, /^[0-9a-f-]{36}$/);
  assert.deepEqual(store.list(), [added]);
  assert.equal(await store.token(added.id), TOKEN_A);
  assert.equal(secrets.values.get(tokenKey(added.id)), TOKEN_A);
  assert.ok(isTokenKey(tokenKey(added.id)));
  assert.equal(store.active()?.account.id, added.id, 'the account added is the active one');
  assertNoTokenIn(global, workspace);
});

test('names are unique without case; a bad name or a base URL that would leak the token is refused', async () => {
  const { store } = setup();
  await store.add(staging, TOKEN_A);
  assert.match(store.problemWith({ name: 'staging', baseUrl: HUBSPOT }) ?? '', /already an account named staging/);
  assert.match(store.problemWith({ name: ' ', baseUrl: HUBSPOT }) ?? '', /letters, digits/);
  assert.match(store.problemWith({ name: 'Remote', baseUrl: 'http://hubspot.example.com' }) ?? '', /unencrypted/);
  assert.match(store.problemWith({ name: 'Pathy', baseUrl: 'https://api.hubapi.com/evil' }) ?? '', /without a path/);
  assert.equal(store.problemWith({ name: 'Staging', baseUrl: HUBSPOT }, store.list()[0]?.id), undefined, 'its own name is not taken by itself');
  await assert.rejects(store.add({ ...live, name: 'STAGING' }, TOKEN_B), /already an account/);
  assert.equal(store.list().length, 1, 'nothing stored for a refused account');
});

test("the active account: this workspace's choice, else the workspace's suggestion, else the last chosen anywhere, else the first", async () => {
  const { store, workspace, suggest } = setup();
  assert.equal(store.active(), undefined, 'no accounts, none active');
  const a = await store.add(staging, TOKEN_A);
  const b = await store.add(live, TOKEN_B);
  assert.deepEqual([store.active()?.account.id, store.active()?.reason], [b.id, 'chosen']);
  await workspace.update('contactPayloads.activeAccount', undefined);
  assert.deepEqual([store.active()?.account.id, store.active()?.reason], [b.id, 'last'], 'another workspace: the last chosen');
  suggest('staging');
  assert.deepEqual([store.active()?.account.id, store.active()?.reason], [a.id, 'suggested'], 'the suggestion, by name without case');
  suggest('Nobody');
  assert.equal(store.active()?.reason, 'last', 'a suggestion of an account not added changes nothing');
  await store.choose(a.id);
  suggest('Live');
  assert.deepEqual([store.active()?.account.id, store.active()?.reason], [a.id, 'chosen'], "the workspace's own choice wins over its suggestion");
});

test('removing an account deletes its token and id, and it is no longer active', async () => {
  const { store, secrets } = setup();
  const a = await store.add(staging, TOKEN_A);
  const b = await store.add(live, TOKEN_B);
  assert.ok(await store.tokenId(b.id));
  await store.remove(b.id);
  assert.deepEqual(store.list().map((account) => account.name), ['Staging']);
  assert.equal(store.active()?.account.id, a.id, 'the remaining one');
  assert.deepEqual([...secrets.values.keys()].filter((key) => key.includes(b.id)), [], 'nothing of it left in secret storage');
});

test('a replaced token gets a new id and forgets what HubSpot said of the old one; changes are announced', async () => {
  const { store } = setup();
  const a = await store.add(staging, TOKEN_A, { portalId: 111, domain: 'app.hubspot.com', scopes: ['crm.objects.contacts.write'], checkedAt: 1 });
  let changes = 0;
  store.onDidChange(() => changes++);
  const before = await store.tokenId(a.id);
  await store.replaceToken(a.id, TOKEN_B, undefined);
  assert.equal(await store.token(a.id), TOKEN_B);
  assert.notEqual(await store.tokenId(a.id), before);
  assert.equal(store.find(a.id)?.portal, undefined);
  assert.ok(changes >= 1);
});

test('a damaged list in state yields the accounts that can be read, and no crash', async () => {
  const { store, global } = setup();
  await global.update('contactPayloads.accounts', [null, 'x', { id: 1 }, { id: 'k', name: 'Kept', baseUrl: HUBSPOT, apiVersion: 'v9', portal: { portalId: -1, scopes: [3] } }]);
  assert.deepEqual(store.list(), [{ id: 'k', name: 'Kept', baseUrl: HUBSPOT, apiVersion: undefined, production: false, portal: { portalId: undefined, domain: undefined, scopes: undefined, checkedAt: 0 } }]);
});

test('upgrade: each per-host token becomes an account with its token moved and its id kept; the configured host is active', async () => {
  const { store, global, workspace, secrets } = setup();
  secrets.values.set(`contactPayloads.accessToken:${HUBSPOT}`, TOKEN_A);
  secrets.values.set(`contactPayloads.accessTokenId:${HUBSPOT}`, 'id-of-a');
  secrets.values.set(`contactPayloads.accessToken:${SANDBOX}`, TOKEN_B);
  const made = await accountsFromHostTokens({ store, global, secrets, configuredBaseUrl: SANDBOX, otherBaseUrls: [] });
  assert.deepEqual(made.map((account) => [account.name, account.baseUrl]), [['127.0.0.1:4999', SANDBOX], ['HubSpot', HUBSPOT]], 'the configured one first');
  assert.equal(store.active()?.account.baseUrl, SANDBOX, 'sends keep going where they went');
  const hubspot = store.list().find((account) => account.baseUrl === HUBSPOT)!;
  assert.equal(await store.token(hubspot.id), TOKEN_A, 'no token to paste again');
  assert.equal(await store.tokenId(hubspot.id), 'id-of-a', "the token's id is kept: cached catalogs still know whose they are");
  assert.equal(await store.token(made[0].id), TOKEN_B);
  assert.deepEqual([...secrets.values.keys()].filter((key) => key.startsWith('contactPayloads.accessToken')), [], 'moved, not copied');
  assertNoTokenIn(global, workspace);
  assert.deepEqual(await accountsFromHostTokens({ store, global, secrets, configuredBaseUrl: SANDBOX, otherBaseUrls: [] }), [], 'it runs once');
  assert.equal(store.list().length, 2);
});

test('upgrade: a base URL set without a token becomes an account waiting for one; a fresh install gets none', async () => {
  const pointed = setup();
  const made = await accountsFromHostTokens({ store: pointed.store, global: pointed.global, secrets: pointed.secrets, configuredBaseUrl: `${SANDBOX}/`, otherBaseUrls: ['not a url'] });
  assert.deepEqual(made.map((account) => account.baseUrl), [SANDBOX]);
  assert.equal(await pointed.store.token(made[0].id), undefined);
  const fresh = setup();
  assert.deepEqual(await accountsFromHostTokens({ store: fresh.store, global: fresh.global, secrets: fresh.secrets, configuredBaseUrl: HUBSPOT, otherBaseUrls: [] }), []);
  assert.equal(fresh.store.list().length, 0);
});

test('upgrade: a token stored for a host the user set elsewhere (user settings) is moved too, under a free name', async () => {
  const { store, global, secrets } = setup();
  await store.add({ name: 'HubSpot', baseUrl: 'https://eu.example.com', apiVersion: undefined, production: false }, undefined);
  secrets.values.set(`contactPayloads.accessToken:${HUBSPOT}`, TOKEN_A);
  secrets.values.set('contactPayloads.accessToken:https://proxy.example.com', TOKEN_B);
  const made = await accountsFromHostTokens({ store, global, secrets, configuredBaseUrl: HUBSPOT, otherBaseUrls: ['https://proxy.example.com'] });
  assert.deepEqual(made.map((account) => account.name), ['HubSpot 2', 'proxy.example.com']);
});
