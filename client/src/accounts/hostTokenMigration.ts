// Before accounts, the extension kept one token per HubSpot host (secret-storage key
// `contactPayloads.accessToken:<origin>`) and sent to the host of the contactPayloads.baseUrl
// setting. On the first start with accounts, each stored host token becomes an account of its own
// (named after its host: "HubSpot" for api.hubapi.com) with the token moved, not copied, and its id
// kept so that cached portal catalogs still know whose they are; a base URL set without a token
// becomes an account waiting for one. The account of the configured base URL is the active one.
// Nothing is asked of the user. Runs once: a flag in global state says it ran.
import { DEFAULT_BASE_URL, parseBaseUrl } from '../hubspot/baseUrl';
import type { Account } from './account';
import type { AccountStore, SecretStore, StateStore } from './accountStore';

const MIGRATED_KEY = 'contactPayloads.accountsFromHostTokens';
const LEGACY_TOKEN_PREFIX = 'contactPayloads.accessToken:';
const LEGACY_TOKEN_ID_PREFIX = 'contactPayloads.accessTokenId:';

export interface HostTokenUpgrade {
  readonly store: AccountStore;
  readonly global: StateStore;
  readonly secrets: SecretStore;
  /** The base URL the setting names now (as VS Code applies it: untrusted workspace values ignored). */
  readonly configuredBaseUrl: string;
  /** Every other base URL the settings name (user, workspace, folder): a token may have been stored for any. */
  readonly otherBaseUrls: readonly string[];
}

/** The accounts made, the active one first; empty when it ran before or there was nothing to move. */
export async function accountsFromHostTokens({ store, global, secrets, configuredBaseUrl, otherBaseUrls }: HostTokenUpgrade): Promise<readonly Account[]> {
  if (global.get(MIGRATED_KEY) === true) return [];
  const configured = parseBaseUrl(configuredBaseUrl);
  const origins = new Set<string>();
  for (const candidate of [configuredBaseUrl, DEFAULT_BASE_URL, ...otherBaseUrls]) {
    const parsed = parseBaseUrl(candidate);
    if (parsed.ok) origins.add(parsed.baseUrl.origin);
  }
  const made: Account[] = [];
  for (const origin of origins) {
    const token = await secrets.get(LEGACY_TOKEN_PREFIX + origin);
    const isConfigured = configured.ok && configured.baseUrl.origin === origin;
    // A token, or the base URL the user pointed the extension at (the default needs no account yet).
    if (token === undefined && !(isConfigured && origin !== DEFAULT_BASE_URL)) continue;
    if (store.list().some((account) => account.baseUrl === origin)) continue;
    const tokenId = await secrets.get(LEGACY_TOKEN_ID_PREFIX + origin);
    const account = await store.add({ name: uniqueName(store, nameForOrigin(origin)), baseUrl: origin, apiVersion: undefined, production: false }, undefined);
    if (token !== undefined) {
      await store.writeToken(account.id, token, tokenId);
      await secrets.delete(LEGACY_TOKEN_PREFIX + origin);
      await secrets.delete(LEGACY_TOKEN_ID_PREFIX + origin);
    }
    if (isConfigured) made.unshift(account);
    else made.push(account);
  }
  if (made[0]) await store.choose(made[0].id);
  await global.update(MIGRATED_KEY, true);
  return made;
}

function nameForOrigin(origin: string): string {
  return origin === DEFAULT_BASE_URL ? 'HubSpot' : new URL(origin).host;
}

function uniqueName(store: AccountStore, name: string): string {
  let candidate = name;
  for (let n = 2; store.findByName(candidate); n++) candidate = `${name} ${n}`;
  return candidate;
}
