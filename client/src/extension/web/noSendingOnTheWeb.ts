// In the web worker host the commands that reach HubSpot are hidden: the manifest's `when` clauses say
// `!contactPayloads.webWorkerHost`, set here. Not `isWeb`: that is true in every browser window,
// code-server's and Codespaces' included, whose Node extension host sends as the desktop's does. One
// run anyway — a keybinding, a link, another extension — shows why instead of failing somewhere in the
// network. A status bar item says the same while a contact file is open.
import * as vscode from 'vscode';
import { contributedCommands } from '../activation';
import { COMMAND_PREFIX } from '../extensionContext';
import type { EditingSide } from '../extensionRuntime';
import { SeedFileStatusItem } from '../views/seedFileStatusItem';

export function noSendingOnTheWebMessage(): string {
  return vscode.l10n.t(
    "Contacts are sent to HubSpot from VS Code on the desktop or with the contact-payloads command line, not from VS Code for the Web: HubSpot's API does not answer a browser's requests that carry an access token. Checking, completion and quick fixes work here.",
  );
}

/** The context key the manifest hides the sending commands and views with. */
export const WEB_WORKER_HOST_CONTEXT = 'contactPayloads.webWorkerHost';

/** On activation: the palette and menus drop the sending commands before the extension proper starts. */
export function hideSendingCommands(): Thenable<unknown> {
  return vscode.commands.executeCommand('setContext', WEB_WORKER_HOST_CONTEXT, true);
}

export function explainNoSendingOnTheWeb({ scope }: EditingSide): void {
  for (const command of contributedCommands(scope.vscodeContext)) {
    const name = command.slice(COMMAND_PREFIX.length + 1);
    if (!scope.handles(name)) scope.registerCommand(name, () => void vscode.window.showInformationMessage(noSendingOnTheWebMessage()));
  }
  scope.track(new NoSendingStatus());
}

class NoSendingStatus extends SeedFileStatusItem {
  constructor() {
    super('contactPayloads.noSending', vscode.l10n.t('HubSpot Contacts: sending'), 100, []);
    this.update();
  }

  protected render(): void {
    this.item.text = `$(circle-slash) ${vscode.l10n.t('HubSpot: not sent from the web')}`;
    this.item.tooltip = noSendingOnTheWebMessage();
  }
}
