// The manifest's `main`: activation in desktop VS Code's Node extension host. A few kilobytes, loaded
// with any JSON file; the extension proper is dist/clientMain.js, bundled separately and loaded when it
// is first needed.
import type * as vscode from 'vscode';
import { activateOnDemand } from './activation';

let stop: (() => Promise<void>) | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const activatedAt = performance.now();
  stop = activateOnDemand(context, async () => (await import('./clientMain')).startInNodeHost(context, activatedAt));
}

export async function deactivate(): Promise<void> {
  await stop?.();
}
