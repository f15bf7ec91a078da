// Set and clear the access token of the configured HubSpot host (kept in SecretStorage only).
import * as vscode from 'vscode';
import { checkTokenInput } from '../hubspot/accessTokens';
import type { CommandContext } from './commandContext';

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
  return true;
};

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
