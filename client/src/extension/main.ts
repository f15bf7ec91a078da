// The extension proper, loaded by extension.ts once a contact file is open or a command runs: builds
// the scope, the commands and views, and starts the language server when needed.
import * as vscode from 'vscode';
import { Accounts } from './accounts/accounts';
import { COMMANDS } from './commands/commandTable';
import type { SendServices } from './commands/sendServices';
import { ExtensionScope } from './extensionContext';
import { HubSpotConnection } from './hubspot/hubspotConnection';
import { RequestHistory } from './history/requestHistory';
import { BATCH_DOCUMENT_SELECTOR, DOCUMENT_SELECTOR } from './contactDocuments';
import { LanguageServerHost } from './languageServer/languageServerHost';
import { PortalCatalog } from './hubspot/portalCatalog';
import { affectsSendSettings } from './configuration';
import { AccountStatus } from './views/accountStatus';
import { CatalogStatus } from './views/catalogStatus';
import { SendCodeLenses } from './views/codeLens';
import { ResponseView } from './views/responseView';
import { SeedSession } from './seed/seedSession';
import { SeedView } from './views/seedView';
import { HistoryView } from './views/historyView';

export interface ExtensionMain {
  runCommand(command: string, args: unknown[]): unknown;
  stop(): Promise<void>;
}

/** `activatedAt`: performance.now() when VS Code activated the extension, for the log. */
export function start(context: vscode.ExtensionContext, activatedAt: number): ExtensionMain {
  const log = vscode.window.createOutputChannel('HubSpot Contacts', { log: true });
  context.subscriptions.push(log);
  const scope = new ExtensionScope(context, log);
  const host = new LanguageServerHost(scope, activatedAt);
  const accounts = scope.track(new Accounts(context, log));
  const version = (context.extension.packageJSON as { version?: string }).version ?? '';
  const history = scope.track(new RequestHistory(context.globalStorageUri, log));
  const connection = scope.track(new HubSpotConnection(accounts, log, version, history));
  const catalog = scope.track(new PortalCatalog(context.globalStorageUri, connection, host, log));
  const services: SendServices = {
    connection,
    server: host,
    responses: scope.track(new ResponseView()),
    confirmedAccounts: new Set(),
  };

  const seeds = scope.track(new SeedSession(services, context.globalStorageUri, log));
  const commandContext = { scope, services, host, catalog, seeds, history };
  for (const [name, factory] of Object.entries(COMMANDS)) scope.registerCommand(name, factory(commandContext));

  scope.track(new CatalogStatus(catalog));
  scope.track(new AccountStatus(accounts));
  scope.track(new SeedView(seeds));
  scope.track(new HistoryView(history));

  const lenses = new SendCodeLenses(host, accounts);
  scope.track(accounts.onDidChangeAccounts(() => lenses.refresh()));
  scope.track(vscode.languages.registerCodeLensProvider([...DOCUMENT_SELECTOR, ...BATCH_DOCUMENT_SELECTOR], lenses));
  scope.track(vscode.workspace.onDidGrantWorkspaceTrust(() => lenses.refresh()));
  scope.track(vscode.workspace.onDidChangeConfiguration((e) => { if (affectsSendSettings(e)) lenses.refresh(); }));

  host.startWhenNeeded();
  return { runCommand: (command, args) => scope.runCommand(command, args), stop: () => host.dispose() };
}
