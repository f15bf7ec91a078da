// The extension's own context: registers commands under the `contactPayloads.` prefix and ties
// everything it creates to the extension's lifetime.
import * as vscode from 'vscode';

export const COMMAND_PREFIX = 'contactPayloads';

export class ExtensionScope {
  constructor(
    readonly vscodeContext: vscode.ExtensionContext,
    readonly log: vscode.LogOutputChannel,
  ) {}

  /** Registers `contactPayloads.<name>`; the factory builds the handler from this scope. */
  registerCommand<Args extends unknown[]>(name: string, factory: (scope: ExtensionScope) => (...args: Args) => unknown): void {
    const handler = factory(this);
    this.vscodeContext.subscriptions.push(vscode.commands.registerCommand(`${COMMAND_PREFIX}.${name}`, (...args: unknown[]) => handler(...(args as Args))));
  }

  dispose<T extends vscode.Disposable>(disposable: T): T {
    this.vscodeContext.subscriptions.push(disposable);
    return disposable;
  }
}
