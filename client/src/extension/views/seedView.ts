// The Seed Plan view (activity bar → HubSpot Contacts): the plan of the seed set, with the counts as
// the view's message and the account at the top, each contact under what it needs (click: its file
// at its line), the "Save ids into files" checkbox; after the run, the same view shows its report.
// The nodes themselves come from seedNodes.ts.
import * as vscode from 'vscode';
import type { SeedSession, SeedState } from '../seed/seedSession';
import { planNodes, planSummary, reportNodes, reportSummary, type SeedNode } from './seedNodes';

export const SEED_VIEW_ID = 'contactPayloads.seedPlan';

export class SeedView implements vscode.TreeDataProvider<SeedNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly view: vscode.TreeView<SeedNode>;
  private readonly subscriptions: vscode.Disposable[];
  /** Built once per state: VS Code asks for an element's children by the element it was given. */
  private roots: SeedNode[] = [];
  /** VS Code has read the roots: a change made while the view is hidden must be told once it shows. */
  private read = false;
  /**
   * A change made while the view was hidden, told once it shows. A view never read reads the roots
   * when it first shows; a refresh told then races that reading, and VS Code loses the open groups' rows.
   */
  private stale = false;

  constructor(private readonly session: SeedSession) {
    this.view = vscode.window.createTreeView(SEED_VIEW_ID, { treeDataProvider: this, showCollapseAll: true, manageCheckboxStateManually: true });
    this.subscriptions = [
      this.view,
      this.changed,
      session.onDidChange((state) => this.update(state)),
      this.view.onDidChangeCheckboxState((event) => {
        for (const [node, state] of event.items) if (node.saveIdsCheckbox !== undefined) session.saveIds = state === vscode.TreeItemCheckboxState.Checked;
      }),
      this.view.onDidChangeVisibility(({ visible }) => {
        if (!visible || !this.stale) return;
        this.stale = false;
        this.changed.fire();
      }),
    ];
    this.update(session.state());
  }

  getChildren(node?: SeedNode): SeedNode[] {
    if (node) return node.children?.() ?? [];
    this.read = true;
    return this.roots;
  }

  getTreeItem(node: SeedNode): vscode.TreeItem {
    const collapsed = node.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(node.label, node.children ? collapsed : vscode.TreeItemCollapsibleState.None);
    item.description = node.description;
    item.tooltip = node.tooltip;
    if (node.icon) item.iconPath = new vscode.ThemeIcon(node.icon);
    if (node.saveIdsCheckbox !== undefined) {
      item.checkboxState = this.session.saveIds ? vscode.TreeItemCheckboxState.Checked : vscode.TreeItemCheckboxState.Unchecked;
    }
    if (node.place) {
      const position = new vscode.Position(node.place.line, node.place.character);
      const options: vscode.TextDocumentShowOptions = { selection: new vscode.Range(position, position), preview: true };
      item.command = { title: vscode.l10n.t('Open'), command: 'vscode.open', arguments: [vscode.Uri.parse(node.place.file), options] };
    }
    return item;
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private update(state: SeedState): void {
    const name = (file: string) => vscode.workspace.asRelativePath(vscode.Uri.parse(file));
    this.roots = state.kind === 'plan' ? planNodes(state.plan, name, this.session.saveIds) : state.kind === 'report' ? reportNodes(state.plan, state.report, name) : [];
    this.view.title = state.kind === 'report' ? vscode.l10n.t('Seed Run') : vscode.l10n.t('Seed Plan');
    this.view.message = state.kind === 'plan'
      ? state.sending ? vscode.l10n.t('Sending: {0}', planSummary(state.plan)) : planSummary(state.plan)
      : state.kind === 'report'
        ? state.report.stopped ? vscode.l10n.t('Stopped: {0}', reportSummary(state.report)) : vscode.l10n.t('Sent: {0}', reportSummary(state.report))
        : undefined;
    if (this.view.visible) this.changed.fire();
    else if (this.read) this.stale = true;
  }
}
