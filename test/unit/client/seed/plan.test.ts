import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SeedContactRead, SeedProperty } from '../../../../server/src/service/seedContact';
import type { JournalRecord, JournalState } from '../../../../client/src/seed/journal';
import { foldJournal } from '../../../../client/src/seed/journalState';
import { countActions, planContacts, PlanProblemCode, portalLookup, type PlannedContact, type PortalContact, type PortalState } from '../../../../client/src/seed/plan';
import { seedEntry, type SeedEntry } from '../../../../client/src/seed/seedEntry';

const FILE = '/seed/people.contacts.json';
const ACCOUNT = { origin: 'http://127.0.0.1:8080', portalId: 42 };

/** A contact of FILE at `index`: its email and id read as the engine reads them. */
function contact(index: number, properties: Record<string, SeedProperty['value']>, extra: Partial<SeedContactRead> = {}): SeedEntry {
  const email = typeof properties.email === 'string' && properties.email.trim() !== '' ? properties.email.trim() : undefined;
  return seedEntry(FILE, {
    index, line: 2 + index * 5, character: 2, offset: 10 + index * 50, shape: 'objects',
    properties: Object.entries(properties).map(([property, value]) => ({ property, value })),
    email, id: undefined, associations: undefined, errorCount: 0, errors: [], ...extra,
  });
}

function portal(...contacts: PortalContact[]): PortalState {
  const byEmail = new Map<string, PortalContact>();
  for (const found of contacts) if (found.properties.email) byEmail.set(found.properties.email.toLowerCase(), found);
  return { byEmail, byId: new Map(contacts.map((found) => [found.id, found])) };
}

function journal(...records: JournalRecord[]): JournalState {
  const fold = foldJournal(ACCOUNT);
  for (const record of [{ type: 'run', at: 'T0', origin: ACCOUNT.origin, portalId: 42, apiVersion: '2026-03', contacts: 1 } as const, ...records]) fold.add(record);
  return fold.state;
}

const NO_JOURNAL = journal();
const ONCE = { resendUncertain: false };

function planOne(entry: SeedEntry, state: PortalState = portal(), journalState: JournalState = NO_JOURNAL, options = ONCE): PlannedContact {
  const [row] = planContacts([entry], state, journalState, options);
  assert.ok(row);
  assert.equal(row.entry, entry);
  return row;
}

test('a contact with errors is blocked with its errors as problems, and the id the portal has for its email', () => {
  const errors = [{ line: 3, character: 10, code: 'invalid-email', message: 'not an email' }];
  const row = planOne(contact(0, { email: 'ann@example', firstname: 'Ann' }, { errorCount: 7, errors }), portal({ id: '700', properties: { email: 'ann@example' } }));
  assert.deepEqual([row.action, row.route, row.id, row.changes, row.problems, row.note], ['blocked', undefined, '700', [], errors, 'not sent: 7 errors in the file']);
});

test('a contact found by email is updated by upsert with only what changes, old → new; the portal\'s other properties are not compared', () => {
  const found = { id: '700', properties: { email: 'ann@example.com', firstname: 'Ann', lastname: 'Old', city: null, phone: '555' } };
  const row = planOne(contact(0, { email: 'ann@example.com', firstname: 'Ann', lastname: 'New', city: 'Paris' }), portal(found));
  assert.deepEqual([row.action, row.route, row.id, row.problems, row.note], ['update', 'upsert', '700', [], 'found by email (id 700); updated by email']);
  assert.deepEqual(row.changes, [{ property: 'lastname', old: 'Old', new: 'New' }, { property: 'city', old: null, new: 'Paris' }]);
});

test('the email is matched case-insensitively, and values equal by meaning leave the contact unchanged', () => {
  const found = { id: '700', properties: { email: 'ann@example.com', numemployees: '25', hs_opt: 'true', closedate: '2015-05-01', city: '' } };
  const row = planOne(contact(0, { email: 'Ann@Example.COM', numemployees: 25, hs_opt: true, closedate: 1430438400000, city: null }), portal(found));
  assert.deepEqual([row.action, row.route, row.id, row.changes, row.note], ['unchanged', undefined, '700', [], 'found by email (id 700); already as the file says']);
});

