/// <reference types="mocha" />
// What the language server gives VS Code for a *.contact.json: diagnostics, completion, hover, quick fixes.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, describeDiagnostic, diagnosticsFor, diagnosticsWhere, isBuiltInJson, labelOf, openFixture, positionOf, rangeOf } from './helpers';

/**
 * Completion at `position` as VS Code merges it (the order it shows with nothing typed yet), checked:
 * `expected` are all offered, ours keep their sortText order, and the one preselected item (the one
 * Enter takes) is ours, whatever the built-in JSON extension adds above it.
 */
async function completionAt(document: vscode.TextDocument, position: vscode.Position, what: string, expected: readonly string[]): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
  const items = list.items;
  const ours = items.filter((item) => !isBuiltInJson(item));
  const labels = ours.map(labelOf);
  for (const label of expected) assert.ok(labels.includes(label), `${what}: ${label} is offered (got ${labels.slice(0, 20).join(', ')}…)`);
  const sortTexts = ours.map((item) => item.sortText ?? '');
  assert.deepEqual(sortTexts, [...sortTexts].sort(), `${what}: ours come in their sortText order`);
  const preselected = items.filter((item) => item.preselect);
  assert.equal(preselected.length, 1, `${what}: one preselected item`);
  const [selected] = preselected;
  assert.ok(selected && !isBuiltInJson(selected), `${what}: the preselected item is ours`);
  const json = items.map((item, index) => ({ item, index })).filter(({ item }) => isBuiltInJson(item));
  console.log(
    `    ${what}: ${items.length} items; preselected ${labelOf(selected)}; first five ${items.slice(0, 5).map((item) => `${labelOf(item)}[${item.sortText ?? '-'}]`).join(', ')}; ` +
      `the JSON extension's ${json.map(({ item, index }) => `${labelOf(item)} at ${index}`).join(', ') || 'none'}`,
  );
  return items;
}

