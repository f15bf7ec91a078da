// The sandbox holds seed sets of 100 000 contacts (issue 13): finding a contact by email must not
// scan the whole portal, or a batch against a large portal takes seconds and a seed run hours.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startSandbox, type Sandbox } from '../sandbox/sandbox';
import { useSandbox } from './support';

const PORTAL_CONTACTS = 100_000;
const REQUEST_DEADLINE_MS = 10_000;

describe('sandbox at seed-set scale', () => {
  let sandbox: Sandbox;
  useSandbox((started) => (sandbox = started));

  // How long it takes is bench/seed's to measure (its 100 000-contact run); here, an outer bound only.
  it('a batch upsert of 100 new contacts into a portal of 100 000 creates them beside the others', { timeout: 60_000 }, async () => {
    for (let index = 0; index < PORTAL_CONTACTS; index++) sandbox.contacts.create({ email: `held${index}@example.com` });
    const inputs = Array.from({ length: 100 }, (_, index) => ({ idProperty: 'email', id: `new${index}@example.com`, properties: { firstname: 'New' } }));
    const response = await fetch(`${sandbox.url}/crm/v3/objects/contacts/batch/upsert`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sandbox.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ inputs }),
      signal: AbortSignal.timeout(REQUEST_DEADLINE_MS),
    });
    const answer = (await response.json()) as { results: { new: boolean }[] };
    assert.equal(response.status, 200);
    assert.deepEqual([answer.results.length, answer.results.every((result) => result.new)], [100, true]);
    assert.equal(sandbox.contacts.size, PORTAL_CONTACTS + 100);
    assert.ok(sandbox.contacts.findByEmail('held99999@example.com'), 'the portal\'s own contacts are still found');
  });
});

describe('sandbox contact store: finding by email', () => {
  it('finds a contact by its email in any case, and by its new email once an update changes it, not by the old', async () => {
    const sandbox = await startSandbox();
    try {
      const contact = sandbox.contacts.create({ email: 'Before@Example.com' });
      assert.equal(sandbox.contacts.findByEmail('before@example.COM'), contact);
      sandbox.contacts.update(contact, [{ name: 'email', value: 'after@example.com' }]);
      assert.equal(sandbox.contacts.findByEmail('before@example.com'), undefined);
      assert.equal(sandbox.contacts.findByEmail('AFTER@example.com'), contact);
    } finally {
      await sandbox.stop();
    }
  });
});
