// The bundled server over real LSP (spawned, JSON-RPC on stdio), once as a VS Code-like client
// (pull diagnostics, snippets) and once as a minimal one (push only, plain text).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, CompletionItem, CompletionList, Diagnostic, DocumentSymbol, Hover, InitializeResult, MarkupContent } from 'vscode-languageserver-protocol';
import { messageOf } from '../unit/messageOf';
import { CLIENT_PROFILES, LspTestClient, SERVER_BUNDLE } from './lspClient';

const BAD = `{
  "properties": [
    { "property": "email", "value": "not-an-email" },
    { "property": "lifecyclestage", "value": "Lead" },
    { "property": "frstname", "value": "Ada" }
  ]
}`;

test('the server bundle exists (npm run build)', () => {
  assert.ok(existsSync(SERVER_BUNDLE), `${SERVER_BUNDLE} is missing: run npm run build first`);
});

for (const [profile, capabilities] of Object.entries(CLIENT_PROFILES)) {
  const pull = profile === 'pullAndSnippets';
  describe(`LSP with a ${pull ? 'pull + snippets' : 'push-only, plain-text'} client`, () => {
    let client: LspTestClient;
    let init: InitializeResult;
    let uriCounter = 0;
    const newUri = () => `file:///work/lsp-${profile}-${++uriCounter}.contact.json`;
    const diagnosticsOf = async (uri: string): Promise<Diagnostic[]> => (pull ? client.pullDiagnostics(uri) : (await client.pushedForVersion(uri)).diagnostics);

    before(async () => {
      client = await LspTestClient.start(capabilities);
      init = await client.initializeResult;
    });
    after(() => client.stop());

    test('initialize announces the features, and pull diagnostics only to clients that pull, under a fixed identifier (the name of VS Code\'s diagnostic collection)', () => {
      const caps = init.capabilities;
      assert.equal(caps.hoverProvider, true);
      assert.ok(caps.completionProvider);
      assert.ok(caps.codeActionProvider);
      assert.ok(caps.documentSymbolProvider);
      assert.equal(caps.diagnosticProvider !== undefined, pull);
      // Without one, collections of two extension hosts can share a generated name and overwrite each other.
      if (pull) assert.equal((caps.diagnosticProvider as { identifier?: string }).identifier, 'contact-payloads');
      assert.equal(init.serverInfo?.name, 'contact-payloads');
    });

    test('open → diagnostics on the exact values; change → new diagnostics; close → cleared', async () => {
      const uri = newUri();
      await client.open(uri, BAD);
      const first = await diagnosticsOf(uri);
      assert.deepEqual(first.map((d) => [d.code, d.severity, d.range.start.line, d.range.start.character, d.range.end.character]), [
        ['invalid-email', 1, 2, 36, 50],
        ['invalid-option', 1, 3, 45, 51],
        ['unknown-property', 2, 4, 18, 28],
      ]);
      assert.ok(first.every((d) => d.source === 'contact-payloads'));

      // Fix the email in place with an incremental edit.
      await client.change(uri, 'ada@example.com', { start: { line: 2, character: 37 }, end: { line: 2, character: 49 } });
      const second = await diagnosticsOf(uri);
      assert.deepEqual(second.map((d) => d.code), ['invalid-option', 'unknown-property']);

      await client.close(uri);
      if (!pull) assert.deepEqual((await client.pushedDiagnostics(uri, (p) => p.diagnostics.length === 0)).diagnostics, []);
    });

    test('completion offers property names, with snippets only for clients that take them', async () => {
      const uri = newUri();
      const text = '{\n  "properties": [\n    { "property": "", "value": "" },\n    \n  ]\n}';
      await client.open(uri, text);
      const names = await client.request<CompletionList | CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 19 } });
      const nameItems = Array.isArray(names) ? names : names.items;
      const labels = nameItems.map((i) => i.label);
      for (const expected of ['email', 'firstname', 'lifecyclestage']) assert.ok(labels.includes(expected), `completion lists ${expected}`);

      const entries = await client.request<CompletionList | CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 3, character: 4 } });
      const entryItems = Array.isArray(entries) ? entries : entries.items;
      assert.ok(entryItems.length > 0, 'whole entries are offered between entries');
      const snippetFormat = 2;
      assert.equal(entryItems.some((i) => i.insertTextFormat === snippetFormat), pull);
      const inserted = entryItems.map((i) => i.textEdit?.newText ?? i.insertText ?? '').join('\n');
      assert.equal(inserted.includes('$'), pull, 'plain-text clients never get snippet placeholders');
      await client.close(uri);
    });

    test('completion offers option values of enumerations', async () => {
      const uri = newUri();
      await client.open(uri, '{"properties":[{"property":"lifecyclestage","value":""}]}');
      const result = await client.request<CompletionList | CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 53 } });
      const items = Array.isArray(result) ? result : result.items;
      const inserted = items.map((i) => i.textEdit?.newText ?? i.insertText ?? i.label);
      assert.ok(inserted.some((t) => t.includes('marketingqualifiedlead')), 'inserts the option value');
      await client.close(uri);
    });

    test('hover explains a property', async () => {
      const uri = newUri();
      await client.open(uri, BAD);
      const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 22 } });
      assert.ok(hover, 'hover answers on a property name');
      assert.match((hover.contents as MarkupContent).value, /Lifecycle Stage/);
      await client.close(uri);
    });

    test('a quick fix turns the label into the option value', async () => {
      const uri = newUri();
      await client.open(uri, BAD);
      const diagnostics = await diagnosticsOf(uri);
      const optionProblem = diagnostics.find((d) => d.code === 'invalid-option')!;
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: optionProblem.range, context: { diagnostics: [optionProblem] } });
      const edits = actions.flatMap((a) => a.edit?.changes?.[uri] ?? []);
      assert.ok(edits.some((e) => e.newText === '"lead"'), `an action replaces "Lead" with "lead": ${JSON.stringify(actions)}`);
      await client.close(uri);
    });

    test('document symbols: one per entry', async () => {
      const uri = newUri();
      await client.open(uri, BAD);
      const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
      const names = symbols.flatMap((s) => [s.name, ...(s.children ?? []).map((c) => c.name)]);
      assert.ok(names.includes('email = not-an-email'), JSON.stringify(names));
      assert.ok(names.includes('lifecyclestage = Lead'));
      await client.close(uri);
    });
  });
}

