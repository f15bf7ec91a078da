// The editor's accounts: the list in global state (names, base URLs, API versions, the production
// mark and what HubSpot said of each token — never a token), each token in secret storage under its
// account's random id, and which account is active: the one chosen in this workspace, else the one
// the workspace suggests by name (contactPayloads.account), else the last one chosen anywhere, else
// the first. No vscode import: the extension hands in its Mementos and SecretStorage, tests fakes.
import { parseBaseUrl } from '../hubspot/baseUrl';
import { accountNameProblem, sameName, type Account, type AccountSettings, type PortalFacts } from './account';
import { knownApiVersion } from '../send/apiChoice';

/** The part of a vscode.Memento the store uses. */
export interface StateStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void>;
}

/** The part of vscode.SecretStorage the store uses. */
export interface SecretStore {
  get(key: string): Thenable<string | undefined>;
  store(key: string, value: string): Thenable<void>;
  delete(key: string): Thenable<void>;
}

const LIST_KEY = 'contactPayloads.accounts';
/** In workspace state: this workspace's choice. In global state: the last choice anywhere. */
const ACTIVE_KEY = 'contactPayloads.activeAccount';
const SECRET_PREFIX = 'contactPayloads.account:';

/** The secret-storage key of an account's token; `:tokenId` is a random name of the token stored, new with each token (a cache records it to say which token it was fetched with). */
export function tokenKey(accountId: string): string {
  return `${SECRET_PREFIX}${accountId}:token`;
}
function tokenIdKey(accountId: string): string {
  return `${SECRET_PREFIX}${accountId}:tokenId`;
}

/** True for a secret-storage key that holds an account's token. */
export function isTokenKey(key: string): boolean {
  return key.startsWith(SECRET_PREFIX) && key.endsWith(':token');
}

export type ActiveReason = 'chosen' | 'suggested' | 'last' | 'first';

