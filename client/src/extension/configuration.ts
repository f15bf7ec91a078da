// The extension's settings, read in one place. The API version decides which API a CRM objects file
// is written through, so it is a restricted setting: VS Code ignores a value from the settings of an
// untrusted workspace. Where requests go and with which token is the active account's (accounts/). Numbers are clamped to the
// ranges package.json declares; an API version it does not declare is the default.
import * as vscode from 'vscode';
import { DEFAULT_API_VERSION, type ApiVersion } from '../hubspot/contactsObjects';
import { knownApiVersion } from '../send/apiChoice';
import type { RetryOptions } from '../hubspot/retryPolicy';
import { timeoutsForSeconds, type HttpTimeouts } from '../hubspot/timeouts';
import { SETTINGS_SECTION as SECTION } from '../../../server/src/protocol';
import { clampSetting, type RangedSetting } from './settingRanges';


export interface SendSettings {
  /** The CRM objects API version a CRM objects file is sent to (a v1 file always goes to v1), unless the account has its own. */
  readonly apiVersion: ApiVersion;
  readonly confirmBeforeSend: boolean;
  readonly timeouts: HttpTimeouts;
  readonly retry: RetryOptions;
  /** VS Code's `http.proxy`, when set. */
  readonly proxy: string | undefined;
  /** VS Code's `http.noProxy` hosts. */
  readonly noProxy: readonly string[];
}

export function readSendSettings(): SendSettings {
  const config = vscode.workspace.getConfiguration(SECTION);
  const http = vscode.workspace.getConfiguration('http');
  const noProxy = http.get<unknown>('noProxy', []);
  return {
    // VS Code only marks a value it does not declare in the settings file, and hands it over.
    apiVersion: knownApiVersion(config.get<unknown>('apiVersion')) ?? DEFAULT_API_VERSION,
    confirmBeforeSend: config.get<boolean>('confirmBeforeSend', true),
    // The setting promises a total: connecting, waiting and reading the answer all count.
    timeouts: timeoutsForSeconds(readNumberSetting('request.timeoutSeconds')),
    retry: {
      maxRetries: readNumberSetting('request.maxRetries'),
      baseDelayMs: readNumberSetting('request.retryBaseDelayMs'),
      maxDelayMs: readNumberSetting('request.retryMaxDelayMs'),
    },
    proxy: http.get<string>('proxy') || undefined,
    noProxy: Array.isArray(noProxy) ? noProxy.filter((host): host is string => typeof host === 'string') : [],
  };
}

/** A numeric `contactPayloads.*` setting, within its declared range. */
export function readNumberSetting(name: RangedSetting): number {
  return clampSetting(name, vscode.workspace.getConfiguration(SECTION).get<unknown>(name));
}

/** True when a change touches the settings a send depends on. */
export function affectsSendSettings(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(SECTION) || event.affectsConfiguration('http.proxy') || event.affectsConfiguration('http.noProxy');
}
