// "Create contact" · "Update vid 61574" above a v1 payload, "Update id 61574" above a CRM objects
// one, in trusted workspaces. The server's summary says the shape and the saved id (`vid` in both).
import * as vscode from 'vscode';
import { PayloadSummaryRequest, type PayloadSummary } from '../../../../server/src/protocol';
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
    return [
      new vscode.CodeLens(range, { title: 'Create contact', command: 'contactPayloads.createContact', arguments: [document.uri] }),
      new vscode.CodeLens(range, { title: updateTitle(summary), command: 'contactPayloads.updateContact', arguments: [document.uri, ...(summary.vid !== undefined ? [summary.vid] : [])] }),
    ];
  }
}

/** The update lens's title, in the words of the file's shape: v1 calls the id "vid". */
export function updateTitle(summary: PayloadSummary): string {
  const key = summary.shape === 'objects' ? 'id' : 'vid';
  return summary.vid !== undefined ? `Update ${key} ${summary.vid}` : `Update by ${key}…`;
}
