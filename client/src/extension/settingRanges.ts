// The ranges package.json declares for the numeric settings, applied when a value is read: VS Code
// marks a value out of range in the settings file but hands it to the extension all the same.
import { REQUEST_TIMEOUT_SECONDS } from '../hubspot/timeouts';

export interface SettingRange {
  readonly minimum: number;
  readonly maximum: number;
  readonly default: number;
  /** Declared `"type": "integer"`: a fraction is rounded. */
  readonly integer: boolean;
}

/** By name under `contactPayloads.`; a test holds these to package.json. */
export const SETTING_RANGES = {
  'request.timeoutSeconds': { ...REQUEST_TIMEOUT_SECONDS, integer: true },
  'request.maxRetries': { minimum: 0, maximum: 6, default: 3, integer: true },
  'request.retryBaseDelayMs': { minimum: 0, maximum: 60_000, default: 500, integer: true },
  'request.retryMaxDelayMs': { minimum: 0, maximum: 600_000, default: 30_000, integer: true },
  'portalProperties.maxAgeHours': { minimum: 0, maximum: 8760, default: 24, integer: false },
  'history.maxEntries': { minimum: 0, maximum: 100_000, default: 1_000, integer: true },
  'history.maxMegabytes': { minimum: 1, maximum: 1_024, default: 50, integer: false },
} as const satisfies Record<string, SettingRange>;

export type RangedSetting = keyof typeof SETTING_RANGES;

/** The value within its declared range; the default for anything that is not a number. */
export function clampSetting(name: RangedSetting, value: unknown): number {
  const range: SettingRange = SETTING_RANGES[name];
  if (typeof value !== 'number' || Number.isNaN(value)) return range.default;
  const number = range.integer ? Math.round(value) : value;
  return Math.min(range.maximum, Math.max(range.minimum, number));
}
