// What the language client is told, on either extension host: which documents are the server's, where
// it logs, which settings it follows. The host's runtime builds the client around it (node/nodeRuntime.ts:
// the server as a Node process over IPC; web/webRuntime.ts: the server in a web worker).
import type * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import { builtInJsonSyntaxMiddleware, SETTINGS_THE_SERVER_FOLLOWS } from './builtInJsonSyntax';
import { DOCUMENT_SELECTOR } from '../contactDocuments';
import { BATCH_FILE_PATTERN } from '../../send/contactText';

/** The language client of either host; restarting is each host's own (the Node client waits for a debugger's port). */
export type LanguageClient = BaseLanguageClient & { restart(): Promise<void> };

export const LANGUAGE_CLIENT_ID = 'contactPayloads';
export const LANGUAGE_CLIENT_NAME = 'HubSpot Contact Payloads';
/** The server's bundle in the extension, the same file for both hosts (server/src/main.ts picks the transport). */
export const SERVER_BUNDLE = 'dist/server.js';

export function languageClientOptions(outputChannel: vscode.LogOutputChannel): LanguageClientOptions {
  return {
    // Batch files are the server's too; the editor's send commands and CodeLens stay with single files (DOCUMENT_SELECTOR).
    documentSelector: [...DOCUMENT_SELECTOR, { language: 'json', pattern: BATCH_FILE_PATTERN }],
    outputChannel,
    synchronize: { configurationSection: SETTINGS_THE_SERVER_FOLLOWS },
    middleware: builtInJsonSyntaxMiddleware,
  };
}
