import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createHubSpotClient } from '../../../../client/src/hubspot/hubspotClient';
import { contactLink, responseText } from '../../../../client/src/extension/views/responseText';
import { startTestBed, type TestBed } from '../../support';
import { CREATE_TARGET, updateTarget } from '../../../../client/src/hubspot/contactsApi';

const at = new Date(Date.UTC(2026, 10, 26, 9, 0, 0));
let bed: TestBed;
before(async () => { bed = await startTestBed({ client: { retry: { maxRetries: 0 } } }); });
after(() => bed.close());

test('a create shows status, meaning, rate limits, the link and the pretty body', async () => {
  const outcome = await bed.client.sendContact(CREATE_TARGET, [{ property: 'email', value: 'view@example.com' }]);
  assert.equal(outcome.kind, 'created');
  const text = responseText(outcome, 'view.contact.json', at);
  const lines = text.split('\n');
  assert.match(lines[0], /^\/\/ 200 OK — contact \d+ created in \d+ ms$/);
  assert.equal(lines[1], `// POST ${bed.sandbox.url}/contacts/v1/contact`);
  assert.equal(lines[2], '// from view.contact.json at 2026-11-26T09:00:00.000Z');
  assert.ok(lines.some((l) => /^\/\/ Correlation id: \S+/.test(l)), text);
  assert.ok(lines.some((l) => /^\/\/ Open in HubSpot: http:\/\/127\.0\.0\.1:\d+\//.test(l)), text);
  const body = JSON.parse(lines.filter((l) => !l.startsWith('//')).join('\n')) as { vid: number };
  assert.equal(body.vid, outcome.kind === 'created' ? outcome.vid : -1);
});

test('a 400 lists one line per rejected property', async () => {
  const outcome = await bed.client.sendContact(CREATE_TARGET, [{ property: 'email', value: 'nope' }, { property: 'lifecyclestage', value: 'Lead' }]);
  assert.equal(outcome.kind, 'validationFailed');
  const text = responseText(outcome, 'bad.contact.json', at);
  assert.match(text, /^\/\/ {3}email: INVALID_EMAIL — .+$/m);
  assert.match(text, /^\/\/ {3}lifecyclestage: INVALID_OPTION — .+$/m);
});

test('a 204 update says there is no content', async () => {
  const created = await bed.client.sendContact(CREATE_TARGET, [{ property: 'email', value: 'upd@example.com' }]);
  assert.equal(created.kind, 'created');
  const outcome = await bed.client.sendContact(updateTarget(created.kind === 'created' ? created.vid : 0), [{ property: 'city', value: 'Lyon' }]);
  assert.equal(outcome.kind, 'updated');
  assert.match(responseText(outcome, 'upd.contact.json', at), /\n\/\/ \(no content\)\n$/);
});

test('a 409 after a lost attempt that cannot be settled says so and offers the update', async () => {
  const existing = bed.sandbox.contacts.create({ email: 'open@example.com' }, bed.clock.now() - 3_600_000);
  const retrying = createHubSpotClient({ baseUrl: bed.sandbox.url, token: bed.sandbox.token, env: {}, sleep: bed.sleeper.sleep, now: bed.clock.now });
  try {
    bed.sandbox.inject({ route: 'createContact', status: 503 });
    bed.sandbox.inject({ route: 'getContact', status: 500 });
    const outcome = await retrying.sendContact(CREATE_TARGET, [{ property: 'email', value: 'open@example.com' }]);
    assert.equal(outcome.kind, 'existsMaybeCreated');
    const lines = responseText(outcome, 'open.contact.json', at).split('\n');
    assert.match(lines[0] ?? '', new RegExp(`^// 409 Conflict — contact ${existing.vid} has this email, and whether the earlier attempt whose answer was lost created it cannot be told: `));
    assert.ok(lines.includes(`// Contact ${existing.vid} may have existed before this file was sent, or been created by the attempt whose answer was lost`), lines.join('\n'));
    assert.ok(lines.includes('// "Update it instead" sends this file as an update of it, which applies its values either way; "Save id to file" keeps the id'), lines.join('\n'));
    assert.ok(!lines.some((line) => line.startsWith('// Open in HubSpot')), 'no link: it is not known to be this file\'s contact');
  } finally {
    await retrying.close();
  }
});

test('a profile-url that is not a HubSpot app address is neither offered nor left linkable in the body', async () => {
  for (const profileUrl of ['https://phish.example/contacts/62515/contact/777', 'http://app.hubspot.com/contacts/62515/contact/777', 'http://127.0.0.1:1/contacts/62515/contact/777']) {
    bed.sandbox.inject({ route: 'createContact', status: 200, body: { vid: 777, 'portal-id': 62515, 'profile-url': profileUrl, properties: {} } });
    const outcome = await bed.client.sendContact(CREATE_TARGET, [{ property: 'email', value: 'phish@example.com' }]);
    assert.ok(outcome.kind === 'created');
    assert.equal(contactLink(outcome), undefined, profileUrl);
    const text = responseText(outcome, 'phish.contact.json', at);
    assert.ok(!text.includes('Open in HubSpot'), text);
    // VS Code links every scheme://… it sees in a text editor, this view included.
    assert.ok(!text.includes(profileUrl), text);
    assert.ok(text.includes(`// profile-url not linked: it is not a HubSpot app address (${profileUrl.replace('://', '[://]')})`), text);
  }
});

test('HubSpot app addresses are linked, whichever region', async () => {
  for (const profileUrl of ['https://app.hubspot.com/contacts/62515/contact/778', 'https://app-eu1.hubspot.com/contacts/62515/contact/778']) {
    bed.sandbox.inject({ route: 'createContact', status: 200, body: { vid: 778, 'portal-id': 62515, 'profile-url': profileUrl, properties: {} } });
    const outcome = await bed.client.sendContact(CREATE_TARGET, [{ property: 'email', value: 'real@example.com' }]);
    assert.equal(contactLink(outcome), profileUrl);
    assert.ok(responseText(outcome, 'real.contact.json', at).includes(`// Open in HubSpot: ${profileUrl}\n`));
  }
});
