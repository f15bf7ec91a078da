// One HubSpot client (and so one undici dispatcher, with keep-alive) per payload shape, rebuilt when
// the active account (its base URL, token, API version), the proxy or the timeouts change. Every
// request is logged without the token, and recorded in the request history under the account's
// name with its answer. A setting the client cannot work with (base URL, proxy, a token that cannot
// be sent) is a `config` problem with a message to show: nothing is sent.
import * as vscode from 'vscode';
import type { Account } from '../../accounts/account';
import type { Accounts } from '../accounts/accounts';
import type { RequestHistory } from '../history/requestHistory';
import { parseBaseUrl, type HubSpotBaseUrl } from '../../hubspot/baseUrl';
import { HubSpotConfigError } from '../../hubspot/configError';
import type { ContactsApi } from '../../hubspot/contactsApi';
import { createHubSpotClient, DEFAULT_USER_AGENT, type HubSpotClient, type HttpLogEntry } from '../../hubspot/hubspotClient';
import { contactsApiFor } from '../../send/apiChoice';
import type { PayloadShapeName } from '../../send/payloadBody';
import { affectsSendSettings, readSendSettings, type SendSettings } from '../configuration';

export type Connection =
  | {
      readonly ok: true;
      readonly client: HubSpotClient;
      /** The API the client's sends go to. */
      readonly api: ContactsApi;
      readonly baseUrl: HubSpotBaseUrl;
      readonly account: Account;
      /** The settings in force for this account: its own API version, where it has one. */
      readonly settings: SendSettings;
      /** The token's id (AccountStore.tokenId), to tell which token something was fetched with. */
      readonly tokenId: string | undefined;
    }
  | { readonly ok: false; readonly problem: 'config'; readonly message: string }
  | { readonly ok: false; readonly problem: 'noAccount' }
  | { readonly ok: false; readonly problem: 'noToken'; readonly account: Account; readonly baseUrl: HubSpotBaseUrl };

interface CurrentSettings {
  readonly ok: true;
  readonly settings: SendSettings;
  readonly api: ContactsApi;
  readonly account: Account;
  readonly baseUrl: HubSpotBaseUrl;
  readonly token: string;
}

export class HubSpotConnection implements vscode.Disposable {
  /** One client per payload shape, so that a read through one API never closes a send's client of the other. */
  private readonly cached = new Map<PayloadShapeName, { key: string; client: HubSpotClient }>();
  private readonly subscriptions: vscode.Disposable[];
  private readonly changed = new vscode.EventEmitter<void>();
  /** Where requests go and with which token, when last looked: a change of anything else is not announced. */
  private lastTargetKey: string | undefined;
  /** The active account or its token, the proxy or the timeouts changed. */
  readonly onDidChange = this.changed.event;

  constructor(
    readonly accounts: Accounts,
    private readonly log: vscode.LogOutputChannel,
    private readonly version: string,
    private readonly history: RequestHistory,
  ) {
    // Only announced: the next clientForCurrentSettings sees the change in its key and builds a new
    // client. Closing the cached one here could close it under a send that just took it (a change
    // heard after an await, as the account's is).
    const changed = () => this.changed.fire();
    this.subscriptions = [
      vscode.workspace.onDidChangeConfiguration((e) => { if (affectsSendSettings(e)) changed(); }),
      // Only a change of where requests go or with which token: an account learning its portal id is not one.
      accounts.onDidChangeAccounts(() => void this.targetKey().then((key) => {
        if (key === this.lastTargetKey) return;
        this.lastTargetKey = key;
        changed();
      })),
      this.changed,
    ];
    void this.targetKey().then((key) => { this.lastTargetKey ??= key; });
  }

  private async targetKey(): Promise<string> {
    await this.accounts.ready;
    const account = this.accounts.active()?.account;
    return JSON.stringify(account ? [account.id, account.name, account.baseUrl, account.apiVersion ?? null, (await this.accounts.tokenId(account.id)) ?? null] : null);
  }

  /** The active account and its base URL, or why there is none to use. */
  async target(): Promise<{ ok: true; account: Account; baseUrl: HubSpotBaseUrl } | { ok: false; message: string }> {
    await this.accounts.ready;
    const active = this.accounts.active();
    if (!active) return { ok: false, message: vscode.l10n.t('No HubSpot account is set up: add one with Add Account… (HubSpot Contacts).') };
    const parsed = parseBaseUrl(active.account.baseUrl);
    // In English, as the base URL's problem it carries is: the catalog's refresh logs it.
    return parsed.ok ? { ok: true, account: active.account, baseUrl: parsed.baseUrl } : { ok: false, message: `The account ${active.account.name}: ${parsed.message}` };
  }

