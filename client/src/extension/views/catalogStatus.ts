// The status bar item shown while a contact file is open: which catalog is in force, click to refresh.
import * as vscode from 'vscode';
import { isSeedDocument } from '../contactDocuments';
import { describe, type CatalogState, type PortalCatalog } from '../hubspot/portalCatalog';

const AGE = new Intl.RelativeTimeFormat('en', { numeric: 'auto', style: 'narrow' });

export class CatalogStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('contactPayloads.catalog', vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly catalog: PortalCatalog) {
    this.item.name = 'HubSpot Contacts: property catalog';
    this.item.command = 'contactPayloads.refreshProperties';
    this.subscriptions = [
      catalog.onDidChange(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      // The age in the text goes stale while the item is shown.
      { dispose: clearInterval.bind(undefined, setInterval(() => this.update(), 60_000)) },
    ];
    this.update();
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.item.dispose();
  }

  private update(): void {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !isSeedDocument(document)) {
      this.item.hide();
      return;
    }
    const state = this.catalog.current();
    this.item.text = `$(database) ${label(state)}`;
    this.item.tooltip = tooltip(state);
    this.item.backgroundColor = state.kind === 'portal' && state.refreshError ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }
}

function label(state: CatalogState): string {
  if (state.kind === 'bundled') return 'bundled defaults';
  const { catalog } = state;
  const who = catalog.portalId === undefined ? new URL(catalog.origin).host : `portal ${catalog.portalId}`;
  return `${who} · ${catalog.properties.length} properties · ${age(catalog.fetchedAt)}`;
}

function tooltip(state: CatalogState): vscode.MarkdownString {
  const lines = [`Checking against ${describe(state)}.`];
  if (state.kind === 'bundled') lines.push(`(${state.reason})`);
  if (state.kind === 'portal') {
    lines.push(`Fetched ${new Date(state.catalog.fetchedAt).toLocaleString()} through the ${state.catalog.api} properties API.`);
    if (state.refreshError) lines.push(`Last refresh failed: ${state.refreshError}`);
  }
  lines.push('Click to fetch the properties again.');
  const markdown = new vscode.MarkdownString(lines.join('\n\n'));
  markdown.isTrusted = false;
  return markdown;
}

function age(fetchedAt: number): string {
  const minutes = Math.round((fetchedAt - Date.now()) / 60_000);
  if (minutes === 0) return 'just now';
  if (minutes > -60) return AGE.format(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  return hours > -48 ? AGE.format(hours, 'hour') : AGE.format(Math.round(hours / 24), 'day');
}
