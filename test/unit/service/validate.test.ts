import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { bundledDefaultCatalog, createCatalog } from '../../../server/src/service/catalog';
import { parsePayload } from '../../../server/src/service/payload';
import { DEFAULT_SETTINGS, normaliseSettings, type ServerSettings } from '../../../server/src/service/serverSettings';
import type { Finding } from '../../../server/src/service/finding';
import { propertyNameIndex } from '../../../server/src/service/suggest';
import { countErrors, findProblems, isTooLarge, toDiagnostics, validate } from '../../../server/src/service/validate';
import { messageOf } from '../messageOf';
import { failIfACheckFails, randomCatalog, randomPayload, seededRandom } from './randomPayloads';

function diagnose(text: string, settings: ServerSettings = DEFAULT_SETTINGS, catalog = bundledDefaultCatalog()): Diagnostic[] {
  const document = TextDocument.create('file:///t.contact.json', 'json', 1, text);
  return validate(document, isTooLarge(text, settings) ? undefined : parsePayload(text), catalog, settings);
}

const entry = (property: string, value: string) => `{"property":${JSON.stringify(property)},"value":${JSON.stringify(value)}}`;
const payload = (...entries: string[]) => `{"properties":[${entries.join(',')}]}`;
const only = (diagnostics: Diagnostic[], code: string) => diagnostics.filter((d) => d.code === code);

test('a label where the option value belongs is an error whose fix is the value', () => {
  const [d] = only(diagnose(payload(entry('email', 'a@b.co'), entry('lifecyclestage', 'Sales Qualified Lead'))), 'invalid-option');
  assert.equal(d?.severity, DiagnosticSeverity.Error);
  assert.deepEqual(d?.data, { fix: 'replace', replacements: ['salesqualifiedlead'] });
});

test('multi-select values are checked part by part, labels mapped to values', () => {
  const ok = diagnose(payload(entry('email', 'a@b.co'), entry('hs_legal_basis', 'Not applicable;Performance of a contract')));
  assert.deepEqual(ok, []);
  const [d] = only(diagnose(payload(entry('hs_legal_basis', 'Not applicable;Legitimate interest - prospect/lead'))), 'invalid-option');
  // The label uses a hyphen, the value an en dash: the classic invisible trap.
  assert.deepEqual(d?.data, { fix: 'replace', replacements: ['Not applicable;Legitimate interest – prospect/lead'] });
});

test('number rules: digits, one leading minus, one point', () => {
  for (const good of ['0', '-12', '3.25', '-0.5']) assert.deepEqual(diagnose(payload(entry('email', 'a@b.co'), entry('associatedcompanyid', good))), [], good);
  for (const bad of ['5,333,222', '4,68', '1 000', '--1', '1.2.3', '12abc', '+5']) {
    assert.equal(only(diagnose(payload(entry('associatedcompanyid', bad))), 'invalid-number').length, 1, bad);
  }
  assert.deepEqual(only(diagnose(payload(entry('associatedcompanyid', '1,000'))), 'invalid-number')[0]?.data, { fix: 'replace', replacements: ['1000'] });
});

test('date properties need epoch milliseconds at midnight UTC', () => {
  const catalog = createCatalog([{ name: 'renewal_date', label: 'Renewal date', type: 'date', fieldType: 'date' }], { kind: 'portal', description: 'test portal' });
  const check = (value: string) => only(diagnose(payload(entry('renewal_date', value)), DEFAULT_SETTINGS, catalog), 'invalid-date');
  assert.deepEqual(check('1430438400000'), []);
  const [notMidnight] = check('1579179660000');
  assert.match(messageOf(notMidnight), /13:01:00 UTC, not midnight/);
  assert.deepEqual(notMidnight.data, { fix: 'replace', replacements: ['1579132800000'] });
  assert.deepEqual(check('2015-05-01')[0]?.data, { fix: 'replace', replacements: ['1430438400000'] });
  assert.equal(check('May 1st').length, 1);
});

