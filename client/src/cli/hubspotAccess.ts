// What every command that talks to HubSpot shares: where requests go (--base-url, HUBSPOT_BASE_URL),
// the API version (--api-version), the token (HUBSPOT_ACCESS_TOKEN only: a flag would show in
// process lists and shell history) and the client made of them, logging retried attempts on stderr.
import { DEFAULT_BASE_URL, parseBaseUrl, type BaseUrlResult, type HubSpotBaseUrl } from '../hubspot/baseUrl';
import { HubSpotConfigError } from '../hubspot/configError';
import type { ContactsApi } from '../hubspot/contactsApi';
import { API_VERSIONS, DEFAULT_API_VERSION, type ApiVersion } from '../hubspot/contactsObjects';
import { createHubSpotClient, type HubSpotClient } from '../hubspot/hubspotClient';
import { knownApiVersion } from '../send/apiChoice';
import path from 'node:path';
import { historyEntry, MAX_HISTORY_BODY_BYTES } from '../history/historyEntry';
import { appendingHistory } from '../history/historyStore';
import type { RequestRecord } from '../hubspot/requestRecord';
import { displayPath, UsageError, type CommandContext, type RequestOptions } from './commandLine';
import { printablePath } from './printable';
import { ExitCode } from './exitCodes';

export const TOKEN_VARIABLE = 'HUBSPOT_ACCESS_TOKEN';
export const BASE_URL_VARIABLE = 'HUBSPOT_BASE_URL';

/** --api-version, checked: the versions of the CRM objects API this client knows. */
export function apiVersionOption(text: string | undefined): ApiVersion {
  if (text === undefined) return DEFAULT_API_VERSION;
  const version = knownApiVersion(text);
  if (version === undefined) throw new UsageError(`--api-version takes ${API_VERSIONS.join(', ')} (got "${text}").`);
  return version;
}

export function chosenBaseUrl(flag: string | undefined, env: NodeJS.ProcessEnv): BaseUrlResult {
  // An empty variable counts as unset: CI systems export unset configuration values as "".
  const fromEnv = env[BASE_URL_VARIABLE]?.trim() || undefined;
  return parseBaseUrl(flag ?? fromEnv ?? DEFAULT_BASE_URL);
}

/** The token from the environment, trimmed; empty when unset. */
export function tokenFrom(env: NodeJS.ProcessEnv): string {
  return env[TOKEN_VARIABLE]?.trim() ?? '';
}

export const MISSING_TOKEN = `${TOKEN_VARIABLE} is not set: export a HubSpot private app's access token in it (it is read from nowhere else).`;

/**
 * The client for this command, or undefined after saying why it cannot be made. With --history FILE
 * every request it makes is appended there with its answer (the token never); closing the client
 * closes the file.
 */
export function commandClient(
  { baseUrl, token, api, request }: { readonly baseUrl: HubSpotBaseUrl; readonly token: string; readonly api?: ContactsApi; readonly request: RequestOptions },
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
      ...(history === undefined ? {} : { record: (record: RequestRecord) => history.add(historyEntry(record, baseUrl.origin, MAX_HISTORY_BODY_BYTES)) }),
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