suite('language features', () => {
  test('diagnostics for a bad file: ranges, codes and severities', async () => {
    const { uri, document } = await openFixture('bad.contact.json');
    const diagnostics = await diagnosticsFor(uri, (ds) => ds.length >= 2);
    console.log(`    diagnostics: ${diagnostics.map(describeDiagnostic).join(' | ')}`);
    const email = diagnostics.find((d) => codeOf(d) === 'invalid-email');
    assert.ok(email, 'an invalid-email diagnostic');
    assert.equal(email.severity, vscode.DiagnosticSeverity.Error);
    assert.deepEqual(email.range, rangeOf(document, '"not-an-email"'), 'invalid-email covers the value, quotes included');
    const option = diagnostics.find((d) => codeOf(d) === 'invalid-option');
    assert.ok(option, 'an invalid-option diagnostic');
    assert.equal(option.severity, vscode.DiagnosticSeverity.Error);
    assert.deepEqual(option.range, rangeOf(document, '"Lead"'), 'invalid-option covers "Lead"');
    assert.match(option.message, /lead/);
    assert.equal(diagnostics.length, 2, `nothing else: ${diagnostics.map(describeDiagnostic).join(' | ')}`);
  });

  test('completion of property names and enumeration values', async () => {
    const { document } = await openFixture('complete.contact.json');
    // Inside `"property": "|"` of the second entry: email is used already, so firstname is preselected.
    const names = await completionAt(document, positionOf(document, '"property": ""', '"property": "'.length), 'property names', ['firstname', 'lastname', 'lifecyclestage', 'phone', 'email']);
    assert.equal(labelOf(names.find((item) => item.preselect)!), 'firstname');
    // Inside `"value": "|"` of the lifecyclestage entry: its option values, with their labels beside them.
    const valuePosition = positionOf(document, '"value": ""', '"value": "'.length, positionOf(document, 'lifecyclestage').line);
    const values = await completionAt(document, valuePosition, 'lifecyclestage values', ['subscriber', 'lead', 'marketingqualifiedlead', 'customer']);
    const lead = values.find((item) => labelOf(item) === 'lead');
    assert.equal(typeof lead?.label === 'object' ? lead.label.description : undefined, 'Lead', 'the option label is shown beside the value');
  });

  test('hover on a property name explains the property', async () => {
    const { document } = await openFixture('bad.contact.json');
    const position = positionOf(document, 'lifecyclestage', 3);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
    const texts = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value)));
    console.log(`    hover: ${hovers.length} hover(s): ${JSON.stringify(texts).slice(0, 300)}`);
    assert.ok(texts.some((text) => /Lifecycle stage/i.test(text)), `a hover names the property's label: ${JSON.stringify(texts)}`);
  });

  test('quick fix: "Lead" becomes "lead"', async () => {
    const { uri, document } = await openFixture('quickfix.contact.json');
    const [option] = await diagnosticsFor(uri, (ds) => ds.some((d) => codeOf(d) === 'invalid-option')).then((ds) => ds.filter((d) => codeOf(d) === 'invalid-option'));
    assert.ok(option);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, option.range, vscode.CodeActionKind.QuickFix.value);
    console.log(`    quick fixes: ${actions.map((a) => `${a.title}${a.isPreferred ? ' (preferred)' : ''}`).join(' | ')}`);
    const fix = actions.find((action) => action.edit && /'lead'/.test(action.title));
    assert.ok(fix?.edit, `a quick fix to 'lead' among: ${actions.map((a) => a.title).join(' | ')}`);
    const gone = diagnosticsFor(uri, (ds) => !ds.some((d) => codeOf(d) === 'invalid-option'));
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true, 'the quick fix applies');
    assert.match(document.lineAt(option.range.start.line).text, /"value": "lead"/);
    assert.doesNotMatch(document.getText(), /"Lead"/);
    await gone;
  });

  test('a syntax error is marked once, where the comma is missing, and the rest of the file is still checked', async () => {
    const { uri } = await openFixture('syntax.contact.json');
    const ours = await diagnosticsFor(uri, (ds) => ds.some((d) => codeOf(d) === 'unknown-property'));
    // VS Code's JSON extension marks syntax errors in every JSON file; ours would repeat it, so VS Code shows its own.
    const atComma = (d: vscode.Diagnostic): boolean => d.range.start.line === 3 && d.range.start.character === 4;
    const all = await diagnosticsWhere(uri, (ds) => ds.some((d) => d.source === 'json' && atComma(d)), 'the JSON extension marks the missing comma');
    console.log(`    syntax error: ${all.map((d) => `${d.source ?? '?'} ${describeDiagnostic(d)}`).join(' | ')}`);
    assert.equal(all.filter(atComma).length, 1, 'one diagnostic at the missing comma, not two');
    assert.deepEqual(ours.map(codeOf), ['unknown-property'], 'ours: the rest of the file, checked past the error');

    // With the JSON extension's validation off, ours marks the comma; back on, it leaves it again.
    const json = vscode.workspace.getConfiguration('json');
    await json.update('validate.enable', false, vscode.ConfigurationTarget.Global);
    try {
      const alone = await diagnosticsFor(uri, (ds) => ds.some((d) => codeOf(d) === 'invalid-json'));
      assert.ok(alone.some((d) => codeOf(d) === 'invalid-json' && atComma(d)), 'ours marks the missing comma');
    } finally {
      await json.update('validate.enable', undefined, vscode.ConfigurationTarget.Global);
    }
    await diagnosticsFor(uri, (ds) => !ds.some((d) => codeOf(d) === 'invalid-json'));
  });

  test('an untitled *.contact.json is checked too', async () => {
    const uri = vscode.Uri.from({ scheme: 'untitled', path: '/draft.contact.json' });
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(0, 0), '{"properties": [{"property": "email", "value": "nope"}]}');
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    if (document.languageId !== 'json') await vscode.languages.setTextDocumentLanguage(document, 'json');
    const diagnostics = await diagnosticsFor(uri, (ds) => ds.some((d) => codeOf(d) === 'invalid-email'));
    assert.equal(diagnostics.find((d) => codeOf(d) === 'invalid-email')?.severity, vscode.DiagnosticSeverity.Error);
  });
});

