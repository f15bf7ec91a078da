// Starts the language server (dist/server.js over IPC) for `*.contact.json` documents.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

export const CONTACT_FILE_PATTERN = '**/*.contact.json';
/** File and untitled documents alike: the pattern is matched against the path whatever the scheme. */
export const DOCUMENT_SELECTOR = [{ language: 'json', pattern: CONTACT_FILE_PATTERN }];

export function createLanguageClient(context: vscode.ExtensionContext, outputChannel: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    outputChannel,
    synchronize: { configurationSection: 'contactPayloads' },
  };
  return new LanguageClient('contactPayloads', 'HubSpot Contact Payloads', serverOptions, clientOptions);
}

/** True for documents the language server handles. */
export function isContactDocument(document: vscode.TextDocument): boolean {
  return vscode.languages.match(DOCUMENT_SELECTOR, document) > 0;
}
