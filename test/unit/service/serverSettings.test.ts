// The server's settings: what any client sends is clamped to the ranges package.json declares.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import manifest from '../../../package.json';
import { DEFAULT_SETTINGS, normaliseSettings, SETTING_MINIMUMS } from '../../../server/src/service/serverSettings';

test('numbers below the declared minimum are raised to it, fractions cut, so no client can switch validation off', () => {
  assert.deepEqual(normaliseSettings({ maxDocumentSize: 5, maxDiagnostics: 0 }), { ...DEFAULT_SETTINGS, maxDocumentSize: 1024, maxDiagnostics: 1 });
  assert.deepEqual(normaliseSettings({ maxDocumentSize: -1e12, maxDiagnostics: -3 }), { ...DEFAULT_SETTINGS, maxDocumentSize: 1024, maxDiagnostics: 1 });
  assert.deepEqual(normaliseSettings({ maxDocumentSize: 4096.7, maxDiagnostics: 2.5 }), { ...DEFAULT_SETTINGS, maxDocumentSize: 4096, maxDiagnostics: 2 });
  assert.deepEqual(normaliseSettings({ maxDocumentSize: Number.NaN, maxDiagnostics: null }), DEFAULT_SETTINGS);
});

test("the minimums are package.json's, and both settings are restricted in untrusted workspaces", () => {
  const properties = manifest.contributes.configuration.properties;
  assert.equal(properties['contactPayloads.maxDocumentSize'].minimum, SETTING_MINIMUMS.maxDocumentSize);
  assert.equal(properties['contactPayloads.maxDiagnostics'].minimum, SETTING_MINIMUMS.maxDiagnostics);
  const restricted = manifest.capabilities.untrustedWorkspaces.restrictedConfigurations;
  assert.ok(restricted.includes('contactPayloads.maxDocumentSize') && restricted.includes('contactPayloads.maxDiagnostics'), restricted.join(', '));
});
