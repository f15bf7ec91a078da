/// <reference types="mocha" />
// The request history in a real VS Code: a send is recorded with both bodies and its answer, opens
// in the response view from the History view's command, copies as curl with the token left to the
// shell, goes again as it was, and not one byte of the token is in the history's file.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import * as vscode from 'vscode';
import type { HistoryEntry } from '../../../client/src/history/historyEntry';
import { createContact, sandbox, sandboxAccountName, storeSandboxToken } from './helpers';

interface HistoryListing {
  readonly file: string;
  readonly entries: readonly HistoryEntry[];
}

const listHistory = async (): Promise<HistoryListing> => {
  const listing = await vscode.commands.executeCommand<HistoryListing | undefined>('contactPayloads.refreshHistory');
  assert.ok(listing, 'contactPayloads.refreshHistory returns the history');
  return listing;
};

suite('the request history', () => {
  suiteSetup(storeSandboxToken);

  test('a create is recorded with what was sent and answered, opens in the response view, copies as curl, is sent again (409), and the file holds no token', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the launcher opened a workspace folder');
    const uri = vscode.Uri.joinPath(folder.uri, 'history-ada.contact.json');
    await vscode.workspace.fs.writeFile(uri, Buffer.from(JSON.stringify({ properties: [{ property: 'email', value: 'history.ada@example.com' }] }, null, 2)));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));

    const outcome = await createContact(uri);
    assert.equal(outcome?.kind, 'created', outcome?.summary);
    const { file, entries } = await listHistory();
    const tokenCheck = entries.findLast((candidate) => candidate.url.endsWith('/oauth/v2/private-apps/get/access-token-info'));
    assert.ok(tokenCheck, 'storing the token asked HubSpot for its scopes');
    assert.deepEqual([tokenCheck.status, JSON.parse(tokenCheck.requestBody?.text ?? '{}')], [200, { tokenKey: '[token]' }], 'the token it asked about is not in the history');
    const entry = entries.findLast((candidate) => candidate.source === uri.toString());
    assert.ok(entry, `the create is in the history: ${JSON.stringify(entries.map((e) => [e.method, e.url, e.source]))}`);
    assert.deepEqual([entry.method, new URL(entry.url).pathname, entry.status, entry.account], ['POST', '/contacts/v1/contact', 200, sandboxAccountName()]);
    assert.match(entry.requestBody?.text ?? '', /history\.ada@example\.com/);
    assert.match(entry.responseBody?.text ?? '', new RegExp(`"vid":\\s*${outcome?.vid}`));

    const document = await vscode.commands.executeCommand<vscode.TextDocument | undefined>('contactPayloads.openHistoryEntry', { kind: 'entry', entry });
    assert.ok(document, 'the answer opens');
    assert.match(document.getText(), /^\/\/ 200 — POST /);
    assert.match(document.getText(), new RegExp(`"vid": ${outcome?.vid}`));

    const curl = await vscode.commands.executeCommand<string | undefined>('contactPayloads.copyHistoryAsCurl', { kind: 'entry', entry });
    assert.match(curl ?? '', /^curl --request POST '.*\/contacts\/v1\/contact' --header "Authorization: Bearer \$HUBSPOT_ACCESS_TOKEN"/);

    const resent = await vscode.commands.executeCommand<vscode.TextDocument | undefined>('contactPayloads.resendHistoryEntry', { kind: 'entry', entry });
    assert.ok(resent, 'the request went again and its answer opened');
    assert.match(resent.getText(), /^\/\/ 409 — POST .*\/contacts\/v1\/contact\n/, 'the same create again: HubSpot says the contact exists');
    const after = await listHistory();
    assert.equal(after.entries.filter((candidate) => candidate.source === uri.toString()).length, 2, 'the request sent again is recorded too');

    const bytes = fs.readFileSync(file);
    assert.equal(bytes.includes(Buffer.from(sandbox().token)), false, 'the token is not in the history');
    assert.ok(curl !== undefined && !curl.includes(sandbox().token));
  });

  test('Clear Request History empties it', async () => {
    await vscode.commands.executeCommand('contactPayloads.clearHistory');
    assert.deepEqual((await listHistory()).entries, []);
  });
});
