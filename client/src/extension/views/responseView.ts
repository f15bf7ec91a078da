// The read-only response document shown beside the editor, one per contact file, updated in place.
import * as vscode from 'vscode';
import type { ContactOutcome } from '../../hubspot/outcome';
import { responseText } from './responseText';

export const RESPONSE_SCHEME = 'contact-payloads-response';

export class ResponseView implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(RESPONSE_SCHEME, this);

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? `// ${vscode.l10n.t('No response yet.')}\n`;
  }

  /** Shows the outcome beside the source file and returns the response document; `account` names where it went. */
  show(source: vscode.Uri, outcome: ContactOutcome, account: string): Promise<vscode.TextDocument> {
    const name = source.path.split('/').pop() ?? 'contact';
    const uri = vscode.Uri.from({ scheme: RESPONSE_SCHEME, path: `/${name.replace(/\.json$/, '')}.response.jsonc`, query: source.toString() });
    return this.present(uri, responseText(outcome, name, new Date(), account));
  }

  /** Shows a text of the response view's form (a recorded answer, say) as `name`.response.jsonc. */
  showText(name: string, text: string): Promise<vscode.TextDocument> {
    return this.present(vscode.Uri.from({ scheme: RESPONSE_SCHEME, path: `/${name}.response.jsonc` }), text);
  }

  private async present(uri: vscode.Uri, text: string): Promise<vscode.TextDocument> {
    this.texts.set(uri.toString(), text);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    // An open response document takes the new text a moment after the change event: wait for it,
    // so whoever gets the document back (a test, a script) reads this answer, not the last one.
    const updated = open && open.getText() !== text ? nextChangeOf(uri) : undefined;
    this.changed.fire(uri);
    await updated;
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true, preview: true });
    return document;
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
  }
}

function nextChangeOf(uri: vscode.Uri): Promise<void> {
  return new Promise((resolve) => {
    const listener = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document.uri.toString() !== uri.toString()) return;
      listener.dispose();
      resolve();
    });
  });
}
