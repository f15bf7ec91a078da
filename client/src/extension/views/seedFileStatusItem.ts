// A status bar item shown only while a contact or batch file is the active editor: the catalog's and
// the account's items are each one of these, and say what they show in `render`.
import * as vscode from 'vscode';
import { isSeedDocument } from '../contactDocuments';

export abstract class SeedFileStatusItem implements vscode.Disposable {
  protected readonly item: vscode.StatusBarItem;
  private readonly subscriptions: vscode.Disposable[];

  /** `changes`: events after which the item says something else. */
  constructor(id: string, name: string, priority: number, changes: readonly vscode.Event<unknown>[]) {
    this.item = vscode.window.createStatusBarItem(id, vscode.StatusBarAlignment.Right, priority);
    this.item.name = name;
    this.subscriptions = [vscode.window.onDidChangeActiveTextEditor(() => this.update()), ...changes.map((event) => event(() => this.update()))];
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.item.dispose();
  }

  protected update(): void {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !isSeedDocument(document)) {
      this.item.hide();
      return;
    }
    this.render();
    this.item.show();
  }

  /** Sets the item's text, tooltip, command and colour. */
  protected abstract render(): void;
}
