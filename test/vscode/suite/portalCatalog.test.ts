/// <reference types="mocha" />
// The portal's own property definitions, fetched from the sandbox with the stored token.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, diagnosticsFor, injectFault, isBuiltInJson, labelOf, openFixture, positionOf, replaceText, storeSandboxToken } from './helpers';

suite("the portal's own properties", () => {
  test('custom properties are known and complete; an unknown name is an error, as HubSpot would answer 400', async () => {
    await storeSandboxToken();
    await vscode.commands.executeCommand('contactPayloads.refreshProperties');
    const { uri, document } = await openFixture('portal.contact.json');

    const diagnostics = await diagnosticsFor(uri, (ds) => ds.some((d) => codeOf(d) === 'unknown-property' && d.severity === vscode.DiagnosticSeverity.Error && document.getText(d.range) === '"favourite_colour"'));
    const unknown = diagnostics.filter((d) => codeOf(d) === 'unknown-property');
    assert.deepEqual(unknown.map((d) => document.getText(d.range)), ['"favourite_colour"', '""'], 'the custom property is known; the misspelt and the empty names are not');
    assert.match(typeof unknown[0]?.message === 'string' ? unknown[0].message : '', /Did you mean "favorite_color"\?/);

    const names = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, positionOf(document, '"property": ""', '"property": "'.length));
    const color = names.items.find((item) => labelOf(item) === 'favorite_color');
    assert.ok(color, 'the custom property completes');
    assert.match(color.detail ?? '', /^Favorite color · .*group contactinformation/);

    const values = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, positionOf(document, '"value": "blue"', '"value": "'.length));
    assert.deepEqual(values.items.filter((item) => !isBuiltInJson(item)).map(labelOf).sort(), ['blue', 'green', 'red'], 'the portal\'s options, its hidden one left out');
  });

  test('when the portal cannot be reached, the catalog last fetched stays in force', async () => {
    await injectFault({ route: 'listPropertiesV3', status: 503 });
    await injectFault({ route: 'listPropertiesV1', status: 503 });
    await vscode.commands.executeCommand('contactPayloads.refreshProperties');
    const { uri, document } = await openFixture('portal.contact.json');
    await replaceText(document, '"favorite_color", "value": "blue"', '"favorite_color", "value": "purple"');
    // Only the portal's catalog knows favorite_color's options: the bundled defaults would call it unknown.
    const diagnostics = await diagnosticsFor(uri, (ds) => ds.some((d) => codeOf(d) === 'invalid-option'));
    const option = diagnostics.find((d) => codeOf(d) === 'invalid-option')!;
    assert.equal(document.getText(option.range), '"purple"');
    assert.ok(!diagnostics.some((d) => codeOf(d) === 'unknown-property' && document.getText(d.range) === '"favorite_color"'));
  });
});
