// Activation. VS Code has no activation event for a file pattern, so the extension activates with any
// JSON file (and when a workspace holds a *.contact.json or *.contacts.json). Activation itself only
// registers the commands; the extension proper (language client, HTTP, views: main.ts, bundled
// separately) is loaded once a contact file or a batch file is open or one of the commands runs.
import * as vscode from 'vscode';
import { isSeedDocument } from './contactDocuments';
import type { ExtensionMain } from './main';

let main: Promise<ExtensionMain> | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const activatedAt = performance.now();
  const load = (): Promise<ExtensionMain> => (main ??= import('./main').then((module) => module.start(context, activatedAt)));
  const { contributes } = context.extension.packageJSON as { contributes: { commands: { command: string }[] } };
  for (const { command } of contributes.commands) {
    context.subscriptions.push(vscode.commands.registerCommand(command, async (...args: unknown[]) => (await load()).runCommand(command, args)));
  }
  if (vscode.workspace.textDocuments.some(isSeedDocument)) {
    void load();
    return;
  }
  const listener = vscode.workspace.onDidOpenTextDocument((document) => {
    if (!isSeedDocument(document)) return;
    listener.dispose();
    void load();
  });
  context.subscriptions.push(listener);
}

export async function deactivate(): Promise<void> {
  await (await main)?.stop();
}
