// Starts the language server (dist/server.js over IPC) for `*.contact.json` documents.
import type * as vscode from 'vscode';
import { SERVER_NODE_FLAGS } from '../../../../server/src/launch';
import { builtInJsonSyntaxMiddleware, SETTINGS_THE_SERVER_FOLLOWS } from './builtInJsonSyntax';
import { DOCUMENT_SELECTOR } from '../contactDocuments';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';


export function createLanguageClient(context: vscode.ExtensionContext, outputChannel: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    outputChannel,
    synchronize: { configurationSection: SETTINGS_THE_SERVER_FOLLOWS },
    middleware: builtInJsonSyntaxMiddleware,
  };
  return new LanguageClient('contactPayloads', 'HubSpot Contact Payloads', serverOptions, clientOptions);
}
