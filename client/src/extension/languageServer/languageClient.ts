// Starts the language server (dist/server.js over IPC) for `*.contact.json` and `*.contacts.json` (batch) documents.
import type * as vscode from 'vscode';
import { SERVER_NODE_FLAGS } from '../../../../server/src/launch';
import { builtInJsonSyntaxMiddleware, SETTINGS_THE_SERVER_FOLLOWS } from './builtInJsonSyntax';
import { DOCUMENT_SELECTOR } from '../contactDocuments';
import { BATCH_FILE_PATTERN } from '../../send/contactText';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';


export function createLanguageClient(context: vscode.ExtensionContext, outputChannel: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // Batch files are the server's too; the editor's send commands and CodeLens stay with single files (DOCUMENT_SELECTOR).
    documentSelector: [...DOCUMENT_SELECTOR, { language: 'json', pattern: BATCH_FILE_PATTERN }],
    outputChannel,
    synchronize: { configurationSection: SETTINGS_THE_SERVER_FOLLOWS },
    middleware: builtInJsonSyntaxMiddleware,
  };
  return new LanguageClient('contactPayloads', 'HubSpot Contact Payloads', serverOptions, clientOptions);
}
