/// <reference types="mocha" />
// Run only by the launcher's untrusted pass (CONTACT_PAYLOADS_E2E_SUITE=untrusted): the folder is
// open in Restricted Mode. Validation still works; nothing is sent, and no CodeLens offers to.
// The launcher also checks the sandbox's own log: it must have received no request at all.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeLensTitles, codeOf, createContact, diagnosticsFor, EXTENSION_ID, openFixture, sandboxRequests, storeSandboxToken, updateContact } from './helpers';

suite('untrusted workspace', () => {
  suiteSetup(async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the launcher opened the folder untrusted');
    // A stored token, so that only the missing trust can be what stops a send.
    await storeSandboxToken();
  });

  test('validation still produces diagnostics', async () => {
    const { uri } = await openFixture('bad.contact.json');
    const diagnostics = await diagnosticsFor(uri, (ds) => ds.some((d) => codeOf(d) === 'invalid-email') && ds.some((d) => codeOf(d) === 'invalid-option'));
    assert.ok(diagnostics.every((d) => d.severity === vscode.DiagnosticSeverity.Error));
    assert.equal(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, true, 'the extension is active in Restricted Mode');
  });

  test("the workspace's settings cannot lift the size guard or the diagnostics cap", async () => {
    assert.equal(vscode.workspace.getConfiguration('editor').inspect('tabSize')?.workspaceValue, 7, "VS Code read the workspace's settings file");
    const settings = vscode.workspace.getConfiguration('contactPayloads');
    assert.equal(settings.get('maxDiagnostics'), 500, 'the default cap, not the one in the workspace settings');
    assert.equal(settings.get('maxDocumentSize'), 1024, "the user's size limit, not the one in the workspace settings");
    const bad = await openFixture('bad.contact.json');
    const diagnostics = await diagnosticsFor(bad.uri, (ds) => ds.some((d) => codeOf(d) === 'invalid-email') && ds.some((d) => codeOf(d) === 'invalid-option'));
    assert.ok(!diagnostics.some((d) => codeOf(d) === 'too-many-diagnostics'), 'the default cap applies, not the workspace\'s');
    const large = await openFixture('large.contact.json');
    assert.ok(large.document.getText().length > 1024, 'the fixture is over the user\'s 1 KiB limit');
    await diagnosticsFor(large.uri, (ds) => ds.length === 1 && codeOf(ds[0]) === 'document-too-large');
  });

  test('the send and seed set commands send nothing and no CodeLens offers them', async () => {
    const { uri } = await openFixture('valid.contact.json');
    assert.equal(await createContact(uri), undefined, 'createContact returns no outcome');
    assert.equal(await updateContact(uri, 61574), undefined, 'updateContact returns no outcome');
    assert.deepEqual(await codeLensTitles(uri), [], 'no CodeLens');
    const root = vscode.workspace.workspaceFolders?.[0];
    assert.ok(root);
    assert.equal(await vscode.commands.executeCommand('contactPayloads.sendSeedSet', vscode.Uri.joinPath(root.uri, 'seed-set')), undefined, 'a seed set is not even planned');
    assert.equal(await vscode.commands.executeCommand('contactPayloads.sendSeedPlan'), undefined, 'nor sent');
    assert.deepEqual(await sandboxRequests(), [], 'the sandbox got no request');
  });
});
