// A create resent after an attempt whose answer was lost meets 409 "a contact with this email
// exists". Whether that lost attempt made the contact is settled by reading it and comparing when
// HubSpot added it with when the attempt started, on HubSpot's clock (its Date header); when the read
// cannot settle it, the outcome says so instead of claiming a creation or a conflict.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createHubSpotClient } from '../../../client/src/hubspot/hubspotClient';
import { contact, withBed, type TestBed } from '../support';
import { CREATE_TARGET } from '../../../client/src/hubspot/contactsApi';
import { contactsObjectsApi } from '../../../client/src/hubspot/contactsObjects';

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;


/** What the sandbox was asked, as "ROUTE STATUS" (a dropped connection has no status). */
const exchanges = (bed: TestBed): string[] => bed.sandbox.requests.map((request) => `${request.route} ${request.status ?? 'dropped'}`);

describe('503, then 409 on the retry', () => {
  it('the lost attempt created the contact: created on an earlier attempt, with this file\'s values', () =>
    withBed({}, async (bed) => {
      bed.sandbox.inject({ route: 'createContact', status: 503, handleFirst: true });
      const outcome = await bed.client.sendContact(CREATE_TARGET, contact('lost503@example.com', { firstname: 'Lin' }));

      const stored = bed.sandbox.contacts.findByEmail('lost503@example.com');
      assert.ok(stored);
      assert.deepEqual(exchanges(bed), ['createContact 503', 'createContact 409', 'getContact 200']);
      assert.equal(bed.sandbox.requests[2]?.path, `/contacts/v1/contact/vid/${stored.vid}/profile`);
      assert.ok(outcome.kind === 'created', outcome.summary);
      assert.equal(outcome.vid, stored.vid);
      assert.equal(outcome.createdOnEarlierAttempt, true);
      // The read brings what the lost answer would have said.
      assert.equal(outcome.portalId, 62515);
      assert.equal(outcome.profileUrl, `${bed.sandbox.url}/contacts/62515/contact/${stored.vid}`);
      assert.equal(outcome.mayHaveBeenApplied, false);
      assert.equal(
        outcome.summary,
        `409 Conflict — contact ${stored.vid} was created by an earlier attempt whose answer was lost; HubSpot applied that request, so it holds this file's values (after 1 retry)`,
      );
      // In the order it happened: the 409 as HubSpot answered it, then the read that settled it.
      assert.deepEqual(bed.logs.map((entry) => `${entry.method} ${entry.status ?? '-'} ${entry.outcome ?? 'read'}`), ['POST 503 serverError', 'POST 409 alreadyExists', 'GET 200 read']);
    }));

  it('the contact existed before the first attempt: a plain conflict, nothing of this file applied', () =>
    withBed({}, async (bed) => {
      const existing = bed.sandbox.contacts.create({ email: 'before@example.com' }, bed.clock.now() - HOUR_MS);
      bed.sandbox.inject({ route: 'createContact', status: 503 });
      const outcome = await bed.client.sendContact(CREATE_TARGET, contact('before@example.com'));

      assert.deepEqual(exchanges(bed), ['createContact 503', 'createContact 409', 'getContact 200']);
      assert.ok(outcome.kind === 'alreadyExists', outcome.summary);
      assert.equal(outcome.vid, existing.vid);
      assert.equal(outcome.predatesLostAttempt, true);
      assert.equal(outcome.mayHaveBeenApplied, false);
      assert.equal(
        outcome.summary,
        `409 Conflict — a contact with this email already exists: id ${existing.vid}; it is older than the attempt whose answer was lost, so nothing of this file was applied (after 1 retry)`,
      );
    }));

  it('the read fails: the contact exists and it cannot be told whether this file created it', () =>
    withBed({}, async (bed) => {
      const existing = bed.sandbox.contacts.create({ email: 'unread@example.com' }, bed.clock.now() - HOUR_MS);
      bed.sandbox.inject({ route: 'createContact', status: 503 });
      bed.sandbox.inject({ route: 'getContact', status: 500 });
      const outcome = await bed.client.sendContact(CREATE_TARGET, contact('unread@example.com'));

      // The read is not retried: its failure only leaves the question open.
      assert.deepEqual(exchanges(bed), ['createContact 503', 'createContact 409', 'getContact 500']);
      assert.ok(outcome.kind === 'existsMaybeCreated', outcome.summary);
      assert.equal(outcome.vid, existing.vid);
      assert.equal(outcome.status, 409);
      assert.equal(outcome.mayHaveBeenApplied, true);
      assert.equal(
        outcome.summary,
        `409 Conflict — contact ${existing.vid} has this email, and whether the earlier attempt whose answer was lost created it cannot be told: ` +
          'reading the contact failed (HubSpot answered 500: internal server error); ' +
          `updating contact ${existing.vid} applies this file's values either way (after 1 retry)`,
      );
    }));

  it('a token that may not read contacts: the read is refused (403) and the outcome names the scope', () =>
    withBed({}, async (bed) => {
      const writer = createHubSpotClient({ baseUrl: bed.sandbox.url, token: bed.sandbox.writeOnlyToken, env: {}, sleep: bed.sleeper.sleep, now: bed.clock.now, random: () => 0.5 });
      try {
        bed.sandbox.inject({ route: 'createContact', status: 503, handleFirst: true });
        const outcome = await writer.sendContact(CREATE_TARGET, contact('writer@example.com'));
        assert.deepEqual(exchanges(bed), ['createContact 503', 'createContact 409', 'getContact 403']);
        assert.ok(outcome.kind === 'existsMaybeCreated', outcome.summary);
        assert.equal(outcome.reason, 'the access token may not read contacts (it lacks the scope crm.objects.contacts.read)');
      } finally {
        await writer.close();
      }
    }));

  it('a lost connection (not a 503) is settled the same way', () =>
    withBed({}, async (bed) => {
      const existing = bed.sandbox.contacts.create({ email: 'reset-before@example.com' }, bed.clock.now() - MINUTE_MS);
      bed.sandbox.inject({ route: 'createContact', reset: true });
      const outcome = await bed.client.sendContact(CREATE_TARGET, contact('reset-before@example.com'));
      assert.deepEqual(exchanges(bed), ['createContact dropped', 'createContact 409', 'getContact 200']);
      assert.ok(outcome.kind === 'alreadyExists', outcome.summary);
      assert.equal(outcome.vid, existing.vid);
      assert.equal(outcome.mayHaveBeenApplied, false);
    }));
});

