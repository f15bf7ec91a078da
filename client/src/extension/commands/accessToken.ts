// Set and clear the access token of the configured HubSpot host (kept in SecretStorage only); a new
// token's scopes are asked of HubSpot and a missing one is said at once.
import * as vscode from 'vscode';
import { missingContactScopes, readTokenInfo } from '../../hubspot/tokenInfo';
import type { ExtensionScope } from '../extensionContext';
import { checkTokenInput } from '../hubspot/accessTokens';
import type { CommandContext } from './commandContext';
import type { SendServices } from './sendServices';

/**
 * Asks for the token in a password box. A token given as an argument (another extension, a script,
 * a `command:` link in a hover or a preview) only fills that box, and the box says where it came
 * from: the user presses Enter to store it. A token the user did not choose would send their seed
 * data into someone else's portal. Returns true when a token was stored.
 */
export const setAccessToken = ({ services, scope }: CommandContext) => async (token?: unknown): Promise<boolean> => {
  const baseUrl = services.connection.baseUrl();
  if (!baseUrl.ok) {
    void vscode.window.showErrorMessage(baseUrl.message);
    return false;
  }
  const { origin, host } = baseUrl.baseUrl;
  const handed = typeof token === 'string' ? token : undefined;
  const given = await vscode.window.showInputBox({
    title: handed === undefined ? `HubSpot access token for ${host}` : `Store the HubSpot access token handed to this command, for ${host}?`,
    prompt: handed === undefined
      ? `The access token of your HubSpot private app. It is kept in VS Code's secret storage and sent only to ${origin}.`
      : `Another extension or a link filled in this token; you did not paste it. Contacts sent to ${origin} would go to the account it belongs to. Enter stores it, Escape does not.`,
    placeHolder: 'pat-na1-…',
    value: handed,
    password: true,
    ignoreFocusOut: true,
    validateInput: checkTokenInput,
  });
  if (given === undefined) {
    if (handed !== undefined) scope.log.info(`A token handed to Set Access Token for ${origin} was not stored: the user did not confirm it`);
    return false;
  }
  const problem = checkTokenInput(given);
  if (problem) {
    void vscode.window.showErrorMessage(problem);
    return false;
  }
  await services.tokens.store(origin, given.trim());
  scope.log.info(`Access token stored for ${origin}`);
  // Sending (and so asking HubSpot about the token) needs a trusted workspace.
  if (vscode.workspace.isTrusted) await reportScopes(services, scope, given.trim(), host);
  return true;
};

/** Asks HubSpot what the new token may do, so that one that cannot write contacts is said at once, not at the first 403. */
async function reportScopes(services: SendServices, scope: ExtensionScope, token: string, host: string): Promise<void> {
  const connection = await services.connection.clientForCurrentSettings();
  if (!connection.ok) return;
  const info = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Asking HubSpot what the token may do', cancellable: true }, (_progress, cancellation) => {
    const abort = new AbortController();
    cancellation.onCancellationRequested(() => abort.abort());
    return readTokenInfo(connection.client, token, abort.signal);
  });
  if (info.kind === 'undescribed') {
    scope.log.info(`The token's scopes are not known: ${info.message}`);
    void vscode.window.showInformationMessage(`Access token stored for ${host}. HubSpot did not say which scopes it has (${info.message}): it may still work.`);
    return;
  }
  const portal = info.portalId === undefined ? host : `portal ${info.portalId} at ${host}`;
  const missing = missingContactScopes(info.scopes);
  scope.log.info(`The token for ${portal} has the scopes ${info.scopes.join(', ') || '(none)'}`);
  if (missing.length === 0) {
    void vscode.window.showInformationMessage(`Access token stored for ${portal}: it can create, update and read contacts and their properties.`);
    return;
  }
  const lacks = missing.map(({ scope: name, needed }) => `${name} (${needed})`).join('; ');
  void vscode.window.showWarningMessage(`Access token stored for ${portal}, but its private app lacks ${lacks}. Add the scope in HubSpot (Settings → Integrations → Private apps), then set the token again.`);
}

export const clearAccessToken = ({ services, scope }: CommandContext) => async (): Promise<void> => {
  const baseUrl = services.connection.baseUrl();
  if (!baseUrl.ok) {
    void vscode.window.showErrorMessage(baseUrl.message);
    return;
  }
  await services.tokens.delete(baseUrl.baseUrl.origin);
  scope.log.info(`Access token removed for ${baseUrl.baseUrl.origin}`);
  void vscode.window.showInformationMessage(`The access token for ${baseUrl.baseUrl.host} was removed.`);
};
