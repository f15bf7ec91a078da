// contactPayloads.apiVersion: what package.json declares is what the client knows, and an untrusted
// workspace cannot change it (it decides which API a CRM objects file is written through), as with the base URL.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import manifest from '../../../../package.json';
import texts from '../../../../package.nls.json';
import { API_VERSIONS, DEFAULT_API_VERSION } from '../../../../client/src/hubspot/contactsObjects';

const setting = manifest.contributes.configuration.properties['contactPayloads.apiVersion'];

test('the setting offers exactly the versions the client knows, newest first, with the default and a description of each', () => {
  assert.deepEqual(setting.enum, API_VERSIONS);
  assert.equal(setting.default, DEFAULT_API_VERSION);
  assert.equal(setting.enumDescriptions.length, API_VERSIONS.length);
  assert.equal(setting.scope, 'window');
  assert.match(texts[setting.markdownDescription.slice(1, -1) as keyof typeof texts], /September 2027/);
});

test('the setting is restricted in untrusted workspaces, as the base URL is', () => {
  const restricted = manifest.capabilities.untrustedWorkspaces.restrictedConfigurations;
  assert.ok(restricted.includes('contactPayloads.apiVersion') && restricted.includes('contactPayloads.baseUrl'), restricted.join(', '));
  assert.equal(setting.scope, manifest.contributes.configuration.properties['contactPayloads.baseUrl'].scope);
});
