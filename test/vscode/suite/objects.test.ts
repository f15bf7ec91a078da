/// <reference types="mocha" />
// CRM objects files (`{"properties": {…}}`) sent from a real VS Code to the sandbox's CRM objects API:
// create (201), Save id, update (200), a 400 on a member's value. Editing them: objectsEditing.test.ts.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  codeLensTitles, codeOf, createContact, describeDiagnostic, diagnosticsFor, injectFault, openFixture, rangeOf,
  replaceText, responseDocument, sandboxAccountLens, sandboxRequests, storeSandboxToken, updateContact,
} from './helpers';

suite('CRM objects files', () => {
  suite('sending to the CRM objects API (the sandbox)', () => {
    suiteSetup(async () => {
      assert.equal(vscode.workspace.isTrusted, true, 'the launcher opened a trusted folder');
      await storeSandboxToken();
    });

    /** The id of the contact objects-create.contact.json made, for the tests after the create. */
    let createdId: number | undefined;
    const idOfCreate = (): number => {
      assert.ok(createdId !== undefined, 'needs the id of the create test before it');
      return createdId;
    };

    test('create: POST /crm/objects/2026-09/contacts, 201 and the id in the response view', async () => {
      const { uri } = await openFixture('objects-create.contact.json');
      const outcome = await createContact(uri);
      assert.ok(outcome, 'the command returns the outcome');
      assert.equal(outcome.kind, 'created', outcome.summary);
      assert.equal(outcome.status, 201);
      assert.ok(typeof outcome.vid === 'number' && outcome.vid > 0, `an id: ${outcome.vid}`);
      createdId = outcome.vid;
      const create = (await sandboxRequests()).findLast((request) => request.route === 'createContact');
      assert.equal(`${create?.method} ${create?.path}`, 'POST /crm/objects/2026-09/contacts', 'the setting\'s default version');
      assert.deepEqual(JSON.parse(create!.bodyText), { properties: { email: 'created-objects@example.com', firstname: 'Katherine' } });
      const response = await responseDocument(uri, (text) => text.startsWith('// 201') && text.includes(`"id": "${outcome.vid}"`), 'shows 201 and the id');
      console.log(`    response view: ${JSON.stringify(response.getText().split('\n').slice(0, 3))}`);
      assert.deepEqual(await codeLensTitles(uri), [sandboxAccountLens(), 'Create contact', 'Update by id…']);
    });

    test('"Save id to file" writes "id" as a string, first key; the CodeLens then updates that id', async () => {
      const id = idOfCreate();
      const { uri, document } = await openFixture('objects-create.contact.json');
      assert.equal(await vscode.commands.executeCommand<boolean>('contactPayloads.saveVid', uri, id), true, 'the command applied its edit');
      assert.equal((JSON.parse(document.getText()) as { id?: unknown }).id, String(id), `the file holds "id": "${id}": ${document.getText()}`);
      assert.match(document.lineAt(1).text, new RegExp(`^\\s*"id": "${id}",$`), 'the id is the first key');
      assert.equal(document.isDirty, true, 'a normal edit, not saved behind the user’s back');
      assert.deepEqual(await codeLensTitles(uri), [sandboxAccountLens(), 'Create contact', `Update id ${id}`]);
      await diagnosticsFor(uri, (ds) => ds.length === 0);
    });

    test('update with the saved id: PATCH …/contacts/{id}, 200; the id stays in the file', async () => {
      const id = idOfCreate();
      const { uri, document } = await openFixture('objects-create.contact.json');
      await replaceText(document, '"Katherine"', '"Katherine G."');
      const outcome = await updateContact(uri);
      assert.ok(outcome, 'the command returns the outcome');
      assert.equal(outcome.kind, 'updated', outcome.summary);
      assert.equal(outcome.status, 200);
      await responseDocument(uri, (text) => text.startsWith('// 200') && text.includes('Katherine G.'), 'shows 200 and the updated object');
      const update = (await sandboxRequests()).findLast((request) => request.route === 'updateContact');
      assert.equal(`${update?.method} ${update?.path}`, `PATCH /crm/objects/2026-09/contacts/${id}`);
      assert.deepEqual(JSON.parse(update!.bodyText), { properties: { email: 'created-objects@example.com', firstname: 'Katherine G.' } }, 'only the properties: the saved id is never sent');
    });

    test('400: the per-property results inside HubSpot\'s message become a diagnostic on the member\'s value', async () => {
      const { uri, document } = await openFixture('objects-rejected.contact.json');
      const message = 'lead was not one of the allowed options: [subscriber, customer]';
      const results = [{ isValid: false, message, error: 'INVALID_OPTION', name: 'lifecyclestage' }];
      await injectFault({
        route: 'createContact',
        status: 400,
        body: { status: 'error', category: 'VALIDATION_ERROR', correlationId: 'e2e-objects-400', message: `Property values were not valid: ${JSON.stringify(results)}` },
      });
      const rejected = diagnosticsFor(uri, (ds) => ds.some((d) => codeOf(d) === 'hubspot-rejected'));
      const outcome = await createContact(uri);
      assert.ok(outcome, 'the command returns the outcome');
      assert.equal(outcome.kind, 'validationFailed', outcome.summary);
      assert.equal(outcome.status, 400);
      const diagnostic = (await rejected).find((d) => codeOf(d) === 'hubspot-rejected');
      assert.ok(diagnostic);
      console.log(`    hubspot-rejected: ${describeDiagnostic(diagnostic)}`);
      assert.deepEqual(diagnostic.range, rangeOf(document, '"lead"'), 'on the value of the lifecyclestage member');
      assert.equal(diagnostic.message, `HubSpot rejected this (INVALID_OPTION): ${message}`);
      const gone = diagnosticsFor(uri, (ds) => !ds.some((d) => codeOf(d) === 'hubspot-rejected'));
      await replaceText(document, '"lead"', '"customer"');
      await gone;
    });
  });
});
