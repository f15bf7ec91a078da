/// <reference types="mocha" />
// What only the web worker extension host shows: the extension runs in it, batch files and symbols
// work there as on the desktop, and a command that would reach HubSpot — which answers no browser
// request carrying a token — explains itself instead of failing in the network (the manifest hides
// them there: a unit test holds it, test/unit/client/extension/commands/commandTable.test.ts).
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, diagnosticsFor, EXTENSION_ID, openFixture, rangeOf } from '../suite/helpers';

declare const WorkerGlobalScope: unknown;

interface Manifest {
  readonly browser?: string;
}

suite('the web worker extension host', () => {
  test('the extension and this suite run in a web worker of VS Code for the Web', () => {
    assert.notEqual(typeof WorkerGlobalScope, 'undefined', 'a worker global scope');
    assert.equal(vscode.env.uiKind, vscode.UIKind.Web);
    const extension = vscode.extensions.getExtension<unknown>(EXTENSION_ID);
    assert.ok(extension?.isActive, `${EXTENSION_ID} is active`);
    assert.equal((extension.packageJSON as Manifest).browser, './dist/clientMain.js');
  });

  test('a send command run anyway (a keybinding, a link) resolves without an outcome or an error (webhost.test.ts sees its message)', async () => {
    const { uri } = await openFixture('valid.contact.json');
    // On the desktop this command resolves to the send's outcome; here it shows why there is none.
    assert.equal(await vscode.commands.executeCommand('contactPayloads.createContact', uri), undefined);
    assert.equal(await vscode.commands.executeCommand('contactPayloads.sendSeedSet'), undefined);
  });

  test('a batch file is checked in the worker: the bad email of its second contact, exactly', async () => {
    const { uri, document } = await openFixture('web/team.contacts.json');
    const diagnostics = await diagnosticsFor(uri, (ds) => ds.length > 0);
    assert.deepEqual(diagnostics.map((d) => [codeOf(d), d.range]), [['invalid-email', rangeOf(document, '"not-an-email"')]]);
  });

  test('document symbols name the properties of a contact file', async () => {
    const { uri } = await openFixture('valid.contact.json');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
    const names = JSON.stringify(symbols.map(function collect(symbol: vscode.DocumentSymbol): unknown[] {
      return [symbol.name, ...symbol.children.flatMap(collect)];
    }));
    for (const property of ['email', 'firstname', 'lastname', 'lifecyclestage']) assert.ok(names.includes(property), `${property} among ${names}`);
  });
});