test('in a CRM objects file a date is YYYY-MM-DD or epoch milliseconds at midnight, a datetime ISO 8601 or epoch milliseconds', () => {
  const catalog = createCatalog([
    { name: 'renewal_date', label: 'Renewal date', type: 'date', fieldType: 'date' },
    { name: 'met_at', label: 'Met at', type: 'datetime', fieldType: 'date' },
  ], { kind: 'portal', description: 'test portal' });
  const objects = (name: string, value: string) => JSON.stringify({ properties: { [name]: value } });
  const problems = (name: string, value: string) => diagnose(objects(name, value), DEFAULT_SETTINGS, catalog).filter((d) => d.severity === DiagnosticSeverity.Error);
  for (const valid of ['2026-01-05', '1430438400000', '']) assert.deepEqual(problems('renewal_date', valid), [], valid);
  for (const valid of ['2026-01-05T09:30:00Z', '2026-01-05T09:30:00.123+02:00', '2026-01-05', '1579179660000']) assert.deepEqual(problems('met_at', valid), [], valid);
  const [dateTimeOnDate] = problems('renewal_date', '2026-01-05T09:30:00Z');
  assert.equal(dateTimeOnDate.code, 'invalid-date');
  assert.match(messageOf(dateTimeOnDate), /CRM objects API accepts .* use YYYY-MM-DD \(2026-01-05\)/);
  assert.deepEqual(dateTimeOnDate.data, { fix: 'replace', replacements: ['2026-01-05'] });
  assert.deepEqual(problems('renewal_date', '2026-02-30').map((d) => d.code), ['invalid-date'], 'a day the calendar does not have');
  assert.deepEqual(problems('renewal_date', '1579179660000')[0]?.data, { fix: 'replace', replacements: ['1579132800000'] }, 'off midnight, as in v1');
  const [noZone] = problems('met_at', '2026-01-05 09:30');
  assert.equal(noZone.code, 'invalid-datetime');
  assert.deepEqual(noZone.data, { fix: 'replace', replacements: ['2026-01-05T09:30Z'] });
  assert.equal(problems('met_at', 'yesterday')[0]?.data, undefined, 'nothing to suggest');
  // The same ISO values in a v1 file are errors: v1 takes epoch milliseconds only.
  assert.deepEqual(only(diagnose(payload(entry('renewal_date', '2026-01-05')), DEFAULT_SETTINGS, catalog), 'invalid-date').length, 1);
  assert.deepEqual(only(diagnose(payload(entry('met_at', '2026-01-05T09:30:00Z')), DEFAULT_SETTINGS, catalog), 'invalid-datetime').length, 1);
});

test('a date or datetime beyond the range of dates is an invalid-date or invalid-datetime finding, not an exception', () => {
  const catalog = createCatalog([
    { name: 'email', label: 'Email', type: 'string', fieldType: 'text' },
    { name: 'renewal_date', label: 'Renewal date', type: 'date', fieldType: 'date' },
    { name: 'last_seen', label: 'Last seen', type: 'datetime', fieldType: 'date' },
  ], { kind: 'portal', description: 'test portal' });
  const check = (name: string, value: string) => diagnose(payload(entry('email', 'a@b.co'), entry(name, value)), DEFAULT_SETTINGS, catalog);
  for (const value of ['100000000000000001', '-100000000000000001', '8640000086400000', '99999999999999999999999']) {
    const [date] = check('renewal_date', value);
    assert.equal(date?.code, 'invalid-date', value);
    assert.match(messageOf(date), /beyond the range of dates/);
    assert.equal(date.data, undefined, 'no replacement: there is no day to round to');
    assert.equal(check('last_seen', value)[0]?.code, 'invalid-datetime', value);
  }
  // The farthest moments a date can name are fine, one millisecond past them is not.
  assert.deepEqual(check('renewal_date', '8640000000000000'), []);
  assert.deepEqual(check('renewal_date', '-8640000000000000'), []);
  assert.deepEqual(check('last_seen', '8640000000000000'), []);
  assert.equal(check('last_seen', '8640000000000001')[0]?.code, 'invalid-datetime');
  assert.match(messageOf(check('renewal_date', '8639999999999999')[0]), /not midnight/);
});

test('bools accept only "true" and "false", and suggest the intended one', () => {
  const catalog = createCatalog([{ name: 'opted_in', label: 'Opted in', type: 'bool', fieldType: 'booleancheckbox' }], { kind: 'portal', description: 'test portal' });
  const check = (value: string) => only(diagnose(payload(entry('opted_in', value)), DEFAULT_SETTINGS, catalog), 'invalid-bool');
  assert.deepEqual(check('true'), []);
  assert.deepEqual(check('True')[0]?.data, { fix: 'replace', replacements: ['true'] });
  assert.deepEqual(check('no')[0]?.data, { fix: 'replace', replacements: ['false'] });
});

test('an unknown property is a warning with the bundled catalog and an error with a portal catalog', () => {
  const bundled = only(diagnose(payload(entry('frstname', 'A'))), 'unknown-property')[0];
  assert.equal(bundled.severity, DiagnosticSeverity.Warning);
  assert.deepEqual(bundled.data, { fix: 'replace', replacements: ['firstname'] });
  const portal = createCatalog([...bundledDefaultCatalog().properties.values()], { kind: 'portal', description: 'portal 62515' });
  assert.equal(only(diagnose(payload(entry('frstname', 'A')), DEFAULT_SETTINGS, portal), 'unknown-property')[0]?.severity, DiagnosticSeverity.Error);
});

