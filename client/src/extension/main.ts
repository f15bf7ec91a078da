// The extension proper, loaded by extension.ts once a contact file is open or a command runs: builds
// the scope, the commands and views, and starts the language server when needed.
import * as vscode from 'vscode';
import { AccessTokens } from './hubspot/accessTokens';
import { clearAccessToken, setAccessToken } from './commands/accessToken';
import { refreshProperties } from './commands/refreshProperties';
import { restartServer } from './commands/restartServer';
import { createContact, saveVid, updateContact } from './commands/sendContact';
import type { SendServices } from './commands/sendServices';
import { showOutput } from './commands/showOutput';
import { ExtensionScope } from './extensionContext';
import { HubSpotConnection } from './hubspot/hubspotConnection';
import { DOCUMENT_SELECTOR } from './contactDocuments';
import { LanguageServerHost } from './languageServer/languageServerHost';
import { PortalCatalog } from './hubspot/portalCatalog';
import { affectsSendSettings } from './configuration';
import { CatalogStatus } from './views/catalogStatus';
import { SendCodeLenses } from './views/codeLens';
import { ResponseView } from './views/responseView';

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
  const tokens = new AccessTokens(context.secrets);
  const version = (context.extension.packageJSON as { version?: string }).version ?? '';
  const connection = scope.dispose(new HubSpotConnection(tokens, log, version));
  const catalog = scope.dispose(new PortalCatalog(context.globalStorageUri, connection, host, log));
  const services: SendServices = {
    tokens,
    connection,
    server: host,
    responses: scope.dispose(new ResponseView()),
    portalOf: (origin, tokenId) => catalog.portalOf(origin, tokenId),
    confirmedOrigins: new Set(),
  };

  scope.registerCommand('restartServer', restartServer(host));
  scope.registerCommand('showOutput', showOutput);
  scope.registerCommand('createContact', createContact(services));
  scope.registerCommand('updateContact', updateContact(services));
  scope.registerCommand('saveVid', saveVid());
  scope.registerCommand('setAccessToken', setAccessToken(services));
  scope.registerCommand('clearAccessToken', clearAccessToken(services));

  scope.registerCommand('refreshProperties', refreshProperties(catalog));
  scope.dispose(new CatalogStatus(catalog));

  const lenses = new SendCodeLenses(host);
  scope.dispose(vscode.languages.registerCodeLensProvider(DOCUMENT_SELECTOR, lenses));
  scope.dispose(vscode.workspace.onDidGrantWorkspaceTrust(() => lenses.refresh()));
  scope.dispose(vscode.workspace.onDidChangeConfiguration((e) => { if (affectsSendSettings(e)) lenses.refresh(); }));

  host.startWhenNeeded();
  return { runCommand: (command, args) => scope.runCommand(command, args), stop: () => host.dispose() };
}
