// A batch file's model: the fast scanner and the tolerant parser build the same one, and an update
// keystroke after keystroke gives exactly what a full read gives, diagnostics included.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { bundledDefaultCatalog, createCatalog } from '../../../server/src/service/catalog';
import { parseBatch, parseBatchTolerantly } from '../../../server/src/service/payload';
import { isBatch, type ParsedBatch, type ParsedDocument } from '../../../server/src/service/payloadModel';
import { updateDocument } from '../../../server/src/service/payloadUpdate';
import { DEFAULT_SETTINGS } from '../../../server/src/service/serverSettings';
import { validate } from '../../../server/src/service/validate';
import { failIfACheckFails, randomBatch, randomCatalog, randomEdit, seededRandom } from './randomPayloads';

/** The two readers' models without the field that says which reader built them. */
function content(batch: ParsedBatch): unknown {
  return { ...batch, fromPlainJson: undefined, contacts: batch.contacts.map((contact) => ({ ...contact, fromPlainJson: undefined })) };
}

test('random batch files: the fast scanner builds the tolerant parser\'s model exactly', () => {
  const random = seededRandom(11);
  let scanned = 0;
  for (let run = 0; run < 500; run++) {
    const text = randomBatch(random);
    const model = parseBatch(text);
    if (model.fromPlainJson) scanned++;
    assert.deepStrictEqual(content(model), content(parseBatchTolerantly(text)), `document ${run}: ${JSON.stringify(text)}`);
  }
  assert.ok(scanned > 300, `the fast path itself is exercised: only ${scanned} documents scanned`);
});

test('random edit sequences in batch files: the updated model and its diagnostics equal a full read of the new text', () => {
  const random = seededRandom(12);
  const catalog = randomCatalog();
  let contactsKept = 0;
  for (let sequence = 0; sequence < 150; sequence++) {
    let text = randomBatch(random);
    let model: ParsedDocument = parseBatch(text);
    let lastPlainText = text;
    for (let step = 0; step < 30; step++) {
      // Mostly typing in strings; sometimes any keystroke; an undo now and then once the JSON is broken.
      if (model.syntaxErrors.length > 0 && random() < 0.3) text = lastPlainText;
      else text = random() < 0.3 ? randomEdit(random, text) : typeAfterQuote(random, text);
      const before = new Set((model as ParsedBatch).contacts.flatMap((contact) => [...contact.entries, ...contact.propertyMembers]));
      model = updateDocument(model, text);
      const what = `sequence ${sequence}, edit ${step}: ${JSON.stringify(text)}`;
      const full = parseBatchTolerantly(text);
      assert.deepStrictEqual(content(model as ParsedBatch), content(full), what);
      if (model.syntaxErrors.length === 0) lastPlainText = text;
      if ((model as ParsedBatch).contacts.some((contact) => contact.entries.some((e) => before.has(e)) || contact.propertyMembers.some((m) => before.has(m)))) contactsKept++;
      const document = TextDocument.create('file:///random.contacts.json', 'json', step, text);
      assert.deepStrictEqual(validate(document, model, catalog, DEFAULT_SETTINGS, [], failIfACheckFails(text)), validate(document, full, catalog, DEFAULT_SETTINGS), what);
    }
  }
  assert.ok(contactsKept > 100, `the update path itself is exercised: only ${contactsKept} edits kept a contact's entries`);
});

test('an edit inside one contact keeps the others\' entries and moves the ones after it', () => {
  const text = '{"inputs": [{"properties": {"email": "a@b.co"}}, {"properties": [{"property": "email", "value": "c@d.co"}]}, {"properties": {"firstname": "Ada"}}]}';
  const model = parseBatch(text);
  const [edited1, kept2, kept3] = model.contacts.map((contact) => contact.entries[0] ?? contact.propertyMembers[0]);
  const edited = text.replace('"a@b.co"', '"ab@b.co"');
  const updated = updateDocument(model, edited) as ParsedBatch;
  assert.notEqual(updated.contacts[0].propertyMembers[0], edited1, 'the edited member is read again');
  assert.equal(updated.contacts[1].entries[0], kept2, 'a later contact\'s entry is kept');
  assert.equal(updated.contacts[2].propertyMembers[0], kept3);
  assert.equal(updated.contacts[2].propertyMembers[0].keyOffset, edited.indexOf('"firstname"'), 'and moved');
  assert.deepStrictEqual(content(updated), content(parseBatchTolerantly(edited)));
});

/** A letter typed just after a random quote. */
function typeAfterQuote(random: () => number, text: string): string {
  const quote = text.indexOf('"', Math.floor(random() * text.length));
  if (quote < 0) return text;
  return text.slice(0, quote + 1) + String.fromCharCode(97 + Math.floor(random() * 26)) + text.slice(quote + 1);
}

