/// <reference types="mocha" />
// CRM objects files (`{"properties": {…}}`) in a real VS Code: the language features of the first
// release on the new shape, and the conversion from v1 as VS Code offers it (a refactoring). Run in
// both extension hosts (the web suite imports it too).
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, describeDiagnostic, diagnosticsFor, isBuiltInJson, labelOf, openFixture, positionOf, rangeOf } from './helpers';

suite('CRM objects files: editing', () => {
  test('diagnostics sit on the exact value; an ISO date-time is valid here', async () => {
    const { uri, document } = await openFixture('objects-bad.contact.json');
    const diagnostics = await diagnosticsFor(uri, (ds) => ds.length >= 2);
    console.log(`    diagnostics: ${diagnostics.map(describeDiagnostic).join(' | ')}`);
    assert.deepEqual(diagnostics.map((d) => [codeOf(d), d.severity, d.range]), [
      ['invalid-email', vscode.DiagnosticSeverity.Error, rangeOf(document, '"not-an-email"')],
      ['invalid-option', vscode.DiagnosticSeverity.Error, rangeOf(document, '"Lead"')],
    ], 'nothing on "closedate": "2026-01-05T09:30:00Z"');
  });

  test('a key typed inside "properties" completes to the pair, the cursor left in its value', async () => {
    const { document, editor } = await openFixture('objects-complete.contact.json');
    const position = positionOf(document, '"first', '"first'.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
    const ours = list.items.filter((item) => !isBuiltInJson(item));
    const firstname = ours.find((item) => labelOf(item) === 'firstname');
    assert.ok(firstname, `firstname is offered: ${ours.slice(0, 10).map(labelOf).join(', ')}`);
    const inserted = firstname.insertText instanceof vscode.SnippetString ? firstname.insertText.value : String(firstname.insertText);
    assert.equal(inserted, '"firstname": "$1"', 'VS Code takes snippets: the pair, with a tab stop in the value');
    const range = firstname.range instanceof vscode.Range ? firstname.range : firstname.range?.replacing;
    assert.ok(range, 'the item says what it replaces');
    assert.equal(await editor.insertSnippet(new vscode.SnippetString(inserted), range), true);
    assert.equal(document.lineAt(position.line).text, '    "firstname": ""');
    assert.deepEqual(editor.selection.active, new vscode.Position(position.line, '    "firstname": "'.length), 'the cursor is in the value');
  });

  test('a v1 file converts to the CRM objects format as a refactoring that names what it drops', async () => {
    const { uri, document } = await openFixture('objects-convert.contact.json');
    await diagnosticsFor(uri, () => true);
    const whole = new vscode.Range(0, 0, document.lineCount, 0);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, whole, vscode.CodeActionKind.RefactorRewrite.value);
    console.log(`    refactorings: ${actions.map((a) => `${a.title} [${a.kind?.value ?? '?'}]`).join(' | ')}`);
    const convert = actions.find((action) => action.title.startsWith('Convert to CRM objects format'));
    assert.ok(convert?.edit, `a conversion among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.match(convert.title, /drops 1 timestamp/);
    assert.equal(convert.kind?.value, vscode.CodeActionKind.RefactorRewrite.value);
    assert.equal(await vscode.workspace.applyEdit(convert.edit), true, 'the conversion applies');
    assert.deepEqual(JSON.parse(document.getText()), { properties: { email: 'convert@example.com', firstname: 'Dorothy' } });
    assert.equal(document.isDirty, true, 'a normal, undoable edit');
    await diagnosticsFor(uri, (ds) => ds.length === 0);
  });
});
