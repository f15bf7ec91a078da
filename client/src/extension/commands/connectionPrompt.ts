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
      ? ['No HubSpot account is set up yet: add the account to send to, with its access token.', 'Add Account…', 'contactPayloads.addAccount']
      : [`The account ${connection.account.name} (${connection.baseUrl.host}) has no access token.`, 'Set Token', 'contactPayloads.replaceToken'];
    const choice = await vscode.window.showWarningMessage(message, action);
    if (choice !== action || !(await vscode.commands.executeCommand<unknown>(command))) return undefined;
    connection = await connect();
  }
  if (!connection.ok) {
    void vscode.window.showErrorMessage(connection.problem === 'config' ? connection.message : 'No HubSpot account with an access token is set up.');
    return undefined;
  }
  return connection;
}

/** True in a trusted workspace; otherwise says that sending needs one. */
export function trustedForSending(): boolean {
  if (vscode.workspace.isTrusted) return true;
  void vscode.window.showErrorMessage('Sending to HubSpot needs a trusted workspace: trust this folder first. Validation works without it.');
  return false;
}
