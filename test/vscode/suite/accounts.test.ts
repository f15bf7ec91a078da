/// <reference types="mocha" />
// Accounts in the editor, against two sandbox portals: the upgrade made the launcher's base URL
// setting the first account; a second portal is added as "Staging" (HubSpot names its portal and
// scopes at once), a send goes to it and not to the first; switching moves the CodeLens; a production
// account is marked; a token without the contacts write scope is flagged when its account is added.
// The launcher (exthost.test.ts) confirms the boxes that show what was handed to Add Account. The
// questions before a send to production are modal dialogs, which VS Code refuses while a test suite
// runs: the browser test (ui.test.ts) answers them, and removes an account.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { STAGING_SANDBOX_VARIABLE } from './env';
import { codeLensTitles, createContact, openFixture, sandboxAccountLens, sandboxAccountName, SANDBOX_PORTAL, sandboxRequests, storeSandboxToken } from './helpers';

/** What the extension's Add Account returns (its Account). */
interface AddedAccount {
  readonly id: string;
  readonly name: string;
  readonly baseUrl: string;
  readonly production: boolean;
  readonly portal?: { readonly portalId?: number; readonly scopes?: readonly string[] };
}

/** The second sandbox the launcher started: another portal. */
function staging(): { url: string; token: string; readOnlyToken: string; portalId: number } {
  const raw = process.env[STAGING_SANDBOX_VARIABLE];
  if (!raw) throw new Error(`${STAGING_SANDBOX_VARIABLE} is not set: this suite needs a second sandbox — run it through test/vscode/exthost.test.ts`);
  return JSON.parse(raw) as ReturnType<typeof staging>;
}

async function stagingRoutes(): Promise<string[]> {
  const response = await fetch(`${staging().url}/__sandbox/requests`);
  return ((await response.json()) as { route: string }[]).map((request) => request.route);
}

function addAccount(account: { name: string; baseUrl: string; token: string; production?: boolean }): Thenable<AddedAccount | undefined> {
  return vscode.commands.executeCommand<AddedAccount | undefined>('contactPayloads.addAccount', account);
}

function folderUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the launcher opened a workspace folder');
  return vscode.Uri.joinPath(folder.uri, name);
}

suite('accounts (two sandbox portals)', () => {
  suiteSetup(async () => {
    assert.equal(vscode.workspace.isTrusted, true, 'the launcher opened a trusted folder');
    await storeSandboxToken();
  });

  // The other suites send to the first sandbox's account.
  suiteTeardown(async () => {
    assert.equal(await vscode.commands.executeCommand<boolean>('contactPayloads.switchAccount', sandboxAccountName()), true);
  });

  test("the upgrade made the base URL setting an account, named after its host, whose portal its token's check named", async () => {
    const { uri } = await openFixture('create.contact.json');
    const titles = await codeLensTitles(uri);
    assert.equal(titles[0], sandboxAccountLens(), `the lens names the account and portal ${SANDBOX_PORTAL}: ${JSON.stringify(titles)}`);
  });

  test('Add Account: the second portal as "Staging", with its portal id and scopes from HubSpot; a send goes there and only there', async () => {
    const added = await addAccount({ name: 'Staging', baseUrl: staging().url, token: staging().token });
    assert.ok(added, 'the account was added (the launcher confirmed the box showing the handed account)');
    assert.equal(added.portal?.portalId, staging().portalId, 'HubSpot named its portal');
    assert.ok(added.portal?.scopes?.includes('crm.objects.contacts.write'), `its scopes: ${JSON.stringify(added.portal?.scopes)}`);
    assert.equal(added.production, false);
    const { uri } = await openFixture('accounts/staging.contact.json');
    assert.equal((await codeLensTitles(uri))[0], `$(account) Staging · ${staging().portalId}`, 'the new account is the active one');
    const before = (await sandboxRequests()).filter((request) => request.route === 'createContact').length;
    const outcome = await createContact(uri);
    assert.equal(outcome?.kind, 'created', outcome?.summary);
    assert.ok((await stagingRoutes()).includes('createContact'), 'the create went to the second portal');
    assert.equal((await sandboxRequests()).filter((request) => request.route === 'createContact').length, before, 'and not to the first');
  });

  test('Switch Account by name moves the CodeLens back; a name not added is refused', async () => {
    assert.equal(await vscode.commands.executeCommand<boolean>('contactPayloads.switchAccount', sandboxAccountName()), true);
    const { uri } = await openFixture('accounts/staging.contact.json');
    assert.equal((await codeLensTitles(uri))[0], sandboxAccountLens());
    assert.equal(await vscode.commands.executeCommand<boolean>('contactPayloads.switchAccount', 'Nobody'), false);
    assert.equal((await codeLensTitles(uri))[0], sandboxAccountLens(), 'still the same account');
  });

  test('an account marked production is marked in the CodeLens, and the plan of a seed set to it names it', async () => {
    const live = await addAccount({ name: 'Live', baseUrl: staging().url, token: staging().token, production: true });
    assert.equal(live?.production, true);
    const { uri } = await openFixture('accounts/live.contact.json');
    assert.equal((await codeLensTitles(uri))[0], `$(warning) Live · ${staging().portalId} (production)`);
    // Sending to it asks first, always: VS Code refuses modal dialogs while a test suite runs, so the
    // browser test (test/vscode/ui.test.ts) answers them — declines one, sends one, types a portal id.
    const plan = await vscode.commands.executeCommand<{ account: { portalId?: number; name?: string } } | undefined>('contactPayloads.sendSeedSet', folderUri('accounts/live-set'));
    assert.equal(plan?.account.portalId, staging().portalId);
    assert.equal(plan?.account.name, 'Live', 'the plan names the account');
  });

  test('a token that cannot write contacts is flagged when its account is added', async () => {
    const reader = await addAccount({ name: 'Reader', baseUrl: staging().url, token: staging().readOnlyToken });
    assert.ok(reader?.portal?.scopes, 'HubSpot described the token');
    assert.equal(reader.portal.scopes.includes('crm.objects.contacts.write'), false, `no write scope: ${JSON.stringify(reader.portal.scopes)}`);
    const { uri } = await openFixture('accounts/staging.contact.json');
    assert.equal((await codeLensTitles(uri))[0], `$(account) Reader · ${staging().portalId}`);
  });
});
