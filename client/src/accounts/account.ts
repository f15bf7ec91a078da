// What an account is, for the editor and the command line alike: a name the user chooses, the base
// URL its requests go to, the API version of its CRM objects sends, and whether it is production.
// Its token is never part of it: the editor keeps it in secret storage under the account's id, the
// command line reads it from the environment.
import type { ApiVersion } from '../hubspot/contactsObjects';

export interface AccountSettings {
  readonly name: string;
  /** An origin, as parseBaseUrl gives it: `https://api.hubapi.com`. */
  readonly baseUrl: string;
  /** Undefined: the contactPayloads.apiVersion setting (the CLI: its default or --api-version). */
  readonly apiVersion: ApiVersion | undefined;
  /** Marked by the user: HubSpot's live data. Every send asks, naming the portal. */
  readonly production: boolean;
}

/** What HubSpot said of the account's token when it was stored. */
export interface PortalFacts {
  readonly portalId: number | undefined;
  /** HubSpot's app domain of the portal (app.hubspot.com, app-eu1.hubspot.com). */
  readonly domain: string | undefined;
  /** Undefined: HubSpot did not describe the token. */
  readonly scopes: readonly string[] | undefined;
  readonly checkedAt: number;
}

export interface Account extends AccountSettings {
  /** Random and fixed: names the token in secret storage, so that renaming never loses it. */
  readonly id: string;
  readonly portal: PortalFacts | undefined;
}

/** Letters, digits, spaces, ".", "_", "-" and ":" (so a host:port is a name), 64 at most. */
export function accountNameProblem(name: string): string | undefined {
  return /^[\p{L}\p{N}][\p{L}\p{N} ._:-]{0,63}$/u.test(name) ? undefined : 'An account name is letters, digits, spaces, ".", "_", ":" or "-", 64 at most, starting with a letter or digit.';
}

export function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** "Staging · 62515", as the status bar shows it. */
export function accountTitle(account: Pick<Account, 'name' | 'portal'>): string {
  return account.portal?.portalId === undefined ? account.name : `${account.name} · ${account.portal.portalId}`;
}

/** "Staging — portal 62515 at api.hubapi.com (production)", for the detail of a confirmation. */
export function accountDescription(account: Pick<Account, 'name' | 'portal' | 'production'>, host: string): string {
  const portal = account.portal?.portalId === undefined ? `the portal its token belongs to, at ${host}` : `portal ${account.portal.portalId} at ${host}`;
  return `${account.name} — ${portal}${account.production ? ' (production)' : ''}`;
}