test('a label typed as the name finds the property', () => {
  assert.deepEqual(only(diagnose(payload(entry('First Name', 'A'))), 'unknown-property')[0]?.data, { fix: 'replace', replacements: ['firstname'] });
});

test('a duplicate points at the first occurrence and offers to remove itself', () => {
  const text = payload(entry('email', 'a@b.co'), entry('city', 'X'), entry('city', 'Y'));
  const [d] = only(diagnose(text), 'duplicate-property');
  assert.deepEqual(d?.data, { fix: 'removeEntry', entryIndex: 2 });
  const first = text.indexOf('"city"');
  assert.deepEqual(d?.relatedInformation?.[0]?.location.range, { start: { line: 0, character: first }, end: { line: 0, character: first + 6 } });
});

test('numbers and booleans as values are warnings that keep the value as written', () => {
  const [d] = only(diagnose('{"properties":[{"property":"email","value":"a@b.co"},{"property":"zip","value":1.50}]}'), 'non-string-value');
  assert.equal(d?.severity, DiagnosticSeverity.Warning);
  assert.deepEqual(d?.data, { fix: 'quote', text: '1.50' });
});

test('no email is information only', () => {
  const [d] = only(diagnose(payload(entry('firstname', 'A'))), 'missing-email');
  assert.equal(d?.severity, DiagnosticSeverity.Information);
});

test('a saved vid is known at the top level; a bad one is a warning', () => {
  assert.deepEqual(diagnose('{"vid": 61574, "properties":[{"property":"email","value":"a@b.co"}]}'), []);
  assert.equal(only(diagnose('{"vid": "abc", "properties":[{"property":"email","value":"a@b.co"}]}'), 'invalid-vid')[0]?.severity, DiagnosticSeverity.Warning);
});

test('too many problems: every error shown, the cap on warnings and information, one summary at the end', () => {
  // 25 unknown names (warnings), 25 labels for values (errors), 24 duplicates (warnings).
  const entries = Array.from({ length: 50 }, (_, i) => (i % 2 ? entry('lifecyclestage', 'Lead') : entry(`custom_${i}`, 'x')));
  const diagnostics = diagnose(payload(entry('email', 'a@b.co'), ...entries), { ...DEFAULT_SETTINGS, maxDiagnostics: 10 });
  assert.equal(diagnostics.length, 25 + 10 + 1);
  assert.equal(diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error).length, 25, 'every error');
  assert.equal(diagnostics.filter((d) => d.severity === DiagnosticSeverity.Warning).length, 10, 'the first warnings, up to the cap');
  assert.equal(diagnostics[35]?.code, 'too-many-diagnostics');
  assert.match(messageOf(diagnostics[35]), /^49 warnings and notes in this file; showing the first 10 \(setting contactPayloads.maxDiagnostics\) and every error \(25\)/);
});

test('syntaxErrors off: no invalid-json, the rest still checked; errors are never capped', () => {
  // Three missing commas, then a label for a value (an error) after them.
  const broken = '{"properties":[{"property":"email" "value":"a@b.co"} {"property":"firstname" "value":"Ada"},{"property":"lifecyclestage","value":"Lead"}]}';
  assert.deepEqual(diagnose(broken, { ...DEFAULT_SETTINGS, maxDiagnostics: 3 }).map((d) => d.code), ['invalid-json', 'invalid-json', 'invalid-json', 'invalid-option']);
  assert.deepEqual(diagnose(broken, { ...DEFAULT_SETTINGS, maxDiagnostics: 3, syntaxErrors: false }).map((d) => d.code), ['invalid-option']);
});

