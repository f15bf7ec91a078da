/// <reference types="mocha" />
// Opening a *.contact.json activates the extension, and its language server publishes diagnostics.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticsFor, EXTENSION_ID, openFixture, SOURCE } from './helpers';

suite('activation', () => {
  test('opening a *.contact.json activates the extension and shows its diagnostics', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'a workspace folder is open');
    const uri = vscode.Uri.joinPath(folder.uri, 'bad.contact.json');
    const published = diagnosticsFor(uri, (ds) => ds.length > 0);
    await openFixture('bad.contact.json');
    const diagnostics = await published;

    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is loaded`);
    assert.equal(extension.isActive, true, `${EXTENSION_ID} is active`);
    const everything = vscode.languages.getDiagnostics(uri);
    assert.deepEqual(everything.map((d) => d.source), everything.map(() => SOURCE), `every diagnostic on bad.contact.json comes from ${SOURCE}`);
    assert.ok(diagnostics.some((d) => d.severity === vscode.DiagnosticSeverity.Error), 'an invalid email is an error');
  });
});