test('a property the portal did not answer counts as empty: setting it is a change, clearing it is not', () => {
  const found = { id: '700', properties: { email: 'ann@example.com' } };
  assert.deepEqual(planOne(contact(0, { email: 'ann@example.com', city: 'Paris' }), portal(found)).changes, [{ property: 'city', old: null, new: 'Paris' }]);
  assert.equal(planOne(contact(0, { email: 'ann@example.com', city: null }), portal(found)).action, 'unchanged');
});

test('a property named like an Object member ("constructor", "toString") is compared as a property of the contact', () => {
  const found = { id: '700', properties: { email: 'ann@example.com' } };
  const row = planOne(contact(0, { email: 'ann@example.com', constructor: 'x', toString: 'y' }), portal(found));
  assert.deepEqual(row.changes, [{ property: 'constructor', old: null, new: 'x' }, { property: 'toString', old: null, new: 'y' }]);
});

test('found by email under another id than the file saves: sent by email, and the note says so', () => {
  const row = planOne(contact(0, { email: 'ann@example.com', firstname: 'Ann' }, { id: '512' }), portal({ id: '700', properties: { email: 'ann@example.com' } }));
  assert.deepEqual([row.action, row.route, row.id, row.note], ['update', 'upsert', '700', 'found by email (id 700, though the file saves id 512); updated by email']);
});

test('a contact whose email is not in the portal is a create by upsert with every property, old null', () => {
  const row = planOne(contact(0, { email: 'new@example.com', firstname: 'New', score: 5, city: null }));
  assert.deepEqual([row.action, row.route, row.id, row.problems, row.note], ['create', 'upsert', undefined, [], 'new; created by email, safe to send again']);
  assert.deepEqual(row.changes, [
    { property: 'email', old: null, new: 'new@example.com' },
    { property: 'firstname', old: null, new: 'New' },
    { property: 'score', old: null, new: '5' },
    { property: 'city', old: null, new: null },
  ]);
});

test('an email contact an earlier run created but the portal no longer has is created again by email, never uncertain', () => {
  const entry = contact(0, { email: 'gone@example.com' });
  const state = journal({ type: 'outcome', at: 'T1', key: entry.key, outcome: 'created', id: '512' }, { type: 'sending', at: 'T2', batch: 'b', keys: [entry.key] });
  const row = planOne(entry, portal(), state);
  assert.deepEqual([row.action, row.route, row.note], ['create', 'upsert', 'an earlier run got id 512, but no contact has this email now; created by email, safe to send again']);
});

test('no email but a saved id: updated by id when the portal has it, blocked when it does not', () => {
  const entry = contact(0, { firstname: 'Ann', lastname: 'New' }, { id: '512' });
  const found = planOne(entry, portal({ id: '512', properties: { firstname: 'Ann', lastname: 'Old' } }));
  assert.deepEqual([found.action, found.route, found.id, found.changes, found.note], ['update', 'update', '512', [{ property: 'lastname', old: 'Old', new: 'New' }], 'saved id 512; updated by id']);
  const missing = planOne(entry, portal({ id: '513', properties: {} }));
  assert.deepEqual([missing.action, missing.route, missing.id, missing.changes, missing.note], ['blocked', undefined, '512', [], 'saved id 512: id 512 is not in this portal']);
  assert.deepEqual(missing.problems, [{ line: entry.line, character: entry.character, code: PlanProblemCode.IdNotInPortal, message: 'id 512 is not in this portal' }]);
});

test('no email and no saved id, but an id from the journal: updated by that id', () => {
  const entry = contact(0, { firstname: 'Ann' });
  const state = journal({ type: 'outcome', at: 'T1', key: entry.key, outcome: 'created', id: '512' });
  const row = planOne(entry, portal({ id: '512', properties: { firstname: 'Anne' } }), state);
  assert.deepEqual([row.action, row.route, row.id, row.note], ['update', 'update', '512', 'created by an earlier run (id 512); updated by id']);
  const same = planOne(entry, portal({ id: '512', properties: { firstname: 'Ann' } }), state);
  assert.deepEqual([same.action, same.route, same.note], ['unchanged', undefined, 'created by an earlier run (id 512); already as the file says']);
});

