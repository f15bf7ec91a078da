/// <reference types="mocha" />
// Opening a *.contact.json activates the extension, and its language server publishes diagnostics.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, diagnosticsFor, EXTENSION_ID, openFixture, rangeOf, SOURCE } from './helpers';

suite('activation', () => {
  test('opening a *.contact.json activates the extension and shows its diagnostics', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'a workspace folder is open');
    const uri = vscode.Uri.joinPath(folder.uri, 'bad.contact.json');
    const published = diagnosticsFor(uri, (ds) => ds.length > 0);
    const { document } = await openFixture('bad.contact.json');
    const diagnostics = await published;

    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is loaded`);
    assert.equal(extension.isActive, true, `${EXTENSION_ID} is active`);
    const everything = vscode.languages.getDiagnostics(uri);
    assert.deepEqual(everything.map((d) => d.source), everything.map(() => SOURCE), `every diagnostic on bad.contact.json comes from ${SOURCE}`);
    const invalidEmail = diagnostics.filter((d) => codeOf(d) === 'invalid-email');
    assert.equal(invalidEmail.length, 1, 'one invalid-email diagnostic');
    assert.equal(invalidEmail[0].severity, vscode.DiagnosticSeverity.Error, 'an invalid email is an error');
    assert.ok(invalidEmail[0].range.isEqual(rangeOf(document, '"not-an-email"')), `on the value "not-an-email", not ${JSON.stringify(invalidEmail[0].range)}`);
  });
});
