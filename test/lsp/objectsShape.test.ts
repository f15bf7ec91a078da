// The CRM objects shape (`{"properties":{"email":"…"}}`) over real LSP, in both client modes: every
// feature of the first release on the new shape — diagnostics on the exact key or value, completion of
// keys and values, hover, quick fixes, symbols — and a v1 file beside it keeping its own date rule.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, CompletionItem, CompletionList, Diagnostic, DocumentSymbol, Hover, MarkupContent, TextEdit } from 'vscode-languageserver-protocol';
import { CLIENT_PROFILES, LspTestClient } from './lspClient';

const OBJECTS = `{
  "properties": {
    "email": "not-an-email",
    "lifecyclestage": "Lead",
    "frstname": "Ada",
    "closedate": "2026-01-05T09:30:00Z",
    "firstname": "Ada",
    "firstname": "Grace"
  }
}`;

const SNIPPET = 2;

for (const [profile, capabilities] of Object.entries(CLIENT_PROFILES)) {
  const pull = profile === 'pullAndSnippets';
  describe(`CRM objects files with a ${pull ? 'pull + snippets' : 'push-only, plain-text'} client`, () => {
    let client: LspTestClient;
    let uriCounter = 0;
    const newUri = () => `file:///work/objects-${profile}-${++uriCounter}.contact.json`;
    const diagnosticsOf = async (uri: string): Promise<Diagnostic[]> => (pull ? client.pullDiagnostics(uri) : (await client.pushedForVersion(uri)).diagnostics);
    const completionAt = async (uri: string, line: number, character: number): Promise<CompletionItem[]> => {
      const result = await client.request<CompletionList | CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line, character } });
      return Array.isArray(result) ? result : result.items;
    };

    before(async () => { client = await LspTestClient.start(capabilities); });
    after(() => client.stop());

    test('diagnostics sit on the exact key or value; an ISO date-time is valid; a duplicate points at both keys; an edit updates them', async () => {
      const uri = newUri();
      await client.open(uri, OBJECTS);
      const first = await diagnosticsOf(uri);
      assert.deepEqual(first.map((d) => [d.code, d.severity, d.range.start.line, d.range.start.character, d.range.end.character]), [
        ['invalid-email', 1, 2, 13, 27],
        ['invalid-option', 1, 3, 22, 28],
        ['unknown-property', 2, 4, 4, 14],
        ['duplicate-property', 2, 7, 4, 15],
      ]);
      const duplicate = first.find((d) => d.code === 'duplicate-property')!;
      assert.deepEqual(duplicate.relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line, r.location.range.start.character]), [[uri, 6, 4]]);

      await client.change(uri, 'ada@example.com', { start: { line: 2, character: 14 }, end: { line: 2, character: 26 } });
      assert.deepEqual((await diagnosticsOf(uri)).map((d) => d.code), ['invalid-option', 'unknown-property', 'duplicate-property']);
      await client.close(uri);
    });

    test('the same ISO date-time in a v1 file is an error: v1 takes epoch milliseconds only', async () => {
      const uri = newUri();
      await client.open(uri, '{"$schema": "x", "properties": [{"property": "closedate", "value": "2026-01-05T09:30:00Z"}]}');
      assert.deepEqual((await diagnosticsOf(uri)).filter((d) => d.severity === 1).map((d) => d.code), ['invalid-datetime']);
      await client.close(uri);
    });

    test('a key typed inside "properties" completes to the pair, with the cursor in the value for snippet clients and the name alone otherwise', async () => {
      const uri = newUri();
      await client.open(uri, '{\n  "properties": {\n    "email": "a@b.co",\n    "first\n  }\n}');
      const items = await completionAt(uri, 3, 10);
      const firstname = items.find((i) => i.label === 'firstname');
      assert.ok(firstname, `firstname is offered: ${items.slice(0, 5).map((i) => i.label).join(', ')}`);
      const edit = firstname.textEdit as TextEdit;
      assert.deepEqual(edit.range, { start: { line: 3, character: 4 }, end: { line: 3, character: 10 } }, 'the whole token typed, its quote included');
      assert.equal(edit.newText, pull ? '"firstname": "$1"' : '"firstname"');
      assert.equal(firstname.insertTextFormat === SNIPPET, pull);
      const email = items.find((i) => i.label === 'email');
      assert.match(email?.detail ?? '', /already set in this file/);
      assert.ok(Number(email?.sortText) > Number(firstname.sortText), 'a name already used sorts last');
      await client.close(uri);
    });

    test('an existing key is renamed alone, and option values complete in values', async () => {
      const uri = newUri();
      await client.open(uri, '{"properties": {"lifecycle": "", "hs_email_optout": ""}}');
      const names = await completionAt(uri, 0, 20);
      assert.equal((names.find((i) => i.label === 'lifecyclestage')?.textEdit as TextEdit | undefined)?.newText, '"lifecyclestage"');
      await client.change(uri, '{"properties": {"lifecyclestage": "", "hs_email_optout": ""}}');
      const values = await completionAt(uri, 0, 35);
      assert.ok(values.some((i) => (i.textEdit as TextEdit).newText === '"marketingqualifiedlead"'), 'inserts the option value');
      const bools = await completionAt(uri, 0, 58);
      assert.deepEqual(bools.map((i) => (i.textEdit as TextEdit).newText).sort(), ['"false"', '"true"']);
      await client.close(uri);
    });

    test('top-level keys offer what a CRM objects payload may still hold', async () => {
      const uri = newUri();
      await client.open(uri, '{"properties": {}, }');
      const labels = (await completionAt(uri, 0, 19)).map((i) => i.label).sort();
      assert.deepEqual(labels, ['$schema', 'associations', 'id']);
      await client.close(uri);
    });

    test('hover on a key explains the property, and on a value names its option', async () => {
      const uri = newUri();
      await client.open(uri, OBJECTS);
      const onKey = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 8 } });
      assert.match((onKey?.contents as MarkupContent).value, /Lifecycle Stage/);
      assert.deepEqual(onKey?.range, { start: { line: 3, character: 4 }, end: { line: 3, character: 20 } });
      await client.close(uri);
    });

    test('quick fixes: the label becomes the option value, the unknown name its suggestion, the duplicate goes', async () => {
      const uri = newUri();
      await client.open(uri, OBJECTS);
      const diagnostics = await diagnosticsOf(uri);
      const editsFor = async (code: string) => {
        const problem = diagnostics.find((d) => d.code === code)!;
        const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: problem.range, context: { diagnostics: [problem], only: ['quickfix'] } });
        return actions.map((a) => [a.title, a.edit?.changes?.[uri]?.[0]]);
      };
      assert.deepEqual((await editsFor('invalid-option'))[0], ["Use the option value 'lead' (label 'Lead')", { range: { start: { line: 3, character: 22 }, end: { line: 3, character: 28 } }, newText: '"lead"' }]);
      assert.equal((await editsFor('unknown-property'))[0][0], "Did you mean 'firstname'?");
      const [[title, removal]] = await editsFor('duplicate-property');
      assert.equal(title, "Remove duplicate entry 'firstname'");
      assert.deepEqual(removal, { range: { start: { line: 6, character: 22 }, end: { line: 7, character: 24 } }, newText: '' }, 'the second member and the comma before it');
      await client.close(uri);
    });

    test('document symbols: one per property, and the saved id', async () => {
      const uri = newUri();
      await client.open(uri, '{"id": "61574", "properties": {"email": "a@b.co", "firstname": "Ada"}}');
      const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
      assert.deepEqual(symbols.map((s) => [s.name, s.detail, (s.children ?? []).map((c) => c.name)]), [
        ['id = 61574', undefined, []],
        ['properties', '2 properties', ['email = a@b.co', 'firstname = Ada']],
      ]);
      await client.close(uri);
    });
  });
}
