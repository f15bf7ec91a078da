import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bundledDefaultCatalog, DEFAULT_SETTINGS, MAX_SEED_PROBLEMS, readSeedFile } from '../../../server/src/service';

const catalog = bundledDefaultCatalog();
const read = (text: string, kind: 'single' | 'batch' = 'batch') => readSeedFile(text, catalog, DEFAULT_SETTINGS, kind);

test('a CRM objects batch: each contact with its properties, email, id, associations and place', () => {
  const text = [
    '{"inputs": [',
    '  {"properties": {"email": "ada@example.com", "firstname": "Ada", "firstname": "Augusta"}, "id": "101",',
    '   "associations": [{"to": {"id": "7"}, "types": [{"associationCategory": "HUBSPOT_DEFINED", "associationTypeId": 279}]}]},',
    '  {"properties": {"firstname": "Grace"}}',
    ']}',
  ].join('\n');
  const file = read(text);
  assert.deepEqual(file.fileErrors, []);
  assert.equal(file.kind, 'batch');
  assert.equal(file.contacts.length, 2);
  const [ada, grace] = file.contacts;
  assert.deepEqual(ada.properties, [{ property: 'email', value: 'ada@example.com' }, { property: 'firstname', value: 'Augusta' }], 'each name once, where first set, its last value');
  assert.equal(ada.email, 'ada@example.com');
  assert.equal(ada.id, '101');
  assert.deepEqual(ada.associations, [{ to: { id: '7' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 279 }] }]);
  assert.deepEqual([ada.index, ada.line, ada.character, ada.offset, ada.shape], [0, 1, 2, text.indexOf('{"properties"'), 'objects']);
  assert.equal(ada.errorCount, 0);
  assert.deepEqual([grace.index, grace.line, grace.email, grace.id, grace.associations], [1, 3, undefined, undefined, undefined]);
});

test('a v1 batch: properties converted as convert keeps them, the contact\'s own email and vid as its keys', () => {
  const text = '[{"email": " ada@example.com", "vid": 61574, "properties": [{"property": "firstname", "value": "Ada"}, {"property": "hs_lead_status", "value": 12}]},\n {"properties": [{"property": "email", "value": "grace@example.com"}]}]';
  const [ada, grace] = read(text).contacts;
  assert.equal(ada.shape, 'v1');
  assert.deepEqual(ada.properties, [{ property: 'email', value: ' ada@example.com' }, { property: 'firstname', value: 'Ada' }, { property: 'hs_lead_status', value: 12 }]);
  assert.deepEqual([ada.email, ada.id], ['ada@example.com', '61574'], 'the email trimmed, the vid as a decimal string');
  assert.deepEqual([grace.email, grace.line, grace.character], ['grace@example.com', 1, 1]);
});

test('errors per contact: counted in full, the first few with UTF-16 positions; warnings do not count', () => {
  const bad = Array.from({ length: 8 }, (_, i) => `"email": "not-an-email-${i}"`).join(', ');
  const text = `{"inputs": [{"properties": {"émoji": "😀", "frstname": "warned only"}},\n{"properties": {${bad}}}]}`;
  const [warned, broken] = read(text).contacts;
  assert.equal(warned.errorCount, 0, 'an unknown name against the bundled defaults is a warning');
  assert.equal(broken.errorCount, 8);
  assert.equal(broken.errors.length, MAX_SEED_PROBLEMS);
  assert.deepEqual(broken.errors.map((e) => e.code), Array(MAX_SEED_PROBLEMS).fill('invalid-email'));
  const first = text.indexOf('"not-an-email-0"');
  assert.deepEqual([broken.errors[0].line, broken.errors[0].character], [1, first - text.lastIndexOf('\n', first) - 1]);
});

test('a single contact file is one contact, index 0, at its top-level brace', () => {
  const text = '  {"properties": {"email": "ada@example.com"}, "id": "5"}';
  const file = read(text, 'single');
  assert.equal(file.kind, 'single');
  assert.deepEqual(file.contacts.map((c) => [c.index, c.offset, c.character, c.email, c.id]), [[0, 2, 2, 'ada@example.com', '5']]);
});

test('file-level problems go to fileErrors: not JSON, not a list of contacts, an element that is no contact, too large', () => {
  assert.deepEqual(read('{"inputs": [{"properties": {}}').fileErrors.map((e) => e.code), ['invalid-json']);
  assert.deepEqual(read('{"contacts": []}').fileErrors.map((e) => e.code), ['batch-not-list']);
  assert.deepEqual(read('"nope"').fileErrors.map((e) => e.code), ['batch-not-list']);
  assert.deepEqual(read('[1, {"properties": {}}]').fileErrors.map((e) => [e.code, e.character]), [['contact-not-object', 1]]);
  assert.deepEqual(read('[1]', 'single').fileErrors.map((e) => e.code), ['root-not-object']);
  assert.deepEqual(read('', 'single').fileErrors.map((e) => e.code), ['empty-document']);
  const tooLarge = readSeedFile('[]'.padEnd(5000), catalog, { ...DEFAULT_SETTINGS, maxDocumentSize: 1024 }, 'batch');
  assert.deepEqual([tooLarge.fileErrors.map((e) => e.code), tooLarge.contacts], [['document-too-large'], []]);
});

// How fast is bench/'s to say (the batch-file rows of npm run bench); here, an outer bound only.
test('10 000 contacts (100 000 values) are read, each with its email', { timeout: 60_000 }, () => {
  const contacts = Array.from({ length: 10_000 }, (_, i) => {
    const values = Array.from({ length: 9 }, (_, j) => `"custom_${j}": "value ${i}-${j}"`).join(', ');
    return `{"properties": {"email": "person${i}@example.com", ${values}}}`;
  });
  const text = `{"inputs": [\n${contacts.join(',\n')}\n]}`;
  const file = read(text);
  assert.equal(file.contacts.length, 10_000);
  assert.equal(file.contacts[9_999].email, 'person9999@example.com');
});
