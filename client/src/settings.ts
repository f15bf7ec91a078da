// The extension's settings, read in one place. The base URL decides where the access token goes, so
// it is a restricted setting: VS Code ignores a value from the settings of an untrusted workspace.
import * as vscode from 'vscode';
import { DEFAULT_BASE_URL } from './hubspot/baseUrl';
import type { RetryOptions } from './hubspot/retryPolicy';
import { timeoutsForSeconds, type HttpTimeouts } from './hubspot/timeouts';

export const SECTION = 'contactPayloads';

export interface SendSettings {
  readonly baseUrl: string;
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
  const seconds = config.get<number>('request.timeoutSeconds', 30);
  return {
    baseUrl: config.get<string>('baseUrl', DEFAULT_BASE_URL),
    confirmBeforeSend: config.get<boolean>('confirmBeforeSend', true),
    timeouts: timeoutsForSeconds(seconds),
    retry: {
      maxRetries: config.get<number>('request.maxRetries', 3),
      baseDelayMs: config.get<number>('request.retryBaseDelayMs', 500),
      maxDelayMs: config.get<number>('request.retryMaxDelayMs', 30_000),
    },
    proxy: http.get<string>('proxy') || undefined,
    noProxy: http.get<string[]>('noProxy', []),
  };
}

/** True when a change touches the settings a send depends on. */
export function affectsSendSettings(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(SECTION) || event.affectsConfiguration('http.proxy') || event.affectsConfiguration('http.noProxy');
}
