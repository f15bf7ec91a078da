// Keeps the language server checking against the user's own portal: its contact property definitions,
// fetched with the token (in trusted workspaces), cached per account, refreshed in the background when
// older than the TTL, and otherwise the last cache or the bundled defaults, with the source visible.
import * as vscode from 'vscode';
import { CatalogNotification, type CatalogParams } from '../../../../server/src/protocol';
import { CatalogCache, needsRefresh, portalIdFor, type CachedCatalog } from '../../hubspot/catalogCache';
import { fetchPortalProperties } from '../../hubspot/propertyDefinitions';
import type { Account } from '../../accounts/account';
import type { HubSpotConnection } from './hubspotConnection';
import type { LanguageServerHost } from '../languageServer/languageServerHost';
import { readNumberSetting } from '../configuration';

/** What the status bar shows. */
export type CatalogState =
  | { readonly kind: 'bundled'; readonly reason: string }
  | { readonly kind: 'portal'; readonly catalog: CachedCatalog; readonly refreshError: string | undefined };

export class PortalCatalog implements vscode.Disposable {
  private state: CatalogState = { kind: 'bundled', reason: vscode.l10n.t('no portal properties fetched yet') };
  private readonly changed = new vscode.EventEmitter<CatalogState>();
  readonly onDidChange = this.changed.event;
  private readonly cache: CatalogCache;
  private readonly subscriptions: vscode.Disposable[] = [];
  private refreshing: Promise<void> | undefined;

  constructor(
    storage: vscode.Uri,
    private readonly connection: HubSpotConnection,
    private readonly server: LanguageServerHost,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.cache = new CatalogCache(vscode.Uri.joinPath(storage, 'portal-catalogs').fsPath);
    this.subscriptions.push(
      server.onDidStart(() => void this.load('whenOld')),
      // Another host or token may mean another portal: the cache of this host is only a stand-in.
      connection.onDidChange(() => void this.load('always')),
      vscode.workspace.onDidGrantWorkspaceTrust(() => void this.load('whenOld')),
      this.changed,
    );
  }

  current(): CatalogState {
    return this.state;
  }

  /**
   * The cached catalog of the active account at once (its portal's, when the account knows its portal;
   * else the latest of its host), then a background refresh (always, or when it is old or missing).
   */
  async load(refresh: 'always' | 'whenOld'): Promise<void> {
    const target = await this.connection.target();
    const portalId = target.ok ? target.account.portal?.portalId : undefined;
    const cached = !target.ok ? undefined : portalId === undefined ? await this.cache.latest(target.baseUrl.origin) : await this.cache.ofPortal(target.baseUrl.origin, portalId);
    if (cached) await this.use({ kind: 'portal', catalog: cached, refreshError: undefined }, target.ok ? target.account.name : undefined);
    else await this.use({ kind: 'bundled', reason: target.ok ? vscode.l10n.t('no cached properties for the account {0}', target.account.name) : target.message });
    if (target.ok && cached) await this.learnPortal(target.account, cached, await this.connection.accounts.tokenId(target.account.id));
    const maxAgeMs = readNumberSetting('portalProperties.maxAgeHours') * 3_600_000;
    if (refresh === 'always' || needsRefresh(cached, Date.now(), maxAgeMs)) await this.refresh(false);
  }