test('a contact clean under one catalog is checked again under another, and after an edit that reaches it', () => {
  const text = '{"inputs": [{"properties": {"email": "a@b.co", "firstname": "Ada"}}, {"properties": {"email": "c@d.co"}}]}';
  const document = TextDocument.create('file:///clean.contacts.json', 'json', 1, text);
  const model = parseBatch(text);
  assert.deepEqual(validate(document, model, bundledDefaultCatalog(), DEFAULT_SETTINGS), [], 'clean under the bundled defaults');
  const portal = createCatalog([{ name: 'email', label: 'Email', type: 'string', fieldType: 'text' }], { kind: 'portal', description: 'a portal without firstname' });
  assert.deepEqual(validate(document, model, portal, DEFAULT_SETTINGS).map((d) => d.code), ['unknown-property']);
  const edited = text.replace('"c@d.co"', '"c-d.co"');
  const updated = updateDocument(model, edited);
  const editedDocument = TextDocument.create('file:///clean.contacts.json', 'json', 2, edited);
  assert.deepEqual(validate(editedDocument, updated, bundledDefaultCatalog(), DEFAULT_SETTINGS).map((d) => d.code), ['invalid-email']);
});

/** A contact with a problem of every kind a contact's checks find, each at its own place. */
function troubledContact(random: () => number, index: number): string {
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const properties = [
    `"email": "${pick([`person${index}@example.com`, `person${index}@`, 'shared@example.com'])}"`,
    `"lifecyclestage": "${pick(['lead', 'Lead', 'customer'])}"`,
    pick(['"firstname": "Ada"', '"firstname": null', '"firstname": 12', '"": "x"', '"frstname": "Ada"', '"createdate": "2024-01-01"', '"firstname": {"a": 1}']),
    pick(['"lastname": "Lovelace"', '"lastname": "L", "lastname": "M"', '"hs_object_id": "1"']),
  ];
  const id = pick(['', '"id": "12", ', '"id": 12, ', '"id": "x", ', '"surprise": 1, ', '"properties": {}, ']);
  return `{${id}"properties": {${properties.join(', ')}}}`;
}

test('findings of contacts an edit did not reach are handed over again, moved: after random edits the diagnostics, capped or not, are a fresh validation\'s', () => {
  const random = seededRandom(13);
  const catalog = randomCatalog();
  let keptWithFindings = 0;
  for (let sequence = 0; sequence < 40; sequence++) {
    const contacts = Array.from({ length: 12 }, (_, index) => troubledContact(random, index));
    let text = `{"inputs": [\n${contacts.join(',\n')}\n]}`;
    let model: ParsedDocument = parseBatch(text);
    let document = TextDocument.create('file:///troubled.contacts.json', 'json', 0, text);
    let contactsBefore = new Set(isBatch(model) ? model.contacts : []);
    let lastPlainText = text;
    validate(document, model, catalog, DEFAULT_SETTINGS);
    for (let step = 1; step <= 25; step++) {
      // Mostly typing in a value, which keeps the other contacts; now and then any keystroke, undone once the JSON is broken.
      text = model.syntaxErrors.length > 0 ? lastPlainText : random() < 0.1 ? randomEdit(random, text) : typeInValue(random, text);
      model = updateDocument(model, text);
      document = TextDocument.create('file:///troubled.contacts.json', 'json', step, text);
      const updated = validate(document, model, catalog, DEFAULT_SETTINGS, [], failIfACheckFails(text));
      const fresh = validate(document, parseBatchTolerantly(text), catalog, DEFAULT_SETTINGS);
      const what = `sequence ${sequence}, edit ${step}: ${JSON.stringify(text)}`;
      assert.deepStrictEqual(updated, fresh, what);
      // Under a cap the warnings handed over again compete for the same few places.
      const capped = { ...DEFAULT_SETTINGS, maxDiagnostics: 3 };
      assert.deepStrictEqual(validate(document, model, catalog, capped), validate(document, parseBatchTolerantly(text), catalog, capped), `${what} (capped)`);
      const contactsNow = isBatch(model) ? model.contacts : [];
      const kept = contactsNow.filter((contact) => contactsBefore.has(contact));
      if (kept.some((contact) => updated.some((d) => document.offsetAt(d.range.start) >= contact.root!.offset && document.offsetAt(d.range.start) < contact.root!.offset + contact.root!.length))) keptWithFindings++;
      contactsBefore = new Set(contactsNow);
      if (model.syntaxErrors.length === 0) lastPlainText = text;
    }
  }
  assert.ok(keptWithFindings > 500, `contacts with findings are kept across edits: only after ${keptWithFindings} edits`);
});

/** Letters typed at the start of a random value, or its first character deleted: the JSON stays as it was, the length changes. */
function typeInValue(random: () => number, text: string): string {
  const value = text.indexOf(': "', Math.floor(random() * text.length));
  if (value < 0) return text;
  const at = value + 3;
  if (random() < 0.3 && text[at] !== '"' && text[at] !== '\\') return text.slice(0, at) + text.slice(at + 1);
  return text.slice(0, at) + 'xyz'.slice(0, 1 + Math.floor(random() * 3)) + text.slice(at);
}
