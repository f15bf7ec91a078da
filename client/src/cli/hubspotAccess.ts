// What every command that talks to HubSpot shares: where requests go (--account NAME from the user's
// accounts file, or --base-url, HUBSPOT_BASE_URL), the API version (--api-version), the token
// (HUBSPOT_ACCESS_TOKEN[_NAME] only: a flag would show in process lists and shell history) and the
// client made of them, logging retried attempts on stderr.
import { DEFAULT_BASE_URL, parseBaseUrl, type BaseUrlResult, type HubSpotBaseUrl } from '../hubspot/baseUrl';
import { HubSpotConfigError } from '../hubspot/configError';
import type { ContactsApi } from '../hubspot/contactsApi';
import { API_VERSIONS, DEFAULT_API_VERSION, type ApiVersion } from '../hubspot/contactsObjects';
import { createHubSpotClient, type HubSpotClient } from '../hubspot/hubspotClient';
import { knownApiVersion } from '../send/apiChoice';
import path from 'node:path';
import { accountsFilePath, AccountsFileError, accountTokenVariable, findAccount, readAccountsFile, type NamedAccount } from '../accounts/accountsFile';
import { historyEntry, MAX_HISTORY_BODY_BYTES } from '../history/historyEntry';
import { appendingHistory } from '../history/historyStore';
import type { RequestRecord } from '../hubspot/requestRecord';
import { displayPath, UsageError, type CommandContext, type RequestOptions } from './commandLine';
import { printablePath } from './printable';
import { ExitCode } from './exitCodes';

export const TOKEN_VARIABLE = 'HUBSPOT_ACCESS_TOKEN';
export const BASE_URL_VARIABLE = 'HUBSPOT_BASE_URL';

/** --api-version, checked: the versions of the CRM objects API this client knows. */
function apiVersionOption(text: string | undefined): ApiVersion {
  if (text === undefined) return DEFAULT_API_VERSION;
  const version = knownApiVersion(text);
  if (version === undefined) throw new UsageError(`--api-version takes ${API_VERSIONS.join(', ')} (got "${text}").`);
  return version;
}

function chosenBaseUrl(flag: string | undefined, env: NodeJS.ProcessEnv): BaseUrlResult {
  // An empty variable counts as unset: CI systems export unset configuration values as "".
  const fromEnv = env[BASE_URL_VARIABLE]?.trim() || undefined;
  return parseBaseUrl(flag ?? fromEnv ?? DEFAULT_BASE_URL);
}

/** The token from the environment, trimmed; empty when unset. */
function tokenFrom(env: NodeJS.ProcessEnv): string {
  return env[TOKEN_VARIABLE]?.trim() ?? '';
}

const MISSING_TOKEN = `${TOKEN_VARIABLE} is not set: export a HubSpot private app's access token in it (it is read from nowhere else).`;

/** The options that say where a command sends: --account NAME, or --base-url URL; and --api-version. */
export const TARGET_OPTIONS = { 'base-url': { type: 'string' }, 'api-version': { type: 'string' }, account: { type: 'string' } } as const;

/** Where a command sends, with which token, and how its history entries name the account. */
export interface CommandTarget {
  readonly baseUrl: HubSpotBaseUrl;
  readonly apiVersion: ApiVersion;
  /** Empty when the variable is not set. */
  readonly token: string;
  /** What to say when the token is missing: which variables were read. */
  readonly missingToken: string;
  /** The account --account chose; undefined without it. */
  readonly account: NamedAccount | undefined;
  /** The account's name, or the base URL's origin. */
  readonly label: string;
}

/**
 * --account NAME takes the base URL and API version from the user's accounts file and the token from
 * HUBSPOT_ACCESS_TOKEN_<NAME> (else HUBSPOT_ACCESS_TOKEN); without it, --base-url or
 * HUBSPOT_BASE_URL, and HUBSPOT_ACCESS_TOKEN. --api-version wins over the account's.
 */
