// "Create contact" · "Update vid 61574" above the payload, in trusted workspaces.
import * as vscode from 'vscode';
import { PayloadSummaryRequest } from '../../../../server/src/protocol';
import type { LanguageServerHost } from '../languageServer/languageServerHost';

export class SendCodeLenses implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly server: LanguageServerHost) {}

  /** Trust was granted or a send setting changed: ask VS Code for the lenses again. */
  refresh(): void {
    this.changed.fire();
  }

  async provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    if (!vscode.workspace.isTrusted) return [];
    const client = await this.server.ensureStarted();
    // VS Code cancels lens requests as the user types; a cancelled one simply has no lenses.
    const summary = await client.sendRequest(PayloadSummaryRequest, { uri: document.uri.toString() }, token).catch(() => null);
    if (!summary || token.isCancellationRequested) return [];
    const range = new vscode.Range(summary.line, 0, summary.line, 0);
    const lenses = [new vscode.CodeLens(range, { title: 'Create contact', command: 'contactPayloads.createContact', arguments: [document.uri] })];
    lenses.push(summary.vid !== undefined
      ? new vscode.CodeLens(range, { title: `Update vid ${summary.vid}`, command: 'contactPayloads.updateContact', arguments: [document.uri, summary.vid] })
      : new vscode.CodeLens(range, { title: 'Update by vid…', command: 'contactPayloads.updateContact', arguments: [document.uri] }));
    return lenses;
  }
}