describe('bad input never crashes or hangs the server', () => {
  let client: LspTestClient;
  before(async () => { client = await LspTestClient.start(CLIENT_PROFILES.pushPlainText); });
  after(() => client.stop());

  const cases: [string, string, (d: Diagnostic[]) => void][] = [
    ['empty', '', (d) => assert.equal(d[0]?.code, 'empty-document')],
    ['whitespace only', ' \n\t\n', (d) => assert.equal(d[0]?.code, 'empty-document')],
    ['a byte order mark', '\uFEFF{"properties":[{"property":"email","value":"a@b.co"}]}', (d) => assert.deepEqual(d, [])],
    ['NUL bytes', '{"properties":[\u0000{"property":"email","value":"a\u0000b"}]}', (d) => assert.ok(d.some((x) => x.code === 'invalid-json'))],
    ['100 000 levels of nesting', '{"properties":' + '['.repeat(100_000) + ']'.repeat(100_000) + '}', (d) => assert.ok(d.some((x) => x.code === 'nesting-too-deep'))],
    ['prototype keys', '{"__proto__":{"properties":1},"constructor":[],"properties":[{"property":"toString","value":"x","__proto__":"y"},{"property":"hasOwnProperty","value":"z"}]}', (d) => {
      assert.deepEqual(d.map((x) => x.code), ['unknown-top-level-key', 'unknown-top-level-key', 'missing-email', 'unknown-property', 'unknown-entry-key', 'unknown-property']);
    }],
    ['a 20 MB file', '{"properties":[' + Array.from({ length: 200_000 }, (_, i) => `{"property":"p${i}","value":"${'x'.repeat(80)}"}`).join(',') + ']}', (d) => {
      assert.deepEqual(d.map((x) => x.code), ['document-too-large']);
    }],
  ];
  for (const [name, text, check] of cases) {
    test(name, async () => {
      const uri = `file:///work/bad-${name.replace(/\W+/g, '-')}.contact.json`;
      await client.open(uri, text);
      check((await client.pushedForVersion(uri)).diagnostics);
      assert.ok(client.alive, `server still running; stderr: ${client.serverStderr}`);
      await client.close(uri);
    });
  }

  test('completion, hover and symbols on a broken document answer with what the name being typed allows', async () => {
    const uri = 'file:///work/broken.contact.json';
    await client.open(uri, '{"properties": [{"property": "em');
    const typed = { start: { line: 0, character: 29 }, end: { line: 0, character: 32 } };
    const completion = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 32 } });
    assert.deepEqual(completion.items[0]?.label, 'email', 'property names, email first');
    assert.deepEqual(completion.items[0]?.textEdit, { range: typed, newText: '"email"' }, 'replacing the unterminated "em');
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 30 } });
    assert.deepEqual(hover, { contents: { kind: 'markdown', value: '`em` is not in the property catalog (HubSpot default contact properties (bundled)).' }, range: typed });
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols.map((s) => [s.name, s.detail, s.children?.map((c) => [c.name, c.selectionRange])]), [['properties', '1 entry', [['em = ?', typed]]]]);
    assert.ok(client.alive);
  });
});