export class AccountStore {
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly global: StateStore,
    private readonly workspace: StateStore,
    private readonly secrets: SecretStore,
    /** The account name this workspace suggests (a workspace setting), if any. */
    private readonly suggestedName: () => string | undefined,
  ) {}

  list(): readonly Account[] {
    const stored = this.global.get<unknown>(LIST_KEY);
    return Array.isArray(stored) ? stored.flatMap(readAccount) : [];
  }

  find(id: string): Account | undefined {
    return this.list().find((account) => account.id === id);
  }

  findByName(name: string): Account | undefined {
    return this.list().find((account) => sameName(account.name, name));
  }

  /** The account name this workspace suggests, if any. */
  suggested(): string | undefined {
    return this.suggestedName();
  }

  /** The account requests go to now, and why it is that one. */
  active(): { readonly account: Account; readonly reason: ActiveReason } | undefined {
    const accounts = this.list();
    const byId = (id: unknown) => accounts.find((account) => account.id === id);
    const chosen = byId(this.workspace.get(ACTIVE_KEY));
    if (chosen) return { account: chosen, reason: 'chosen' };
    const suggested = this.suggestedName();
    const named = suggested === undefined ? undefined : accounts.find((account) => sameName(account.name, suggested));
    if (named) return { account: named, reason: 'suggested' };
    const last = byId(this.global.get(ACTIVE_KEY));
    if (last) return { account: last, reason: 'last' };
    return accounts[0] && { account: accounts[0], reason: 'first' };
  }

  /** Why these settings cannot be an account (a name taken or malformed, a base URL refused), else undefined. */
  problemWith(settings: Pick<AccountSettings, 'name' | 'baseUrl'>, exceptId?: string): string | undefined {
    const nameProblem = accountNameProblem(settings.name);
    if (nameProblem) return nameProblem;
    if (this.list().some((account) => account.id !== exceptId && sameName(account.name, settings.name))) return `There is already an account named ${settings.name}.`;
    const parsed = parseBaseUrl(settings.baseUrl);
    return parsed.ok ? undefined : parsed.message;
  }

  /** Adds the account (its base URL as an origin) with its token, and makes it the active one. */
  async add(settings: AccountSettings, token: string | undefined, portal?: PortalFacts): Promise<Account> {
    const problem = this.problemWith(settings);
    if (problem) throw new Error(problem);
    const parsed = parseBaseUrl(settings.baseUrl);
    const account: Account = { ...settings, name: settings.name.trim(), baseUrl: parsed.ok ? parsed.baseUrl.origin : settings.baseUrl, id: globalThis.crypto.randomUUID(), portal };
    // The token first: an account in the list is never without the token it was added with.
    if (token !== undefined) await this.writeToken(account.id, token);
    await this.global.update(LIST_KEY, [...this.list(), account]);
    await this.choose(account.id);
    return account;
  }

  async update(id: string, changes: Partial<Pick<Account, 'portal' | 'production' | 'apiVersion'>>): Promise<void> {
    await this.global.update(LIST_KEY, this.list().map((account) => (account.id === id ? { ...account, ...changes } : account)));
    this.fire();
  }

  /** Makes the account the active one in this workspace, and the last chosen. */
  async choose(id: string): Promise<void> {
    await this.workspace.update(ACTIVE_KEY, id);
    await this.global.update(ACTIVE_KEY, id);
    this.fire();
  }

  /** Removes the account and deletes its token. */
  async remove(id: string): Promise<void> {
    await this.global.update(LIST_KEY, this.list().filter((account) => account.id !== id));
    if (this.workspace.get(ACTIVE_KEY) === id) await this.workspace.update(ACTIVE_KEY, undefined);
    if (this.global.get(ACTIVE_KEY) === id) await this.global.update(ACTIVE_KEY, undefined);
    await this.secrets.delete(tokenKey(id));
    await this.secrets.delete(tokenIdKey(id));
    this.fire();
  }

  token(id: string): Thenable<string | undefined> {
    return this.secrets.get(tokenKey(id));
  }

  /** The random name of the account's token now; a token stored without one gets one on first use. */
  async tokenId(id: string): Promise<string | undefined> {
    if ((await this.token(id)) === undefined) return undefined;
    const known = await this.secrets.get(tokenIdKey(id));
    if (known) return known;
    const created = globalThis.crypto.randomUUID();
    await this.secrets.store(tokenIdKey(id), created);
    return created;
  }

  /** Stores a new token for the account; what HubSpot said of the previous one no longer holds. */
  async replaceToken(id: string, token: string, portal: PortalFacts | undefined): Promise<void> {
    await this.writeToken(id, token);
    await this.update(id, { portal });
  }

  /** `tokenId`: keep this id (an upgrade moving a token), else a new one. */
  async writeToken(id: string, token: string, tokenId: string = globalThis.crypto.randomUUID()): Promise<void> {
    // The id first: whoever hears of the new token reads its id, not the previous token's.
    await this.secrets.store(tokenIdKey(id), tokenId);
    await this.secrets.store(tokenKey(id), token);
  }

  /** Called on every change this store makes; the extension adds secret-storage changes from other windows. */
  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  fire(): void {
    for (const listener of this.listeners) listener();
  }
}

/** An account as stored, or nothing for an entry that is not one (a hand-edited or later-version state). */
function readAccount(raw: unknown): Account[] {
  if (typeof raw !== 'object' || raw === null) return [];
  const { id, name, baseUrl, apiVersion, production, portal } = raw as Record<string, unknown>;
  if (typeof id !== 'string' || typeof name !== 'string' || typeof baseUrl !== 'string') return [];
  return [{ id, name, baseUrl, apiVersion: knownApiVersion(apiVersion), production: production === true, portal: readPortal(portal) }];
}

function readPortal(raw: unknown): PortalFacts | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { portalId, domain, scopes, checkedAt } = raw as Record<string, unknown>;
  return {
    portalId: typeof portalId === 'number' && Number.isSafeInteger(portalId) && portalId > 0 ? portalId : undefined,
    domain: typeof domain === 'string' ? domain : undefined,
    scopes: Array.isArray(scopes) && scopes.every((scope) => typeof scope === 'string') ? scopes : undefined,
    checkedAt: typeof checkedAt === 'number' ? checkedAt : 0,
  };
}
