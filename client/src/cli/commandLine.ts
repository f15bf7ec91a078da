// Argument parsing shared by the commands: node:util's parseArgs, strict, with its errors turned
// into usage errors (exit status 2) that name the command's --help.
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { REQUEST_TIMEOUT_SECONDS, timeoutsForSeconds, type HttpTimeouts } from '../hubspot/timeouts';
import { SETTING_RANGES } from '../extension/settingRanges';
import type { Terminal } from './terminal';

/** Wrong arguments: the message says what is wrong; the command adds where to read more. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** What every command gets from main. */
export interface CommandContext {
  readonly terminal: Terminal;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** The package version, for --version, SARIF and the User-Agent. */
  readonly version: string;
}

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseCommandLine<T extends Options>(args: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...args], options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (error) {
    // parseArgs explains itself well ("Unknown option '--fromat'"), but adds advice that names its own API.
    throw new UsageError((error instanceof Error ? error.message : String(error)).replace(/\. To specify a positional argument.*$/s, '.'));
  }
}

/** A whole number from `min` to `max`, or a usage error naming the option. */
export function wholeNumberOption(name: string, text: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const value = /^\d+$/.test(text.trim()) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`--${name} takes a whole number${max === Number.MAX_SAFE_INTEGER ? ` of at least ${min}` : ` from ${min} to ${max}`} (got "${text}").`);
  }
  return value;
}

/** The options of every command that sends to HubSpot (create and update, and seed when it comes); see requestOptions. */
export const REQUEST_OPTIONS = { timeout: { type: 'string' }, 'max-retries': { type: 'string' }, history: { type: 'string' } } as const satisfies Options;

export interface RequestOptions {
  /** --timeout SECONDS: the whole of each attempt, as contactPayloads.request.timeoutSeconds in the editor. */
  readonly timeouts: HttpTimeouts;
  /** --max-retries N, when given. */
  readonly maxRetries: number | undefined;
  /** --history FILE, as given: where every request and its answer is appended. */
  readonly history: string | undefined;
}

export function requestOptions(values: { readonly timeout?: string | undefined; readonly 'max-retries'?: string | undefined; readonly history?: string | undefined }): RequestOptions {
  const { minimum, maximum } = REQUEST_TIMEOUT_SECONDS;
  const seconds = values.timeout === undefined ? REQUEST_TIMEOUT_SECONDS.default : wholeNumberOption('timeout', values.timeout, minimum, maximum);
  const retries = SETTING_RANGES['request.maxRetries'];
  const maxRetries = values['max-retries'] === undefined ? undefined : wholeNumberOption('max-retries', values['max-retries'], retries.minimum, retries.maximum);
  return { timeouts: timeoutsForSeconds(seconds), maxRetries, history: values.history };
}

/** A path as printed: relative to the current folder with `/` separators, absolute when on another drive. */
export function displayPath(absolutePath: string, cwd: string): string {
  const relative = path.relative(cwd, absolutePath);
  return path.isAbsolute(relative) ? absolutePath : relative.split(path.sep).join('/');
}
