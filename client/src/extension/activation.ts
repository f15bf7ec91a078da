// Activation, the same on both extension hosts. VS Code has no activation event for a file pattern, so
// the extension activates with any JSON file (and when a workspace holds a *.contact.json or
// *.contacts.json). Activation itself only registers the commands; the extension proper (main.ts:
// language client, views, and on the desktop HTTP) starts once a contact file or a batch file is open or
// one of the commands runs.
import * as vscode from 'vscode';
import { whenSeedDocumentOpen } from './contactDocuments';
import type { ExtensionMain } from './main';

/** The commands the manifest contributes, each forwarded to the extension proper. */
export function contributedCommands(context: vscode.ExtensionContext): string[] {
  const { contributes } = context.extension.packageJSON as { contributes: { commands: { command: string }[] } };
  return contributes.commands.map(({ command }) => command);
}

/** `start`: starts the extension proper; called once, when it is first needed. Returns what deactivate calls. */
export function activateOnDemand(context: vscode.ExtensionContext, start: () => Promise<ExtensionMain>): () => Promise<void> {
  let main: Promise<ExtensionMain> | undefined;
  const load = (): Promise<ExtensionMain> => (main ??= start());
  for (const command of contributedCommands(context)) {
    context.subscriptions.push(vscode.commands.registerCommand(command, async (...args: unknown[]) => (await load()).runCommand(command, args)));
  }
  const waiting = whenSeedDocumentOpen(() => void load());
  if (waiting) context.subscriptions.push(waiting);
  return async () => {
    await (await main)?.stop();
  };
}
