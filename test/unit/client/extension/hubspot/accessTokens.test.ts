// The id each stored token gets: new with every token, gone with it, never derived from it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type * as vscode from 'vscode';
import { AccessTokens } from '../../../../../client/src/extension/hubspot/accessTokens';

/** SecretStorage in memory: what AccessTokens uses of it. */
function memorySecrets(): { secrets: vscode.SecretStorage; values: Map<string, string> } {
  const values = new Map<string, string>();
  const secrets = {
    get: (key: string) => Promise.resolve(values.get(key)),
    store: (key: string, value: string) => Promise.resolve(void values.set(key, value)),
    delete: (key: string) => Promise.resolve(void values.delete(key)),
    keys: () => Promise.resolve([...values.keys()]),
    onDidChange: () => ({ dispose: () => undefined }),
  } as unknown as vscode.SecretStorage;
  return { secrets, values };
}

const ORIGIN = 'https://api.hubapi.com';
const TOKEN = 'pat-na1-first-token-of-the-test';

test('a token has an id of its own; storing another token (or the same again) gives a new one', async () => {
  const { secrets, values } = memorySecrets();
  const tokens = new AccessTokens(secrets);
  assert.equal(await tokens.idOf(ORIGIN), undefined, 'no token, no id');
  await tokens.store(ORIGIN, TOKEN);
  const first = await tokens.idOf(ORIGIN);
  assert.ok(first);
  assert.equal(await tokens.idOf(ORIGIN), first, 'stable while the token stays');
  assert.match(first, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'a random UUID, nothing derived from the token');
  await tokens.store(ORIGIN, 'pat-na1-second-token-of-the-test');
  const second = await tokens.idOf(ORIGIN);
  assert.ok(second && second !== first);
  await tokens.delete(ORIGIN);
  assert.equal(await tokens.idOf(ORIGIN), undefined);
  assert.equal(values.size, 0, 'the id goes with the token');
});

test('a token stored before ids existed gets one on first use, and keeps it', async () => {
  const { secrets, values } = memorySecrets();
  values.set(`contactPayloads.accessToken:${ORIGIN}`, TOKEN);
  const tokens = new AccessTokens(secrets);
  const id = await tokens.idOf(ORIGIN);
  assert.ok(id);
  assert.equal(await tokens.idOf(ORIGIN), id);
});