describe("HubSpot's clock is not ours: the Date header puts the comparison on HubSpot's clock", () => {
  it("HubSpot 10 min ahead, the contact made 5 min before the attempt by HubSpot's clock: a conflict, though newer by ours", () =>
    withBed({ serverClockOffsetMs: 10 * MINUTE_MS }, async (bed) => {
      const existing = bed.sandbox.contacts.create({ email: 'ahead@example.com' }, bed.clock.now() + 5 * MINUTE_MS);
      bed.sandbox.inject({ route: 'createContact', status: 503 });
      const outcome = await bed.client.sendContact(CREATE_TARGET, contact('ahead@example.com'));
      assert.ok(existing.createdAt > bed.clock.now(), "by the client's clock the contact is newer than the attempt");
      assert.ok(outcome.kind === 'alreadyExists', outcome.summary);
      assert.equal(outcome.predatesLostAttempt, true);
    }));

  it('HubSpot 10 min behind, the lost attempt made the contact: created, though older by our clock', () =>
    withBed({ serverClockOffsetMs: -10 * MINUTE_MS }, async (bed) => {
      bed.sandbox.inject({ route: 'createContact', status: 503, handleFirst: true });
      const outcome = await bed.client.sendContact(CREATE_TARGET, contact('behind@example.com'));
      const stored = bed.sandbox.contacts.findByEmail('behind@example.com');
      assert.ok(stored && stored.createdAt < bed.clock.now(), "by the client's clock the contact is older than the attempt");
      assert.ok(outcome.kind === 'created', outcome.summary);
      assert.equal(outcome.createdOnEarlierAttempt, true);
    }));
});

describe('a 409 with no earlier lost attempt', () => {
  it('stays a conflict and reads nothing', () =>
    withBed({}, async (bed) => {
      const existing = bed.sandbox.contacts.create({ email: 'plain@example.com' });
      const outcome = await bed.client.sendContact(CREATE_TARGET, contact('plain@example.com'));
      assert.deepEqual(exchanges(bed), ['createContact 409']);
      assert.ok(outcome.kind === 'alreadyExists');
      assert.equal(outcome.vid, existing.vid);
      assert.equal(outcome.predatesLostAttempt, false);
      assert.equal(outcome.summary, `409 Conflict — a contact with this email already exists: id ${existing.vid}`);
    }));
});

describe('the CRM objects API settles a lost create the same way', () => {
  it("the answer is cut off after the create, the retry meets 409 naming that contact: created once, read by GET …/contacts/{id}", () =>
    withBed({ client: { api: contactsObjectsApi('2026-09') } }, async (bed) => {
      bed.sandbox.inject({ route: 'createContact', createThenReset: true });
      const outcome = await bed.client.sendContact(CREATE_TARGET, contact('crm-lost@example.com', { firstname: 'Lin' }));

      const stored = bed.sandbox.contacts.findByEmail('crm-lost@example.com');
      assert.ok(stored);
      assert.equal(bed.sandbox.contacts.all().filter((each) => each.properties.get('email')?.value === 'crm-lost@example.com').length, 1);
      assert.deepEqual(exchanges(bed), ['createContact dropped', 'createContact 409', 'getContact 200']);
      assert.deepEqual(bed.sandbox.requests.map((request) => `${request.method} ${request.path}`), [
        'POST /crm/objects/2026-09/contacts',
        'POST /crm/objects/2026-09/contacts',
        `GET /crm/objects/2026-09/contacts/${stored.vid}`,
      ]);
      assert.ok(outcome.kind === 'created', outcome.summary);
      assert.equal(outcome.vid, stored.vid);
      assert.equal(outcome.createdOnEarlierAttempt, true);
      assert.equal(outcome.mayHaveBeenApplied, false);
    }));

  it('the contact existed before the lost attempt: a conflict, read from its createdAt', () =>
    withBed({ client: { api: contactsObjectsApi('v3') } }, async (bed) => {
      const existing = bed.sandbox.contacts.create({ email: 'crm-before@example.com' }, bed.clock.now() - HOUR_MS);
      bed.sandbox.inject({ route: 'createContact', status: 503 });
      const outcome = await bed.client.sendContact(CREATE_TARGET, contact('crm-before@example.com'));
      assert.deepEqual(exchanges(bed), ['createContact 503', 'createContact 409', 'getContact 200']);
      assert.equal(bed.sandbox.requests[2]?.path, `/crm/v3/objects/contacts/${existing.vid}`);
      assert.ok(outcome.kind === 'alreadyExists', outcome.summary);
      assert.equal(outcome.vid, existing.vid);
      assert.equal(outcome.predatesLostAttempt, true);
    }));
});