  /**
   * The client for the settings and token in force now: built when they changed, else the one already
   * built. Sends nothing. `shape`: the payload a send writes, which decides its API; reads (the
   * property catalog) are the same through any API's client, and take the v1 one.
   */
  async clientForCurrentSettings(shape: PayloadShapeName = 'v1'): Promise<Connection> {
    const current = await this.currentSettings(shape);
    if (!current.ok) return current;
    const { settings, api, baseUrl, token, account } = current;
    // In memory only, like the client's own Authorization header; never logged.
    const key = JSON.stringify([account.id, account.name, baseUrl.origin, token, api.label, settings.timeouts, settings.retry, settings.proxy, settings.noProxy]);
    let cached = this.cached.get(shape);
    if (cached?.key !== key) {
      void cached?.client.close();
      this.cached.delete(shape);
      const built = this.build(current, account.name);
      if (!built.ok) return built;
      cached = { key, client: built.client };
      this.cached.set(shape, cached);
    }
    return { ok: true, client: cached.client, api, baseUrl, account, settings, tokenId: await this.accounts.tokenId(account.id) };
  }

  /**
   * A client of its own for the settings and token in force now, which the caller closes: a seed run
   * holds one from its plan to its report, so that the shared client being rebuilt (another shape's
   * send, a setting changed, the catalog fetched) never closes it mid-run.
   */
  async dedicatedClient(shape: PayloadShapeName): Promise<Connection> {
    const current = await this.currentSettings(shape);
    if (!current.ok) return current;
    const built = this.build(current, current.account.name);
    if (!built.ok) return built;
    const { api, baseUrl, settings, account } = current;
    return { ok: true, client: built.client, api, baseUrl, account, settings, tokenId: await this.accounts.tokenId(account.id) };
  }

  /**
   * A client of its own, which the caller closes, for a token not stored yet: Add Account and Replace
   * Token ask HubSpot about it before it becomes the account's. Its requests are recorded under `name`.
   */
  probeClient(name: string, baseUrl: string, token: string): { ok: true; client: HubSpotClient } | { ok: false; problem: 'config'; message: string } {
    const parsed = parseBaseUrl(baseUrl);
    if (!parsed.ok) return { ok: false, problem: 'config', message: parsed.message };
    const settings = readSendSettings();
    return this.build({ settings, api: contactsApiFor('v1', settings.apiVersion), baseUrl: parsed.baseUrl, token }, name);
  }

  private async currentSettings(shape: PayloadShapeName): Promise<CurrentSettings | Exclude<Connection, { ok: true }>> {
    const target = await this.target();
    if (!target.ok) return this.accounts.active() ? { ok: false, problem: 'config', message: target.message } : { ok: false, problem: 'noAccount' };
    const { account, baseUrl } = target;
    const configured = readSendSettings();
    const settings = { ...configured, apiVersion: account.apiVersion ?? configured.apiVersion };
    const api = contactsApiFor(shape, settings.apiVersion);
    const token = await this.accounts.token(account.id);
    if (!token) return { ok: false, problem: 'noToken', account, baseUrl };
    return { ok: true, settings, api, account, baseUrl, token };
  }

  /** `accountName`: what its requests are recorded under in the history. */
  private build({ settings, api, baseUrl, token }: Pick<CurrentSettings, 'settings' | 'api' | 'baseUrl' | 'token'>, accountName: string): { ok: true; client: HubSpotClient } | { ok: false; problem: 'config'; message: string } {
    try {
      const client = createHubSpotClient({
        baseUrl: baseUrl.origin,
        token,
        api,
        timeouts: settings.timeouts,
        retry: settings.retry,
        proxy: settings.proxy,
        noProxy: settings.noProxy,
        userAgent: `${DEFAULT_USER_AGENT} ${this.version}`,
        log: (entry) => this.logRequest(entry),
        record: (record) => this.history.record(record, accountName),
      });
      return { ok: true, client };
    } catch (error) {
      if (error instanceof HubSpotConfigError) return { ok: false, problem: 'config', message: error.message };
      throw error;
    }
  }

  dispose(): void {
    for (const { client } of this.cached.values()) void client.close();
    this.cached.clear();
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private logRequest(entry: HttpLogEntry): void {
    this.log[entry.level](entry.message);
  }
}

