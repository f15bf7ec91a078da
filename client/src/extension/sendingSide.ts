// Desktop VS Code's side that reaches HubSpot: accounts, the connection (undici), the portal's catalog
// for the server, the response view, seed sets, the request history, their commands, views, status bar
// items and CodeLens. Loaded by the Node runtime only (node/nodeRuntime.ts): its modules need Node.
import * as vscode from 'vscode';
import { Accounts } from './accounts/accounts';
import { SENDING_COMMANDS } from './commands/commandTable';
import type { SendServices } from './commands/sendServices';
import type { EditingSide } from './extensionRuntime';
import { HubSpotConnection } from './hubspot/hubspotConnection';
import { RequestHistory } from './history/requestHistory';
import { BATCH_DOCUMENT_SELECTOR, DOCUMENT_SELECTOR } from './contactDocuments';
import { PortalCatalog } from './hubspot/portalCatalog';
import { affectsSendSettings } from './configuration';
import { AccountStatus } from './views/accountStatus';
import { CatalogStatus } from './views/catalogStatus';
import { SendCodeLenses } from './views/codeLens';
import { ResponseView } from './views/responseView';
import { SeedSession } from './seed/seedSession';
import { SeedView } from './views/seedView';
import { HistoryView } from './views/historyView';

export function startSending({ scope, host }: EditingSide): void {
  const context = scope.vscodeContext;
  const { log } = scope;
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
  for (const [name, factory] of Object.entries(SENDING_COMMANDS)) scope.registerCommand(name, factory(commandContext));

  scope.track(new CatalogStatus(catalog));
  scope.track(new AccountStatus(accounts));
  scope.track(new SeedView(seeds));
  scope.track(new HistoryView(history));

  const lenses = new SendCodeLenses(host, accounts);
  scope.track(accounts.onDidChangeAccounts(() => lenses.refresh()));
  scope.track(vscode.languages.registerCodeLensProvider([...DOCUMENT_SELECTOR, ...BATCH_DOCUMENT_SELECTOR], lenses));
  scope.track(vscode.workspace.onDidGrantWorkspaceTrust(() => lenses.refresh()));
  scope.track(vscode.workspace.onDidChangeConfiguration((e) => { if (affectsSendSettings(e)) lenses.refresh(); }));
}
