// The status bar item shown while a contact file is open: which catalog is in force, click to refresh.
import * as vscode from 'vscode';
import { describe, type CatalogState, type PortalCatalog } from '../hubspot/portalCatalog';
import { SeedFileStatusItem } from './seedFileStatusItem';

const AGE = new Intl.RelativeTimeFormat('en', { numeric: 'auto', style: 'narrow' });

export class CatalogStatus extends SeedFileStatusItem {
  private readonly ticker: ReturnType<typeof setInterval>;

  constructor(private readonly catalog: PortalCatalog) {
    super('contactPayloads.catalog', vscode.l10n.t('HubSpot Contacts: property catalog'), 100, [catalog.onDidChange]);
    this.item.command = 'contactPayloads.refreshProperties';
    // The age in the text goes stale while the item is shown.
    this.ticker = setInterval(() => this.update(), 60_000);
    this.update();
  }

  override dispose(): void {
    clearInterval(this.ticker);
    super.dispose();
  }

  protected render(): void {
    const state = this.catalog.current();
    this.item.text = `$(database) ${label(state)}`;
    this.item.tooltip = tooltip(state);
    this.item.backgroundColor = state.kind === 'portal' && state.refreshError ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  }
}

function label(state: CatalogState): string {
  if (state.kind === 'bundled') return vscode.l10n.t('bundled defaults');
  const { catalog } = state;
  const who = catalog.portalId === undefined ? new URL(catalog.origin).host : vscode.l10n.t('portal {0}', catalog.portalId);
  return vscode.l10n.t('{0} · {1} properties · {2}', who, catalog.properties.length, age(catalog.fetchedAt));
}

function tooltip(state: CatalogState): vscode.MarkdownString {
  const lines = [vscode.l10n.t('Checking against {0}.', describe(state))];
  if (state.kind === 'bundled') lines.push(`(${state.reason})`);
  if (state.kind === 'portal') {
    lines.push(vscode.l10n.t('Fetched {0} through the {1} properties API.', new Date(state.catalog.fetchedAt).toLocaleString(), state.catalog.api));
    if (state.refreshError) lines.push(vscode.l10n.t('Last refresh failed: {0}', state.refreshError));
  }
  lines.push(vscode.l10n.t('Click to fetch the properties again.'));
  const markdown = new vscode.MarkdownString(lines.join('\n\n'));
  markdown.isTrusted = false;
  return markdown;
}

function age(fetchedAt: number): string {
  const minutes = Math.round((fetchedAt - Date.now()) / 60_000);
  if (minutes === 0) return vscode.l10n.t('just now');
  if (minutes > -60) return AGE.format(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  return hours > -48 ? AGE.format(hours, 'hour') : AGE.format(Math.round(hours / 24), 'day');
}
