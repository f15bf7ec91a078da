// What the editor does with a CRM objects file, without VS Code: the file read as the send command
// reads it (send/), sent through the CRM objects API to the sandbox over real HTTP, and the answer as
// the response view shows it (responseText), HubSpot's 400 results as the hubspot-rejected diagnostics
// get them, and the edit "Save id to file" makes.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { CREATE_TARGET, type ContactTarget } from '../../../client/src/hubspot/contactsApi';
import { contactsObjectsApi } from '../../../client/src/hubspot/contactsObjects';
import { createHubSpotClient } from '../../../client/src/hubspot/hubspotClient';
import type { ContactOutcome } from '../../../client/src/hubspot/outcome';
import { responseText } from '../../../client/src/extension/views/responseText';
import { bodyExtrasFor } from '../../../client/src/send/associations';
import { withId } from '../../../client/src/send/idEdit';
import { readPayload, rejectedProperties, type Payload } from '../../../client/src/send/payloadBody';
import { chooseUpdateTarget } from '../../../client/src/send/updateTarget';
import { startTestBed, type TestBed } from '../support';

const at = new Date(Date.UTC(2026, 11, 1, 9, 0, 0));
let bed: TestBed;
before(async () => {
  bed = await startTestBed({ client: { api: contactsObjectsApi('2026-09'), retry: { maxRetries: 0 } } });
});
after(() => bed.close());
beforeEach(() => bed.reset());

function payload(text: string): Payload {
  const read = readPayload(text);
  assert.ok(read.ok, text);
  assert.equal(read.shape, 'objects');
  return read;
}

/** As the send command does it: the file's properties, and its associations when the target takes them. */
function send(file: Payload, target: ContactTarget): Promise<ContactOutcome> {
  return bed.client.sendContact(target, file.properties, { extras: bodyExtrasFor(file, target.operation).extras });
}

/** The response view's comment lines and its body. */
function view(outcome: ContactOutcome): { readonly comments: string[]; readonly body: string } {
  const lines = responseText(outcome, 'ada.contact.json', at).split('\n');
  return { comments: lines.filter((l) => l.startsWith('//')), body: lines.filter((l) => !l.startsWith('//')).join('\n') };
}