test('the capped report is the plain rule (every error, then warnings and information by severity and place up to the cap) applied to every finding, and no check fails, on random payloads', () => {
  const random = seededRandom(4);
  const rank = { error: 0, warning: 1, information: 2 };
  const catalog = randomCatalog();
  for (let run = 0; run < 300; run++) {
    const text = randomPayload(random, 60);
    const model = parsePayload(text);
    const document = TextDocument.create('file:///t.contact.json', 'json', 1, text);
    const all = findProblems(model, catalog, failIfACheckFails(text)).sort((a, b) => a.span.offset - b.span.offset);
    for (const max of [1, 3, 10, 40, 500]) {
      let expected: Finding[] = all;
      const errors = all.filter((f) => f.severity === 'error');
      const others = all.filter((f) => f.severity !== 'error');
      if (others.length > max) {
        const shown = [...others].sort((a, b) => rank[a.severity] - rank[b.severity] || a.span.offset - b.span.offset).slice(0, max);
        expected = [...errors, ...shown].sort((a, b) => a.span.offset - b.span.offset || rank[a.severity] - rank[b.severity]);
        expected.push({ code: 'too-many-diagnostics', severity: 'information', span: { offset: 0, length: 0 }, message: `${others.length} warnings and notes in this file; showing the first ${max} (setting contactPayloads.maxDiagnostics) and every error (${errors.length}).` });
      }
      assert.deepStrictEqual(validate(document, model, catalog, { ...DEFAULT_SETTINGS, maxDiagnostics: max }), toDiagnostics(document, expected), `max ${max}: ${text}`);
    }
  }
});

test('a document over the size limit gets one information diagnostic and is not parsed', () => {
  const text = payload(...Array.from({ length: 2000 }, (_, i) => entry(`p${i}`, 'x'.repeat(20))));
  const diagnostics = diagnose(text, { ...DEFAULT_SETTINGS, maxDocumentSize: 10_000 });
  assert.equal(diagnostics.length, 1);
  assert.equal(diagnostics[0]?.code, 'document-too-large');
  assert.equal(diagnostics[0]?.severity, DiagnosticSeverity.Information);
});

test('100 000 levels of nesting: one clear error, no stack overflow', () => {
  const deep = '['.repeat(100_000) + ']'.repeat(100_000);
  const diagnostics = diagnose(`{"properties":[{"property":"email","value":${deep}}]}`);
  assert.deepEqual(diagnostics.map((d) => d.code), ['value-not-scalar', 'nesting-too-deep']);
  const unclosed = diagnose('{"properties":' + '{"a":'.repeat(100_000));
  assert.ok(unclosed.some((d) => d.code === 'nesting-too-deep'));
  assert.ok(unclosed.some((d) => d.code === 'invalid-json'));
});

test('settings from a client are read defensively', () => {
  assert.deepEqual(normaliseSettings({ maxDocumentSize: 2048, maxDiagnostics: '3', syntaxErrors: 'no' }), { maxDocumentSize: 2048, maxDiagnostics: DEFAULT_SETTINGS.maxDiagnostics, syntaxErrors: true });
  assert.equal(normaliseSettings({ syntaxErrors: false }).syntaxErrors, false);
  assert.deepEqual(normaliseSettings('nonsense'), DEFAULT_SETTINGS);
  assert.deepEqual(normaliseSettings(null), DEFAULT_SETTINGS);
});

test("HubSpot's own findings share the cap with the document's", () => {
  const text = payload(entry('email', 'a@b.co'), ...Array.from({ length: 20 }, (_, i) => entry(`custom_${i}`, 'x')));
  const document = TextDocument.create('file:///t.contact.json', 'json', 1, text);
  const rejected = { code: 'hubspot-rejected' as const, severity: 'error' as const, span: { offset: text.indexOf('"a@b.co"'), length: 8 }, message: 'HubSpot rejected this (INVALID_EMAIL): no' };
  const diagnostics = validate(document, parsePayload(text), bundledDefaultCatalog(), { ...DEFAULT_SETTINGS, maxDiagnostics: 5 }, [rejected]);
  assert.equal(diagnostics.length, 7);
  assert.equal(diagnostics[0]?.code, 'hubspot-rejected', 'an error, so it is always kept');
  assert.equal(diagnostics[6]?.code, 'too-many-diagnostics');
  assert.match(messageOf(diagnostics[6]), /^20 warnings and notes in this file; showing the first 5 .* and every error \(1\)/);
});


