// Activation only: build the scope, register the commands, start the language server when needed.
import * as vscode from 'vscode';
import { restartServer } from './commands/restartServer';
import { showOutput } from './commands/showOutput';
import { ExtensionScope } from './extensionContext';
import { LanguageServerHost } from './languageServerHost';

let host: LanguageServerHost | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('HubSpot Contacts', { log: true });
  context.subscriptions.push(log);
  const scope = new ExtensionScope(context, log);
  host = new LanguageServerHost(scope);

  scope.registerCommand('restartServer', restartServer(host));
  scope.registerCommand('showOutput', showOutput);

  host.startWhenNeeded();
}

export async function deactivate(): Promise<void> {
  await host?.dispose();
}
