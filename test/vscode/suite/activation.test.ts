/// <reference types="mocha" />
// Opening a *.contact.json activates the extension, and its language server publishes diagnostics.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'contact-payloads.contact-payloads';
const SOURCE = 'contact-payloads';

/**
 * Resolves with the document's diagnostics once `accept` takes them, checked now and on every
 * `onDidChangeDiagnostics` for the document; rejects at the deadline. Subscribe before acting.
 */
function diagnosticsFor(uri: vscode.Uri, accept: (diagnostics: readonly vscode.Diagnostic[]) => boolean, timeoutMs: number): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      const current = vscode.languages.getDiagnostics(uri);
      if (accept(current)) {
        done();
        resolve(current);
      }
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      done();
      const seen = vscode.languages.getDiagnostics(uri).map((d) => `${d.source}: ${d.message}`);
      reject(new Error(`no accepted diagnostics for ${uri.fsPath} within ${timeoutMs} ms; have: ${JSON.stringify(seen)}`));
    }, timeoutMs);
    function done(): void {
      clearTimeout(timer);
      subscription.dispose();
    }
    check();
  });
}

suite('activation', () => {
  test('opening a *.contact.json activates the extension and shows its diagnostics', async () => {
    const [uri] = await vscode.workspace.findFiles('**/bad.contact.json');
    assert.ok(uri, 'the workspace holds bad.contact.json');

    const published = diagnosticsFor(uri, (ds) => ds.some((d) => d.source === SOURCE), 30_000);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const diagnostics = await published;

    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is loaded`);
    assert.equal(extension.isActive, true, `${EXTENSION_ID} is active`);
    assert.deepEqual(
      diagnostics.map((d) => d.source),
      diagnostics.map(() => SOURCE),
      `every diagnostic on bad.contact.json comes from ${SOURCE}`,
    );
    assert.ok(
      diagnostics.some((d) => d.severity === vscode.DiagnosticSeverity.Error),
      'an invalid email is an error',
    );
  });
});
