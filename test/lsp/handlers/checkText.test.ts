// contactPayloads/checkText over real LSP: the errors of the text about to be sent, counted by the
// engine on that text, whatever the editor's diagnostics say (over the size limit, capped, never opened).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ResponseError } from 'vscode-jsonrpc';
import { CLIENT_PROFILES, LspTestClient } from '../lspClient';

/** Small limits, so that a short file is over the size limit and a cap of one hides the rest. */
const SETTINGS = { maxDocumentSize: 1024, maxDiagnostics: 1, syntaxErrors: false };

const entries = (values: readonly string[]) => values.map((value) => `{"property":"email","value":${JSON.stringify(value)}}`).join(',');

describe('checkText', () => {
  let client: LspTestClient;
  before(async () => { client = await LspTestClient.start(CLIENT_PROFILES.pushPlainText, SETTINGS); });
  after(() => client.stop());

  const checkText = (uri: string, text: string) => client.request<{ errorCount: number }>('contactPayloads/checkText', { uri, text });

  test('a file over maxDocumentSize has only the too-large diagnostic, and its invalid email still counts as an error', async () => {
    const uri = 'file:///work/large.contact.json';
    const text = `{"filler":"${'x'.repeat(1100)}","properties":[${entries(['not-an-email'])}]}`;
    await client.open(uri, text);
    assert.deepEqual((await client.pushedForVersion(uri)).diagnostics.map((d) => d.code), ['document-too-large']);
    assert.deepEqual(await checkText(uri, text), { errorCount: 1 });
  });

  test('every error counts, past the maxDiagnostics cap', async () => {
    const uri = 'file:///work/capped.contact.json';
    const text = `{"properties":[${entries(['a', 'b', 'c'])}]}`;
    await client.open(uri, text);
    const shown = (await client.pushedForVersion(uri)).diagnostics;
    assert.equal(shown.filter((d) => d.severity === 1).length, 3, 'every error shown: the cap of one is on warnings and information');
    assert.deepEqual(await checkText(uri, text), { errorCount: 3 });
  });

  test('a text the server never saw is checked as given; syntax errors count although syntaxErrors is off', async () => {
    assert.deepEqual(await checkText('file:///work/never-opened.contact.json', `{"properties":[${entries(['a@b.co'])}]}`), { errorCount: 0 });
    assert.deepEqual(await checkText('file:///work/never-opened.contact.json', `{"properties":[${entries(['a@b.co'])}`), { errorCount: 1 });
  });

  test('the text sent is checked, not the open version', async () => {
    const uri = 'file:///work/newer.contact.json';
    await client.open(uri, `{"properties":[${entries(['a@b.co'])}]}`);
    await client.pushedForVersion(uri);
    assert.deepEqual(await checkText(uri, `{"properties":[${entries(['broken', 'a@b.co'])}]}`), { errorCount: 1 });
  });

  test("what HubSpot rejected of the file counts, while the entry holds the value sent", async () => {
    const uri = 'file:///work/rejected-check.contact.json';
    const text = `{"properties":[${entries(['a@b.co'])}]}`;
    await client.open(uri, text);
    await client.connection.sendNotification('contactPayloads/hubspotRejection', { uri, rejected: [{ name: 'email', value: 'a@b.co', error: 'INVALID_EMAIL', message: 'taken' }] });
    await client.pushedDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'hubspot-rejected'));
    assert.deepEqual(await checkText(uri, text), { errorCount: 1 });
    assert.deepEqual(await checkText(uri, text.replace('a@b.co', 'c@d.co')), { errorCount: 0 });
  });

  test('params without a string uri and text are refused as invalid params', async () => {
    await assert.rejects(client.request('contactPayloads/checkText', { uri: 'file:///work/x.contact.json' }), (error: unknown) => error instanceof ResponseError && error.code === -32602);
    assert.ok(client.alive);
  });
});
