// Access tokens live in VS Code's SecretStorage only, one per HubSpot origin: a token entered for
// https://api.hubapi.com is never sent to another host, even if the base URL setting changes.
import { randomUUID } from 'node:crypto';
import type * as vscode from 'vscode';

const KEY_PREFIX = 'contactPayloads.accessToken:';
/** Not under KEY_PREFIX: writing an id is not a token change. */
const ID_PREFIX = 'contactPayloads.accessTokenId:';

export class AccessTokens {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  get(origin: string): Thenable<string | undefined> {
    return this.secrets.get(KEY_PREFIX + origin);
  }

  /**
   * A random name for the token stored for this origin, new with each token stored. A cache records
   * it to say which token it was fetched with, holding nothing derived from the token. A token stored
   * before ids existed gets one on first use.
   */
  async idOf(origin: string): Promise<string | undefined> {
    if ((await this.get(origin)) === undefined) return undefined;
    const id = await this.secrets.get(ID_PREFIX + origin);
    if (id) return id;
    const created = randomUUID();
    await this.secrets.store(ID_PREFIX + origin, created);
    return created;
  }

  async store(origin: string, token: string): Promise<void> {
    // The id first: whoever hears of the new token reads its id, not the previous token's.
    await this.secrets.store(ID_PREFIX + origin, randomUUID());
    await this.secrets.store(KEY_PREFIX + origin, token);
  }

  async delete(origin: string): Promise<void> {
    await this.secrets.delete(KEY_PREFIX + origin);
    await this.secrets.delete(ID_PREFIX + origin);
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