  /**
   * Fetches the portal's definitions now. Interactive refreshes (the command, the status bar) say what
   * went wrong; background ones only log it and keep what is in force.
   */
  refresh(interactive: boolean, signal?: AbortSignal): Promise<void> {
    this.refreshing ??= this.fetch(interactive, signal).finally(() => { this.refreshing = undefined; });
    return this.refreshing;
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private async fetch(interactive: boolean, signal: AbortSignal | undefined): Promise<void> {
    /** `message` goes to the log (in English); `shown`, its words in the status bar and the notification. */
    const fail = (message: string, shown = message) => {
      this.log.warn(message);
      if (this.state.kind === 'portal') this.setState({ ...this.state, refreshError: shown });
      if (interactive) void vscode.window.showWarningMessage(vscode.l10n.t('{0} Still using {1}.', shown, describe(this.state)));
    };
    if (!vscode.workspace.isTrusted) return fail('Portal properties are fetched only in trusted workspaces.', vscode.l10n.t('Portal properties are fetched only in trusted workspaces.'));
    const connection = await this.connection.clientForCurrentSettings();
    if (!connection.ok) {
      if (connection.problem === 'config') return fail(connection.message);
      if (connection.problem === 'noAccount') return fail("No HubSpot account is set up, so the portal's properties cannot be fetched.", vscode.l10n.t("No HubSpot account is set up, so the portal's properties cannot be fetched."));
      return fail(
        `The account ${connection.account.name} has no access token, so its portal's properties cannot be fetched.`,
        vscode.l10n.t("The account {0} has no access token, so its portal's properties cannot be fetched.", connection.account.name),
      );
    }
    const result = await fetchPortalProperties(connection.client, { signal });
    if (!result.ok) return fail(result.message);
    const catalog: CachedCatalog = { origin: connection.baseUrl.origin, fetchedAt: Date.now(), tokenId: connection.tokenId, ...result.portal };
    await this.cache.save(catalog).catch((error: unknown) => this.log.warn(`Could not cache the portal's properties: ${String(error)}`));
    await this.use({ kind: 'portal', catalog, refreshError: undefined }, connection.account.name);
    this.log.info(`Fetched ${catalog.properties.length} contact properties of ${portalName(catalog)} for the account ${connection.account.name} (${catalog.api} API)`);
    await this.learnPortal(connection.account, catalog, connection.tokenId);
  }

  /**
   * An account made from an earlier version's token, or whose token HubSpot did not describe, learns
   * its portal id from a catalog fetched with its very token (portalIdFor), for the status bar and the
   * confirmations.
   */
  private async learnPortal(account: Account, catalog: CachedCatalog, tokenId: string | undefined): Promise<void> {
    if (account.portal?.portalId !== undefined) return;
    const portalId = portalIdFor(catalog, account.baseUrl, tokenId);
    if (portalId === undefined) return;
    await this.connection.accounts.update(account.id, { portal: { portalId, domain: undefined, scopes: account.portal?.scopes, checkedAt: catalog.fetchedAt } });
  }

  /** `accountName`: the account the catalog is the portal of, which the server names in hovers and messages. */
  private async use(state: CatalogState, accountName?: string): Promise<void> {
    this.setState(state);
    const params: CatalogParams = state.kind === 'portal'
      ? { source: { kind: 'portal', description: accountName === undefined ? portalName(state.catalog) : `${accountName}: ${portalName(state.catalog)}` }, properties: state.catalog.properties }
      : { source: { kind: 'bundled', description: 'HubSpot default contact properties (bundled)' } };
    const client = await this.server.ensureStarted();
    await client.sendNotification(CatalogNotification, params);
  }

  private setState(state: CatalogState): void {
    this.state = state;
    this.changed.fire(state);
  }
}

/** In English: the log and the server's hovers name the portal with it. */
export function portalName(catalog: CachedCatalog): string {
  const host = new URL(catalog.origin).host;
  return catalog.portalId === undefined ? `the portal at ${host}` : `portal ${catalog.portalId} (${host})`;
}

/** What the checks go by, as the status bar and the notifications say it. */
export function describe(state: CatalogState): string {
  if (state.kind !== 'portal') return vscode.l10n.t('the bundled default properties');
  const { catalog } = state;
  const host = new URL(catalog.origin).host;
  return catalog.portalId === undefined ? vscode.l10n.t('the properties of the portal at {0}', host) : vscode.l10n.t('the properties of portal {0} ({1})', catalog.portalId, host);
}
