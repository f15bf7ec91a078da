// A HubSpot client for a send, or nothing after saying why: with no token for the configured host,
// the person is offered Set Access Token first (a single send and a seed set alike). Nothing is sent
// from an untrusted workspace.
import * as vscode from 'vscode';
import type { Connection } from '../hubspot/hubspotConnection';

export type ReadyConnection = Extract<Connection, { ok: true }>;

/** `connect`: the connection to try, asked again once a token was stored. */
export async function connectionWithToken(connect: () => Promise<Connection>): Promise<ReadyConnection | undefined> {
  let connection = await connect();
  if (!connection.ok && connection.problem === 'noToken') {
    const choice = await vscode.window.showWarningMessage(`No HubSpot access token is set for ${connection.baseUrl.host}.`, 'Set Access Token');
    if (choice !== 'Set Access Token' || !(await vscode.commands.executeCommand<boolean>('contactPayloads.setAccessToken'))) return undefined;
    connection = await connect();
  }
  if (!connection.ok) {
    void vscode.window.showErrorMessage(connection.problem === 'config' ? connection.message : 'No HubSpot access token is set.');
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
