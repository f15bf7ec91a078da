// dist/clientMain.js: one bundle for both extension hosts, because the .vsix has room for one copy of
// the language client, not two. Desktop VS Code loads it from dist/client.js (extension.ts) once it is
// needed and calls startInNodeHost; VS Code for the Web loads it as the manifest's `browser` entry and
// calls activate. What needs Node in it is reached only through the Node runtime's dynamic imports, so
// the web worker never evaluates it.
import type * as vscode from 'vscode';
import { activateOnDemand } from './activation';
import { start, type ExtensionMain } from './main';
import { nodeRuntime } from './node/nodeRuntime';
import { hideSendingCommands } from './web/noSendingOnTheWeb';
import { webRuntime } from './web/webRuntime';

export function startInNodeHost(context: vscode.ExtensionContext, activatedAt: number): Promise<ExtensionMain> {
  return start(context, activatedAt, nodeRuntime);
}

let stop: (() => Promise<void>) | undefined;

/** The web worker extension host's activation. */
export function activate(context: vscode.ExtensionContext): void {
  const activatedAt = performance.now();
  void hideSendingCommands();
  stop = activateOnDemand(context, () => start(context, activatedAt, webRuntime));
}

export async function deactivate(): Promise<void> {
  await stop?.();
}
