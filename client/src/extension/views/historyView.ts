// The Request History view (activity bar → HubSpot Contacts): every recorded request by day, newest
// first; a click opens its answer in the response view, the context menu copies it as curl or opens
// the file it was sent from. The rows come from historyDays.ts; the entries from RequestHistory.
import * as vscode from 'vscode';
import { entryDescription, entryIcon, entryLabel, historyDays, type HistoryDay } from '../../history/historyDays';
import type { HistoryEntry } from '../../history/historyEntry';
import type { RequestHistory } from '../history/requestHistory';

export const HISTORY_VIEW_ID = 'contactPayloads.history';

export type HistoryNode = { readonly kind: 'day'; readonly day: HistoryDay } | { readonly kind: 'entry'; readonly entry: HistoryEntry };

/** A seed run records hundreds of requests a minute: the view is told once per this many ms at most. */
const REFRESH_MS = 500;

export class HistoryView implements vscode.TreeDataProvider<HistoryNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly view: vscode.TreeView<HistoryNode>;
  private readonly subscriptions: vscode.Disposable[];
  private pending: ReturnType<typeof setTimeout> | undefined;
  /** A change while the view was hidden, told once it shows. */
  private stale = false;

  constructor(private readonly history: RequestHistory) {
    this.view = vscode.window.createTreeView(HISTORY_VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    this.subscriptions = [
      this.view,
      this.changed,
      history.onDidChange(() => this.refreshSoon()),
      this.view.onDidChangeVisibility(({ visible }) => {
        if (!visible || !this.stale) return;
        this.stale = false;
        this.changed.fire();
      }),
    ];
  }

  async getChildren(node?: HistoryNode): Promise<HistoryNode[]> {
    if (node?.kind === 'day') return node.day.entries.map((entry) => ({ kind: 'entry', entry }));
    if (node) return [];
    const days = historyDays(await this.history.entries(), new Date());
    return days.map((day) => ({ kind: 'day', day }));
  }

  getTreeItem(node: HistoryNode): vscode.TreeItem {
    if (node.kind === 'day') {
      const item = new vscode.TreeItem(node.day.label, node.day.label === 'Today' ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
      const count = node.day.entries.length;
      item.description = count === 1 ? vscode.l10n.t('{0} request', count) : vscode.l10n.t('{0} requests', count);
      item.iconPath = new vscode.ThemeIcon('calendar');
      return item;
    }
    const { entry } = node;
    const item = new vscode.TreeItem(entryLabel(entry), vscode.TreeItemCollapsibleState.None);
    item.id = entry.id;
    item.description = entryDescription(entry);
    // String(): an entry is read back from the file unchecked beyond its id, time, method and URL.
    const answered = entry.correlationId
      ? vscode.l10n.t('{0} in {1} ms, correlation {2}', String(entry.answer), String(entry.durationMs), entry.correlationId)
      : vscode.l10n.t('{0} in {1} ms', String(entry.answer), String(entry.durationMs));
    item.tooltip = [`${entry.method} ${entry.url}`, answered, vscode.l10n.t('to {0}', String(entry.account)), ...(entry.source ? [vscode.l10n.t('from {0}', entry.source)] : [])].join('\n');
    item.iconPath = new vscode.ThemeIcon(entryIcon(entry));
    item.contextValue = entry.source === undefined ? 'historyEntry' : 'historyEntry.withSource';
    item.command = { title: vscode.l10n.t('Open the Answer'), command: 'contactPayloads.openHistoryEntry', arguments: [node] };
    return item;
  }

  dispose(): void {
    if (this.pending !== undefined) clearTimeout(this.pending);
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private refreshSoon(): void {
    if (!this.view.visible) {
      this.stale = true;
      return;
    }
    this.pending ??= setTimeout(() => {
      this.pending = undefined;
      this.changed.fire();
    }, REFRESH_MS);
  }
}