describe('the response view of a CRM objects send', () => {
  it('201: the new id, the request line, the object HubSpot answered with; "Save id to file" writes "id" as a string', async () => {
    const text = '{\n  "properties": {\n    "email": "ada@example.com",\n    "firstname": "Ada"\n  }\n}\n';
    const outcome = await send(payload(text), CREATE_TARGET);
    assert.equal(outcome.kind, 'created');
    const id = outcome.kind === 'created' ? outcome.vid : 0;
    const { comments, body } = view(outcome);
    assert.match(comments[0] ?? '', new RegExp(`^// 201 Created — contact ${id} created in \\d+ ms$`));
    assert.equal(comments[1], `// POST ${bed.sandbox.url}/crm/objects/2026-09/contacts`);
    assert.equal((JSON.parse(body) as { id: string }).id, String(id));
    assert.equal(withId(text, 'objects', id), text.replace('{\n', `{\n  "id": "${id}",\n`));
  });

  it('200: an update by the saved id is a PATCH of that id, and says so', async () => {
    const created = await send(payload('{"properties": {"email": "upd@example.com"}}'), CREATE_TARGET);
    assert.ok(created.kind === 'created');
    const file = payload(`{"id": "${created.vid}", "properties": {"city": "Lyon"}}`);
    const target = chooseUpdateTarget(undefined, file);
    assert.ok(target.ok);
    const outcome = await send(file, target.target);
    const { comments } = view(outcome);
    assert.match(comments[0] ?? '', new RegExp(`^// 200 OK — contact ${created.vid} updated in \\d+ ms$`));
    assert.equal(comments[1], `// PATCH ${bed.sandbox.url}/crm/objects/2026-09/contacts/${created.vid}`);
  });

  it('an update sends no associations (the request body has none); a create sends them', async () => {
    const associations = [{ to: { id: '101' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 279 }] }];
    const file = payload(JSON.stringify({ properties: { email: 'assoc@example.com' }, associations }));
    const created = await send(file, CREATE_TARGET);
    assert.ok(created.kind === 'created');
    const updated = await send(file, { operation: 'update', id: created.vid });
    assert.equal(updated.kind, 'updated');
    const [create, update] = bed.sandbox.requests.map((request) => JSON.parse(request.bodyText) as Record<string, unknown>);
    assert.deepEqual(create?.associations, associations);
    assert.deepEqual(Object.keys(update ?? {}), ['properties']);
  });

  it('400: one line per rejected property, and the values sent for them, as the diagnostics take them', async () => {
    const file = payload('{"properties": {"email": "bad@example.com", "lifecyclestage": "Lead"}}');
    const outcome = await send(file, CREATE_TARGET);
    assert.ok(outcome.kind === 'validationFailed');
    assert.ok(view(outcome).comments.some((l) => /^\/\/ {3}lifecyclestage: INVALID_OPTION — .+/.test(l)), view(outcome).comments.join('\n'));
    assert.deepEqual(rejectedProperties(outcome.results, file.properties).map(({ name, value, error }) => ({ name, value, error })), [
      { name: 'lifecyclestage', value: 'Lead', error: 'INVALID_OPTION' },
    ]);
  });

  it('409: the existing contact\'s id, offered for "Update it instead" and "Save id to file"', async () => {
    const file = payload('{"properties": {"email": "twice@example.com"}}');
    const first = await send(file, CREATE_TARGET);
    assert.ok(first.kind === 'created');
    const second = await send(file, CREATE_TARGET);
    assert.ok(second.kind === 'alreadyExists');
    assert.equal(second.vid, first.vid);
    assert.ok(view(second).comments.includes(`// Existing contact: id ${first.vid} ("Update it instead" sends this file as an update of it)`), view(second).comments.join('\n'));
  });

  it('404: no contact with the id, or with the email an update by email was addressed to', async () => {
    const byId = await send(payload('{"properties": {"city": "Lyon"}}'), { operation: 'update', id: 999999 });
    assert.match(view(byId).comments[0] ?? '', /^\/\/ 404 Not Found — no contact with id 999999$/);
    const file = payload('{"properties": {"email": "nobody@example.com"}}');
    const choice = chooseUpdateTarget(undefined, file);
    assert.deepEqual(choice, { ok: false, problem: 'the file has no "id"', email: 'nobody@example.com' });
    const byEmail = await send(file, { operation: 'update', email: 'nobody@example.com' });
    assert.equal(view(byEmail).comments[1], `// PATCH ${bed.sandbox.url}/crm/objects/2026-09/contacts/nobody%40example.com?idProperty=email`);
    assert.match(view(byEmail).comments[0] ?? '', /^\/\/ 404 Not Found — no contact with email nobody@example\.com$/);
  });

  it('401, 403, 429 and 5xx: each says what happened and what to do', async () => {
    const file = payload('{"properties": {"email": "status@example.com"}}');
    const wrongToken = createHubSpotClient({ baseUrl: bed.sandbox.url, token: 'pat-na1-wr0ng000-3333-4bad-9ood-70ken0000obj', env: {}, api: contactsObjectsApi('2026-09'), retry: { maxRetries: 0 } });
    try {
      const unauthorized = await wrongToken.sendContact(CREATE_TARGET, file.properties);
      assert.equal(unauthorized.kind, 'unauthorized');
      assert.ok(view(unauthorized).comments.includes('// Set a new token with "HubSpot Contacts: Set Access Token".'));
    } finally {
      await wrongToken.close();
    }
    bed.sandbox.inject({ route: 'createContact', status: 403, body: { status: 'error', category: 'MISSING_SCOPES', message: 'missing', errors: [{ context: { requiredScopes: ['crm.objects.contacts.write'] } }] } });
    const forbidden = await send(file, CREATE_TARGET);
    assert.equal(forbidden.kind, 'forbidden');
    assert.ok(view(forbidden).comments.includes('// Give the private app these scopes in HubSpot: crm.objects.contacts.write'), view(forbidden).comments.join('\n'));
    bed.sandbox.inject({ route: 'createContact', status: 429, headers: { 'retry-after': '5' } });
    const limited = await send(file, CREATE_TARGET);
    assert.equal(limited.kind, 'rateLimited');
    assert.match(view(limited).comments[0] ?? '', /^\/\/ 429 /);
    bed.sandbox.inject({ route: 'createContact', status: 503 });
    const failed = await send(file, CREATE_TARGET);
    assert.equal(failed.kind, 'serverError');
    assert.match(view(failed).comments[0] ?? '', /^\/\/ 503 .*the contact may have been created/);
  });
});
