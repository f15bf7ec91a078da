// The extension proper, the same on both extension hosts: the log, the language server and the
// editing commands everywhere; then what the host's runtime can do with HubSpot (sending on the
// desktop, an explanation on the web). Started by activation.ts once a contact file is open or a
// command runs.
import * as vscode from 'vscode';
import { EDITING_COMMANDS } from './commands/editingCommands';
import { ExtensionScope } from './extensionContext';
import type { EditingSide, ExtensionRuntime } from './extensionRuntime';
import { languageClientOptions } from './languageServer/languageClient';
import { LanguageServerHost } from './languageServer/languageServerHost';

export interface ExtensionMain {
  runCommand(command: string, args: unknown[]): unknown;
  stop(): Promise<void>;
}

/** `activatedAt`: performance.now() when VS Code activated the extension, for the log. */
export async function start(context: vscode.ExtensionContext, activatedAt: number, runtime: ExtensionRuntime): Promise<ExtensionMain> {
  const log = vscode.window.createOutputChannel('HubSpot Contacts', { log: true });
  context.subscriptions.push(log);
  const scope = new ExtensionScope(context, log);
  const host = new LanguageServerHost(scope, activatedAt, () => runtime.createLanguageClient(context, languageClientOptions(log)));
  const editing: EditingSide = { scope, host };
  for (const [name, factory] of Object.entries(EDITING_COMMANDS)) scope.registerCommand(name, factory(editing));
  await runtime.startHubSpotSide(editing);
  host.startWhenNeeded();
  return { runCommand: (command, args) => scope.runCommand(command, args), stop: () => host.dispose() };
}