test("the file's saved id wins over the journal's", () => {
  const entry = contact(0, { firstname: 'Ann' }, { id: '600' });
  const state = journal({ type: 'outcome', at: 'T1', key: entry.key, outcome: 'created', id: '512' });
  assert.deepEqual(portalLookup(entry, state), { by: 'id', id: '600', from: 'file' });
  assert.equal(planOne(entry, portal({ id: '600', properties: { firstname: 'Bob' } }), state).id, '600');
});

test('no email, no id, nothing in the journal: a create by the create route', () => {
  const row = planOne(contact(0, { firstname: 'Ann' }));
  assert.deepEqual([row.action, row.route, row.id, row.changes, row.note], ['create', 'create', undefined, [{ property: 'firstname', old: null, new: 'Ann' }], 'new, without an email: each send of it creates a contact']);
});

test('no email, no id, and a create sent without an answer: uncertain, saying when and what the journal says', () => {
  const entry = contact(0, { firstname: 'Ann' });
  const state = journal({ type: 'sending', at: '2026-12-01T10:00:01Z', batch: 'b', keys: [entry.key] }, { type: 'outcome', at: 'T2', key: entry.key, outcome: 'uncertain', message: 'the connection was reset' });
  const row = planOne(entry, portal(), state);
  const said = 'a create sent at 2026-12-01T10:00:01Z got no answer (the connection was reset): the contact may have been created';
  assert.deepEqual([row.action, row.route, row.id, row.changes, row.note], ['uncertain', undefined, undefined, [], said]);
  assert.deepEqual(row.problems, [{ line: entry.line, character: entry.character, code: PlanProblemCode.UncertainCreate, message: said }]);
  const resent = planOne(entry, portal(), state, { resendUncertain: true });
  assert.deepEqual([resent.action, resent.route, resent.problems, resent.note], ['create', 'create', [], 'a create sent at 2026-12-01T10:00:01Z got no answer (the connection was reset); sent again as asked, so it may now exist twice']);
});

test('portalLookup names what the runner must read: the lower-cased email, else the id and where it came from', () => {
  const state = journal({ type: 'outcome', at: 'T1', key: `${FILE}#2`, outcome: 'created', id: '9' });
  assert.deepEqual(portalLookup(contact(0, { email: 'Ann@Example.com' }, { id: '5' }), state), { by: 'email', email: 'ann@example.com' });
  assert.deepEqual(portalLookup(contact(1, { firstname: 'x' }, { id: '5' }), state), { by: 'id', id: '5', from: 'file' });
  assert.deepEqual(portalLookup(contact(2, { firstname: 'x' }), state), { by: 'id', id: '9', from: 'journal' });
  assert.deepEqual(portalLookup(contact(3, { firstname: 'x' }), state), { by: 'none' });
});

test('planContacts keeps the order of its chunk, and countActions counts every action, absent ones as 0', () => {
  const entries = [contact(0, { email: 'a@example.com' }), contact(1, { firstname: 'b' }), contact(2, { email: 'c@example.com', x: '1' }), contact(3, { email: 'd@example.com' }, { errorCount: 1, errors: [] })];
  const rows = planContacts(entries, portal({ id: '3', properties: { email: 'c@example.com', x: '1' } }), NO_JOURNAL, ONCE);
  assert.deepEqual(rows.map((row) => [row.entry.key, row.action]), [[`${FILE}#0`, 'create'], [`${FILE}#1`, 'create'], [`${FILE}#2`, 'unchanged'], [`${FILE}#3`, 'blocked']]);
  assert.deepEqual(countActions(rows), { create: 2, update: 0, unchanged: 1, blocked: 1, uncertain: 0 });
  assert.equal(planOne(entries[3]).note, 'not sent: 1 error in the file');
});
