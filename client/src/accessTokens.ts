// Access tokens live in VS Code's SecretStorage only, one per HubSpot origin: a token entered for
// https://api.hubapi.com is never sent to another host, even if the base URL setting changes.
import type * as vscode from 'vscode';

const KEY_PREFIX = 'contactPayloads.accessToken:';

export class AccessTokens {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  get(origin: string): Thenable<string | undefined> {
    return this.secrets.get(KEY_PREFIX + origin);
  }

  store(origin: string, token: string): Thenable<void> {
    return this.secrets.store(KEY_PREFIX + origin, token);
  }

  delete(origin: string): Thenable<void> {
    return this.secrets.delete(KEY_PREFIX + origin);
  }

  onDidChange(listener: () => void): vscode.Disposable {
    return this.secrets.onDidChange((e) => {
      if (e.key.startsWith(KEY_PREFIX)) listener();
    });
  }
}

/** A private-app token has no spaces and is not tiny; the input box says so before anything is stored. */
export function checkTokenInput(input: string): string | undefined {
  const token = input.trim();
  if (token === '') return 'Paste the access token of your HubSpot private app (pat-na1-…).';
  if (/\s/.test(token)) return 'An access token has no spaces or line breaks.';
  if (token.length < 8) return 'This is too short to be an access token.';
  return undefined;
}
