// The extension's own context: holds the command handlers under the `contactPayloads.` prefix (the
// activation module registers the commands with VS Code and forwards to them) and ties everything
// created to the extension's lifetime.
import type * as vscode from 'vscode';

export const COMMAND_PREFIX = 'contactPayloads';

export class ExtensionScope {
  constructor(
    readonly vscodeContext: vscode.ExtensionContext,
    readonly log: vscode.LogOutputChannel,
  ) {}

  private readonly commands = new Map<string, (...args: unknown[]) => unknown>();

  /** Sets the handler of `contactPayloads.<name>`. */
  registerCommand(name: string, handler: (...args: never[]) => unknown): void {
    this.commands.set(`${COMMAND_PREFIX}.${name}`, (...args: unknown[]) => handler(...(args as never[])));
  }

  /** True when `contactPayloads.<name>` has a handler. */
  handles(name: string): boolean {
    return this.commands.has(`${COMMAND_PREFIX}.${name}`);
  }

  /** Runs a command by its full id, as VS Code called it. */
  runCommand(command: string, args: unknown[]): unknown {
    const handler = this.commands.get(command);
    if (!handler) throw new Error(`${command} has no handler`);
    return handler(...args);
  }

  /** Ties the disposable to the extension's lifetime: VS Code disposes it on deactivation. */
  track<T extends vscode.Disposable>(disposable: T): T {
    this.vscodeContext.subscriptions.push(disposable);
    return disposable;
  }
}