describe('custom messages', () => {
  let client: LspTestClient;
  before(async () => { client = await LspTestClient.start(CLIENT_PROFILES.pushPlainText); });
  after(() => client.stop());

  test('payload summary gives the shape, the saved id and the property count, in either shape', async () => {
    const uri = 'file:///work/summary.contact.json';
    await client.open(uri, '\n{"vid": 61574, "properties": [{"property":"email","value":"a@b.co"}]}');
    assert.deepEqual(await client.request('contactPayloads/payloadSummary', { uri }), { shape: 'v1', vid: 61574, entryCount: 1, line: 1 });
    await client.change(uri, '{"vid": "x", "properties": []}');
    assert.deepEqual(await client.request('contactPayloads/payloadSummary', { uri }), { shape: 'v1', entryCount: 0, line: 0 });
    await client.change(uri, '{"id": "61574", "properties": {"email": "a@b.co", "firstname": "Ada"}}');
    assert.deepEqual(await client.request('contactPayloads/payloadSummary', { uri }), { shape: 'objects', vid: 61574, entryCount: 2, line: 0 });
    await client.change(uri, '{"id": 61574, "vid": 61574, "properties": {}}');
    assert.deepEqual(await client.request('contactPayloads/payloadSummary', { uri }), { shape: 'objects', entryCount: 0, line: 0 }, 'a number is no CRM objects id, and vid is v1\'s key');
  });

  test('malformed custom messages from a client are ignored, not fatal', async () => {
    const uri = 'file:///work/malformed.contact.json';
    await client.open(uri, '{"properties": [{"property":"email","value":"a@b.co"}, {"property":"city","value":"x"}]}');
    await client.pushedForVersion(uri);
    await client.connection.sendNotification('contactPayloads/hubspotRejection', { uri, rejected: [null, { name: 5 }, 'city'] });
    await client.connection.sendNotification('contactPayloads/hubspotRejection', null);
    await client.connection.sendNotification('contactPayloads/catalog', { source: null, properties: [null, { name: 'city' }, { name: 'email', label: 'Email', type: 'string', fieldType: 'text', options: 'x' }] });
    // With that catalog, city is unknown (an error: a portal catalog) and the malformed entries are gone.
    const after = await client.pushedDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'unknown-property'));
    assert.deepEqual(after.diagnostics.map((d) => [d.code, d.severity]), [['unknown-property', 1]]);
    assert.ok(client.alive, `server still running; stderr: ${client.serverStderr}`);
    await client.connection.sendNotification('contactPayloads/catalog', { source: { kind: 'bundled', description: 'bundled' } });
    await client.close(uri);
  });

  test("HubSpot's rejections show on the entry until it changes", async () => {
    const uri = 'file:///work/rejected.contact.json';
    const text = '{"properties": [{"property":"email","value":"a@b.co"}, {"property":"favorite_color","value":"teal"}]}';
    await client.open(uri, text);
    await client.pushedForVersion(uri);
    await client.connection.sendNotification('contactPayloads/hubspotRejection', {
      uri, rejected: [{ name: 'favorite_color', value: 'teal', error: 'INVALID_OPTION', message: 'teal was not one of the allowed options' }],
    });
    const shown = await client.pushedDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'hubspot-rejected'));
    const rejection = shown.diagnostics.find((d) => d.code === 'hubspot-rejected')!;
    assert.equal(rejection.severity, 1);
    assert.equal(rejection.message, 'HubSpot rejected this (INVALID_OPTION): teal was not one of the allowed options');
    assert.equal(text.slice(rejection.range.start.character, rejection.range.end.character), '"teal"');

    await client.change(uri, text.replace('teal', 'blue'));
    const after = await client.pushedForVersion(uri);
    assert.ok(!after.diagnostics.some((d) => d.code === 'hubspot-rejected'), 'gone once the value changed');
  });
});

