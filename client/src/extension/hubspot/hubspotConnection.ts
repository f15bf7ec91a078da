// One HubSpot client (and so one undici dispatcher, with keep-alive) for the extension, rebuilt when
// the base URL, token, proxy, timeouts or the API a send goes to (the file's shape and
// contactPayloads.apiVersion) change. Every request is logged without the token, and recorded in the
// request history with its answer. A setting
// the client cannot work with (base URL, proxy, a token that cannot be sent) is a `config` problem
// with a message to show: nothing is sent.
import * as vscode from 'vscode';
import type { AccessTokens } from './accessTokens';
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
      readonly settings: SendSettings;
      /** The token's id (AccessTokens.idOf), to tell which token something was fetched with. */
      readonly tokenId: string | undefined;
    }
  | { readonly ok: false; readonly problem: 'config'; readonly message: string }
  | { readonly ok: false; readonly problem: 'noToken'; readonly baseUrl: HubSpotBaseUrl };

interface CurrentSettings {
  readonly ok: true;
  readonly settings: SendSettings;
  readonly api: ContactsApi;
  readonly baseUrl: HubSpotBaseUrl;
  readonly token: string;
}

export class HubSpotConnection implements vscode.Disposable {
  private cached: { key: string; client: HubSpotClient } | undefined;
  private readonly subscriptions: vscode.Disposable[];
  private readonly changed = new vscode.EventEmitter<void>();
  /** The base URL, a token, the proxy or the timeouts changed. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly tokens: AccessTokens,
    private readonly log: vscode.LogOutputChannel,
    private readonly version: string,
    private readonly history: RequestHistory,
  ) {
    const changed = () => {
      this.reset();
      this.changed.fire();
    };
    this.subscriptions = [
      vscode.workspace.onDidChangeConfiguration((e) => { if (affectsSendSettings(e)) changed(); }),
      tokens.onDidChange(changed),
      this.changed,
    ];
  }

  /** The configured base URL, or why it cannot be used. */
  baseUrl(): { ok: true; baseUrl: HubSpotBaseUrl } | { ok: false; message: string } {
    return parseBaseUrl(readSendSettings().baseUrl);
  }

  /**
   * The client for the settings and token in force now: built when they changed, else the one already
   * built. Sends nothing. `shape`: the payload a send writes, which decides its API; reads (the
   * property catalog) are the same through any API's client, and take the v1 one.
   */
  async clientForCurrentSettings(shape: PayloadShapeName = 'v1'): Promise<Connection> {
    const current = await this.currentSettings(shape);
    if (!current.ok) return current;
    const { settings, api, baseUrl, token } = current;
    // In memory only, like the client's own Authorization header; never logged.
    const key = JSON.stringify([baseUrl.origin, token, api.label, settings.timeouts, settings.retry, settings.proxy, settings.noProxy]);
    if (this.cached?.key !== key) {
      this.reset();
      const built = this.build(current);
      if (!built.ok) return built;
      this.cached = { key, client: built.client };
    }
    return { ok: true, client: this.cached.client, api, baseUrl, settings, tokenId: await this.tokens.idOf(baseUrl.origin) };
  }

  /**
   * A client of its own for the settings and token in force now, which the caller closes: a seed run
   * holds one from its plan to its report, so that the shared client being rebuilt (another shape's
   * send, a setting changed, the catalog fetched) never closes it mid-run.
   */
  async dedicatedClient(shape: PayloadShapeName): Promise<Connection> {
    const current = await this.currentSettings(shape);
    if (!current.ok) return current;
    const built = this.build(current);
    if (!built.ok) return built;
    const { api, baseUrl, settings } = current;
    return { ok: true, client: built.client, api, baseUrl, settings, tokenId: await this.tokens.idOf(baseUrl.origin) };
  }

  private async currentSettings(shape: PayloadShapeName): Promise<CurrentSettings | Exclude<Connection, { ok: true }>> {
    const settings = readSendSettings();
    const api = contactsApiFor(shape, settings.apiVersion);
    const parsed = parseBaseUrl(settings.baseUrl);
    if (!parsed.ok) return { ok: false, problem: 'config', message: parsed.message };
    const token = await this.tokens.get(parsed.baseUrl.origin);
    if (!token) return { ok: false, problem: 'noToken', baseUrl: parsed.baseUrl };
    return { ok: true, settings, api, baseUrl: parsed.baseUrl, token };
  }

  private build({ settings, api, baseUrl, token }: CurrentSettings): { ok: true; client: HubSpotClient } | { ok: false; problem: 'config'; message: string } {
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
        record: (record) => this.history.record(record, baseUrl.origin),
      });
      return { ok: true, client };
    } catch (error) {
      if (error instanceof HubSpotConfigError) return { ok: false, problem: 'config', message: error.message };
      throw error;
    }
  }

  dispose(): void {
    this.reset();
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private reset(): void {
    const old = this.cached;
    this.cached = undefined;
    void old?.client.close();
  }

  private logRequest(entry: HttpLogEntry): void {
    this.log[entry.level](entry.message);
  }
}

