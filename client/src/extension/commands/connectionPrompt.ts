// A HubSpot client for a send, or nothing after saying why: with no account yet the person is offered
// Add Account…, with an account without a token Replace Token (a single send and a seed set alike).
// Nothing is sent from an untrusted workspace.
import * as vscode from 'vscode';
import type { Connection } from '../hubspot/hubspotConnection';

export type ReadyConnection = Extract<Connection, { ok: true }>;

/** `connect`: the connection to try, asked again once an account or a token was added. */
export async function connectionWithToken(connect: () => Promise<Connection>): Promise<ReadyConnection | undefined> {
  let connection = await connect();
  if (!connection.ok && connection.problem !== 'config') {
    const [message, action, command] = connection.problem === 'noAccount'
      ? [vscode.l10n.t('No HubSpot account is set up yet: add the account to send to, with its access token.'), vscode.l10n.t('Add Account…'), 'contactPayloads.addAccount']
      : [vscode.l10n.t('The account {0} ({1}) has no access token.', connection.account.name, connection.baseUrl.host), vscode.l10n.t('Set Token'), 'contactPayloads.replaceToken'];
    const choice = await vscode.window.showWarningMessage(message, action);
    if (choice !== action || !(await vscode.commands.executeCommand<unknown>(command))) return undefined;
    connection = await connect();
  }
  if (!connection.ok) {
    void vscode.window.showErrorMessage(connection.problem === 'config' ? connection.message : vscode.l10n.t('No HubSpot account with an access token is set up.'));
    return undefined;
  }
  return connection;
}

/** True in a trusted workspace; otherwise says that sending needs one. */
export function trustedForSending(): boolean {
  if (vscode.workspace.isTrusted) return true;
  void vscode.window.showErrorMessage(vscode.l10n.t('Sending to HubSpot needs a trusted workspace: trust this folder first. Validation works without it.'));
  return false;
}