test('a check that throws costs only its own finding: check-failed in its place, the rest reported, the listener told once', () => {
  const broken = (what: string) => { throw new Error(`${what} is broken`); };
  let labelBroken = false;
  const catalog = createCatalog([
    { name: 'email', label: 'Email', type: 'string', fieldType: 'text' },
    // Reading the options throws while the value is checked; reading the label throws while a message is written.
    { name: 'tier', label: 'Tier', type: 'enumeration', fieldType: 'select', get options(): never { return broken('options'); } },
    { name: 'seats', get label(): string { return labelBroken ? broken('label') : 'Seats'; }, type: 'number', fieldType: 'number' },
  ], { kind: 'portal', description: 'test portal' });
  // As the server does when a catalog arrives; afterwards the label breaks.
  propertyNameIndex(catalog);
  labelBroken = true;
  const text = payload(entry('email', 'not-an-email'), entry('tier', 'gold'), entry('seats', 'ten'), entry('tier', 'silver'), entry('seats', 'eleven'), entry('frstname', 'Ada'));
  const document = TextDocument.create('file:///t.contact.json', 'json', 1, text);
  const failures: string[] = [];
  const diagnostics = validate(document, parsePayload(text), catalog, DEFAULT_SETTINGS, [], ({ check, error }) => failures.push(`${check}: ${(error as Error).message}`));
  assert.deepEqual(diagnostics.map((d) => [d.code, d.severity, text.slice(document.offsetAt(d.range.start), document.offsetAt(d.range.start) + 7)]), [
    ['invalid-email', DiagnosticSeverity.Error, '"not-an'],
    ['check-failed', DiagnosticSeverity.Warning, '"gold"}'],
    ['check-failed', DiagnosticSeverity.Error, '"ten"},'],
    ['duplicate-property', DiagnosticSeverity.Warning, '"tier",'],
    ['check-failed', DiagnosticSeverity.Warning, '"silver'],
    ['duplicate-property', DiagnosticSeverity.Warning, '"seats"'],
    ['check-failed', DiagnosticSeverity.Error, '"eleven'],
    ['unknown-property', DiagnosticSeverity.Error, '"frstna'],
  ]);
  assert.equal(messageOf(diagnostics[1]), 'Not fully checked: checking this entry failed ("options is broken"). This is a bug in Contact Payloads; please report it.');
  assert.match(messageOf(diagnostics[2]), /^Not fully checked: describing the problem found here failed \("label is broken"\)\./);
  assert.deepEqual(failures, ['checking this entry: options is broken', 'describing the problem found here: label is broken'], 'each failure once, however many entries it hit');
  assert.equal(findProblems(parsePayload(text), catalog).filter((f) => f.code === 'check-failed').length, 4, 'findProblems contains them too, without a listener');
});

test('countErrors counts every error, past the cap and whatever the settings say of syntax errors, with the findings given', () => {
  const catalog = bundledDefaultCatalog();
  const many = payload(...Array.from({ length: 700 }, (_, i) => entry('email', `not-an-email-${i}`)));
  assert.equal(only(diagnose(many), 'invalid-email').length, 700, 'the report shows every error, past the cap');
  assert.equal(countErrors(parsePayload(many), catalog), 700);
  assert.equal(countErrors(parsePayload(payload(entry('email', 'a@b.co'), entry('frstname', 'Ada'))), catalog), 0, 'warnings are not errors');
  assert.equal(countErrors(parsePayload('{"properties": [' + entry('email', 'a@b.co')), catalog), 1, 'a syntax error counts');
  const rejected: Finding = { code: 'hubspot-rejected', severity: 'error', span: { offset: 0, length: 1 }, message: 'rejected' };
  assert.equal(countErrors(parsePayload(payload(entry('email', 'a@b.co'))), catalog, [rejected]), 1);
});

test('what one validation met of names is its own: the next, of another file or against another catalog, starts afresh', () => {
  const portal = createCatalog([{ name: 'favorite_color', label: 'Favorite color', type: 'string', fieldType: 'text' }], { kind: 'portal', description: 'test portal' });
  const twice = JSON.stringify({ properties: { email: 'a@b.co' } }).replace('}}', ', "email": "c@d.co"}}');
  assert.deepEqual(diagnose(twice).map((d) => d.code), ['duplicate-property']);
  assert.deepEqual(diagnose(twice).map((d) => d.code), ['duplicate-property'], 'the same again, no more, no less');
  assert.deepEqual(diagnose(JSON.stringify({ properties: { email: 'a@b.co' } })).map((d) => d.code), [], 'email met before is not a duplicate here');
  assert.deepEqual(diagnose(JSON.stringify({ properties: { firstname: 'Ada' } })).map((d) => d.code), ['missing-email'], 'email met before is not met here');
  const custom = '{"properties": {"email": "a@b.co", "favorite_color": "blue", "__proto__": "x"}}';
  assert.deepEqual(diagnose(custom).map((d) => d.code), ['unknown-property', 'unknown-property'], 'the bundled catalog has neither');
  assert.deepEqual(diagnose(custom, DEFAULT_SETTINGS, portal).map((d) => [d.code, d.severity]), [['unknown-property', DiagnosticSeverity.Error], ['unknown-property', DiagnosticSeverity.Error]], 'the portal knows favorite_color, but not email or __proto__');
  assert.deepEqual(diagnose(custom).map((d) => d.code), ['unknown-property', 'unknown-property'], 'and back to the bundled catalog');
});