describe('a portal catalog pushed by the client', () => {
  let client: LspTestClient;
  before(async () => { client = await LspTestClient.start(CLIENT_PROFILES.pushPlainText); });
  after(() => client.stop());

  test('replaces the bundled defaults without a restart and re-checks open documents', async () => {
    const uri = 'file:///work/portal.contact.json';
    const text = '{"properties": [{"property":"email","value":"a@b.co"}, {"property":"favorite_color","value":"teal"}, {"property":"frstname","value":"Ada"}]}';
    await client.open(uri, text);
    const before = await client.pushedForVersion(uri);
    assert.deepEqual(before.diagnostics.map((d) => [d.code, d.severity]), [['unknown-property', 2], ['unknown-property', 2]]);

    await client.connection.sendNotification('contactPayloads/catalog', {
      source: { kind: 'portal', description: 'portal 62515 (api.hubapi.com)' },
      properties: [
        { name: 'email', label: 'Email', type: 'string', fieldType: 'text' },
        { name: 'firstname', label: 'First Name', type: 'string', fieldType: 'text' },
        { name: 'favorite_color', label: 'Favorite color', type: 'enumeration', fieldType: 'select', groupName: 'contactinformation', options: [{ value: 'blue', label: 'Blue' }, { value: 'teal', label: 'Teal', hidden: true }] },
      ],
    });
    const after = await client.pushedDiagnostics(uri, (p) => p.diagnostics.length === 1);
    // The custom property is known and its (hidden) option accepted; the typo is now an error: HubSpot would answer 400.
    assert.deepEqual(after.diagnostics.map((d) => [d.code, d.severity]), [['unknown-property', 1]]);
    assert.match(messageOf(after.diagnostics[0]), /this portal has no such property.*Did you mean "firstname"\?/);

    const completion = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: text.indexOf('"teal"') + 1 } });
    assert.deepEqual(completion.items.map((i) => i.label), ['blue'], 'hidden options are accepted but not offered');

    await client.connection.sendNotification('contactPayloads/catalog', { source: { kind: 'bundled', description: 'HubSpot default contact properties (bundled)' } });
    const back = await client.pushedDiagnostics(uri, (p) => p.diagnostics.length === 2);
    assert.deepEqual(back.diagnostics.map((d) => d.severity), [2, 2]);
  });
});

for (const [profile, how] of [['pullAndSnippets', 'workspace/configuration'], ['pushPlainText', 'initializationOptions']] as const) {
  test(`syntaxErrors: false, through ${how}, leaves syntax errors to the editor's JSON support and checks the rest`, async () => {
    const client = await LspTestClient.start(CLIENT_PROFILES[profile], { syntaxErrors: false });
    try {
      if (profile === 'pullAndSnippets') await client.settingsAnswered();
      const uri = `file:///work/no-syntax-${profile}.contact.json`;
      const text = '{"properties": [{"property":"email","value":"a@b.co"} {"property":"lifecyclestage","value":"Lead"}]}';
      await client.open(uri, text);
      const diagnostics = profile === 'pullAndSnippets' ? await client.pullDiagnostics(uri) : (await client.pushedForVersion(uri)).diagnostics;
      assert.deepEqual(diagnostics.map((d) => d.code), ['invalid-option']);
    } finally {
      await client.stop();
    }
  });
}

test('shutdown then exit ends the process with code 0', async () => {
  const client = await LspTestClient.start(CLIENT_PROFILES.pushPlainText);
  assert.equal(await client.shutdown(), 0);
});

test('the server exits by itself when its input closes, as when the editor goes away without a shutdown', async () => {
  const client = await LspTestClient.start(CLIENT_PROFILES.pushPlainText);
  client.process.stdin.end();
  assert.ok(await client.closesWithin(5_000), 'server still running 5 s after its input closed');
  assert.notEqual(client.process.exitCode, 0, 'an exit without shutdown is not a clean one');
  await client.stop();
});
