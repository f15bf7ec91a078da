// The accounts file the command line reads (`--account NAME`): a name for each HubSpot account the
// user sends to, with its base URL and API version, so that scripts say `--account Staging` as the
// editor does. It never holds a token: the token of account "Staging" comes from
// HUBSPOT_ACCESS_TOKEN_STAGING, else HUBSPOT_ACCESS_TOKEN. Kept by the user at
// $XDG_CONFIG_HOME/contact-payloads/accounts.json (~/.config/… by default; %APPDATA%\… on Windows),
// or wherever CONTACT_PAYLOADS_ACCOUNTS points.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { knownApiVersion } from '../send/apiChoice';
import { accountNameProblem, sameName, type AccountSettings } from './account';
import { API_VERSIONS } from '../hubspot/contactsObjects';

export const ACCOUNTS_FILE_VARIABLE = 'CONTACT_PAYLOADS_ACCOUNTS';

/** An account of the file; its baseUrl as the user wrote it (checked when it is used). */
export type NamedAccount = AccountSettings;

/** Thrown with a message that names the file and what is wrong in it. */
export class AccountsFileError extends Error {
  override readonly name = 'AccountsFileError';
}

export function accountsFilePath(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string {
  const chosen = env[ACCOUNTS_FILE_VARIABLE]?.trim();
  if (chosen) return path.resolve(chosen);
  const config = platform === 'win32' ? (env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming')) : (env.XDG_CONFIG_HOME?.trim() || path.join(os.homedir(), '.config'));
  return path.join(config, 'contact-payloads', 'accounts.json');
}

/** The account's own token variable: HUBSPOT_ACCESS_TOKEN_ and the name upper-cased, anything but letters and digits as _. */
export function accountTokenVariable(name: string): string {
  return `HUBSPOT_ACCESS_TOKEN_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

export function readAccountsFile(file: string): readonly NamedAccount[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new AccountsFileError(code === 'ENOENT' ? `there is no accounts file at ${file}: write one (see contact-payloads --help) or set ${ACCOUNTS_FILE_VARIABLE}` : `the accounts file ${file} could not be read: ${(error as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new AccountsFileError(`the accounts file ${file} is not JSON: ${(error as Error).message}`);
  }
  const list = (value as { accounts?: unknown } | null)?.accounts;
  if (!Array.isArray(list)) throw new AccountsFileError(`the accounts file ${file} needs {"accounts": [{"name": …, "baseUrl": …}, …]}`);
  const seen = new Set<string>();
  return list.map((item: unknown, index) => {
    const where = `${file}: accounts[${index}]`;
    const entry = item as Record<string, unknown> | null;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw new AccountsFileError(`${where} is not an object`);
    if (Object.hasOwn(entry, 'token')) throw new AccountsFileError(`${where} has a "token": tokens are never read from a file; put it in ${typeof entry.name === 'string' ? accountTokenVariable(entry.name) : 'HUBSPOT_ACCESS_TOKEN_<NAME>'}, and take it out of the file`);
    const { name, baseUrl, apiVersion, production } = entry;
    const nameProblem = typeof name === 'string' ? accountNameProblem(name) : 'An account name is a text.';
    if (typeof name !== 'string' || nameProblem) throw new AccountsFileError(`${where}: "name": ${nameProblem}`);
    if (seen.has(name.toLowerCase())) throw new AccountsFileError(`${where}: the name "${name}" is used twice (names are compared without case)`);
    seen.add(name.toLowerCase());
    if (typeof baseUrl !== 'string') throw new AccountsFileError(`${where} ("${name}"): "baseUrl" is a URL such as https://api.hubapi.com`);
    const version = apiVersion === undefined ? undefined : knownApiVersion(apiVersion);
    if (apiVersion !== undefined && version === undefined) throw new AccountsFileError(`${where} ("${name}"): "apiVersion" is one of ${API_VERSIONS.join(', ')}`);
    if (production !== undefined && typeof production !== 'boolean') throw new AccountsFileError(`${where} ("${name}"): "production" is true or false`);
    return { name, baseUrl, apiVersion: version, production: production === true };
  });
}

/** The account of that name (compared without case), or a message listing the names there are. */
export function findAccount(accounts: readonly NamedAccount[], name: string, file: string): NamedAccount {
  const found = accounts.find((account) => sameName(account.name, name));
  if (found) return found;
  const names = accounts.map((account) => account.name).join(', ');
  throw new AccountsFileError(`no account "${name}" in ${file}${names ? ` (it has: ${names})` : ' (it lists none)'}`);
}
