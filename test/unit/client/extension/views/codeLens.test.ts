// The update CodeLens speaks the words of the file's shape: v1 calls the saved id "vid", CRM objects "id".
import assert from 'node:assert/strict';
import { test } from 'node:test';
import '../../../support/vscodeStub';

// Loaded after the stub is in place: the module imports vscode.
const codeLens = () => import('../../../../../client/src/extension/views/codeLens');

test('a v1 file: "Update vid N" with a saved vid, else "Update by vid…"', async () => {
  const { updateTitle } = await codeLens();
  assert.equal(updateTitle({ shape: 'v1', vid: 61574, entryCount: 1, line: 0 }), 'Update vid 61574');
  assert.equal(updateTitle({ shape: 'v1', entryCount: 1, line: 0 }), 'Update by vid…');
});

test('a CRM objects file: "Update id N" with a saved id, else "Update by id…"', async () => {
  const { updateTitle } = await codeLens();
  assert.equal(updateTitle({ shape: 'objects', vid: 61574, entryCount: 1, line: 0 }), 'Update id 61574');
  assert.equal(updateTitle({ shape: 'objects', entryCount: 1, line: 0 }), 'Update by id…');
});

test('a batch file: "Send N contacts…" with the count, "Send batch file…" when it cannot be counted', async () => {
  const { batchTitle } = await codeLens();
  assert.equal(batchTitle(1000), 'Send 1000 contacts…');
  assert.equal(batchTitle(1), 'Send 1 contact…');
  assert.equal(batchTitle(undefined), 'Send batch file…');
});

test('the account lens names the account and its portal, and marks production', async () => {
  const { accountLensTitle } = await codeLens();
  assert.equal(accountLensTitle({ name: 'Staging', portal: { portalId: 62515, domain: undefined, scopes: undefined, checkedAt: 0 }, production: false }), '$(account) Staging · 62515');
  assert.equal(accountLensTitle({ name: 'Live', portal: undefined, production: true }), '$(warning) Live (production)');
});