export function commandTarget(values: { readonly 'base-url'?: string | undefined; readonly 'api-version'?: string | undefined; readonly account?: string | undefined }, env: NodeJS.ProcessEnv): { readonly ok: true; readonly target: CommandTarget } | { readonly ok: false; readonly message: string } {
  const flagVersion = values['api-version'] === undefined ? undefined : apiVersionOption(values['api-version']);
  if (values.account === undefined) {
    const baseUrl = chosenBaseUrl(values['base-url'], env);
    if (!baseUrl.ok) return baseUrl;
    return { ok: true, target: { baseUrl: baseUrl.baseUrl, apiVersion: flagVersion ?? DEFAULT_API_VERSION, token: tokenFrom(env), missingToken: MISSING_TOKEN, account: undefined, label: baseUrl.baseUrl.origin } };
  }
  if (values['base-url'] !== undefined) throw new UsageError('--account and --base-url both say where to send: give one.');
  const file = accountsFilePath(env);
  let account: NamedAccount;
  try {
    account = findAccount(readAccountsFile(file), values.account, file);
  } catch (error) {
    if (error instanceof AccountsFileError) return { ok: false, message: error.message };
    throw error;
  }
  const baseUrl = parseBaseUrl(account.baseUrl);
  if (!baseUrl.ok) return { ok: false, message: `account "${account.name}" in ${file}: ${baseUrl.message}` };
  const variable = accountTokenVariable(account.name);
  // An empty variable counts as unset, as CI systems export unset values as "".
  const own = env[variable]?.trim() ?? '';
  return {
    ok: true,
    target: {
      baseUrl: baseUrl.baseUrl,
      apiVersion: flagVersion ?? account.apiVersion ?? DEFAULT_API_VERSION,
      token: own !== '' ? own : tokenFrom(env),
      missingToken: `neither ${variable} nor ${TOKEN_VARIABLE} is set: export the access token of account "${account.name}" in ${variable} (tokens are read from nowhere else).`,
      account,
      label: account.name,
    },
  };
}

/**
 * The client for this command, or undefined after saying why it cannot be made. With --history FILE
 * every request it makes is appended there with its answer (the token never); closing the client
 * closes the file.
 */
export function commandClient(
  { baseUrl, token, api, request, account }: { readonly baseUrl: HubSpotBaseUrl; readonly token: string; readonly api?: ContactsApi; readonly request: RequestOptions; readonly account?: string },
  context: CommandContext,
): HubSpotClient | undefined {
  let history: ReturnType<typeof appendingHistory> | undefined;
  if (request.history !== undefined) {
    const file = path.resolve(context.cwd, request.history);
    try {
      history = appendingHistory(file);
    } catch (error) {
      configProblem(context, `the history ${printablePath(displayPath(file, context.cwd))} could not be opened: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }
  try {
    const client = createHubSpotClient({
      baseUrl: baseUrl.origin,
      token,
      ...(api === undefined ? {} : { api }),
      timeouts: request.timeouts,
      retry: request.maxRetries === undefined ? undefined : { maxRetries: request.maxRetries },
      env: context.env,
      userAgent: `contact-payloads-for-hubspot (command line "contact-payloads") ${context.version}`,
      // Attempts that are retried are worth a line on stderr: a CI log then shows why a step took long.
      log: (entry) => {
        if (entry.retryInMs !== undefined) context.terminal.err(entry.message);
      },
      ...(history === undefined ? {} : { record: (record: RequestRecord) => history.add(historyEntry(record, account ?? baseUrl.origin, MAX_HISTORY_BODY_BYTES)) }),
    });
    if (history === undefined) return client;
    const opened = history;
    return {
      ...client,
      close: async () => {
        await client.close();
        opened.close();
      },
    };
  } catch (error) {
    history?.close();
    if (!(error instanceof HubSpotConfigError)) throw error;
    configProblem(context, error.message);
    return undefined;
  }
}

export function configProblem({ terminal }: CommandContext, message: string): ExitCode {
  terminal.err(`contact-payloads: ${message}`);
  return ExitCode.UsageOrFiles;
}
