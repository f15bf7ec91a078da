// What differs between the extension hosts the extension runs in — desktop VS Code's Node host
// (node/nodeRuntime.ts) and the web worker host of VS Code for the Web (web/webRuntime.ts). main.ts
// starts the same extension on either from what its runtime supplies.
import type * as vscode from 'vscode';
import type { LanguageClientOptions } from 'vscode-languageclient';
import type { ExtensionScope } from './extensionContext';
import type { LanguageClient } from './languageServer/languageClient';
import type { LanguageServerHost } from './languageServer/languageServerHost';

/** The extension on every host: its scope and the language server, with which files are edited and checked. */
export interface EditingSide {
  readonly scope: ExtensionScope;
  readonly host: LanguageServerHost;
}

export interface ExtensionRuntime {
  /** A client for the language server as this host runs it. */
  createLanguageClient(context: vscode.ExtensionContext, options: LanguageClientOptions): Promise<LanguageClient>;
  /**
   * Starts what the host can do with HubSpot: on the desktop, sending — accounts, the connection, the
   * portal's catalog, history, seed sets, their commands and views; on the web, where HubSpot cannot be
   * reached, commands that say so.
   */
  readonly startHubSpotSide: (editing: EditingSide) => void | Promise<void>;
}
