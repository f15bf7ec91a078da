// The numeric settings are clamped to the ranges package.json declares: the two must not drift apart,
// and a value out of range (VS Code only marks it in the settings file) must not reach the client.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { clampSetting, SETTING_RANGES, type RangedSetting } from '../../../../client/src/extension/settingRanges';

interface DeclaredSetting {
  readonly type: string;
  readonly default: unknown;
  readonly minimum?: number;
  readonly maximum?: number;
}

const manifest = JSON.parse(readFileSync(path.join(import.meta.dirname, '../../../../package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, DeclaredSetting> } };
};
const declared = manifest.contributes.configuration.properties;

describe('numeric settings', () => {
  it('every range matches what package.json declares (type, default, minimum, maximum)', () => {
    for (const [name, range] of Object.entries(SETTING_RANGES)) {
      const setting = declared[`contactPayloads.${name}`];
      assert.ok(setting, `contactPayloads.${name} is declared`);
      assert.deepEqual(
        { type: setting.type, default: setting.default, minimum: setting.minimum, maximum: setting.maximum },
        { type: range.integer ? 'integer' : 'number', default: range.default, minimum: range.minimum, maximum: range.maximum },
        name,
      );
    }
  });

  it('every numeric request, retry, portal and history setting has a range here', () => {
    const numeric = Object.entries(declared)
      .filter(([name, setting]) => /^contactPayloads\.(request|portalProperties|history)\./.test(name) && (setting.type === 'integer' || setting.type === 'number'))
      .map(([name]) => name.replace(/^contactPayloads\./, ''));
    assert.deepEqual(numeric.sort(), Object.keys(SETTING_RANGES).sort());
  });

  it('clamps to the range, rounds integers, and falls back to the default for what is not a number', () => {
    const cases: [RangedSetting, unknown, number][] = [
      ['request.timeoutSeconds', 0, 1],
      ['request.timeoutSeconds', -5, 1],
      ['request.timeoutSeconds', 100_000, 600],
      ['request.timeoutSeconds', 12.6, 13],
      ['request.timeoutSeconds', '45', 30],
      ['request.timeoutSeconds', Number.NaN, 30],
      ['request.timeoutSeconds', undefined, 30],
      ['request.maxRetries', 99, 6],
      ['request.retryMaxDelayMs', Number.POSITIVE_INFINITY, 600_000],
      ['portalProperties.maxAgeHours', 0.5, 0.5],
      ['portalProperties.maxAgeHours', -1, 0],
    ];
    for (const [name, value, expected] of cases) assert.equal(clampSetting(name, value), expected, `${name} = ${String(value)}`);
  });
});
