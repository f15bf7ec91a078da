// Set and clear the access token of the configured HubSpot host (kept in SecretStorage only).
import * as vscode from 'vscode';
import { checkTokenInput } from '../accessTokens';
import type { ExtensionScope } from '../extensionContext';
import type { SendServices } from './sendServices';

/** With an argument (scripts, tests) the token is stored without asking. Returns true when a token was stored. */
export const setAccessToken = (services: SendServices) => (scope: ExtensionScope) => async (token?: unknown): Promise<boolean> => {
  const baseUrl = services.connection.baseUrl();
  if (!baseUrl.ok) {
    void vscode.window.showErrorMessage(baseUrl.message);
    return false;
  }
  const { origin, host } = baseUrl.baseUrl;
  const given = typeof token === 'string' ? token : await vscode.window.showInputBox({
    title: `HubSpot access token for ${host}`,
    prompt: `The access token of your HubSpot private app. It is kept in VS Code's secret storage and sent only to ${origin}.`,
    placeHolder: 'pat-na1-…',
    password: true,
    ignoreFocusOut: true,
    validateInput: checkTokenInput,
  });
  if (given === undefined) return false;
  const problem = checkTokenInput(given);
  if (problem) {
    void vscode.window.showErrorMessage(problem);
    return false;
  }
  await services.tokens.store(origin, given.trim());
  scope.log.info(`Access token stored for ${origin}`);
  return true;
};

export const clearAccessToken = (services: SendServices) => (scope: ExtensionScope) => async (): Promise<void> => {
  const baseUrl = services.connection.baseUrl();
  if (!baseUrl.ok) {
    void vscode.window.showErrorMessage(baseUrl.message);
    return;
  }
  await services.tokens.delete(baseUrl.baseUrl.origin);
  scope.log.info(`Access token removed for ${baseUrl.baseUrl.origin}`);
  void vscode.window.showInformationMessage(`The access token for ${baseUrl.baseUrl.host} was removed.`);
};
