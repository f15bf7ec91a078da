import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CodeActionKind, DiagnosticSeverity, Range, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import { codeActions } from '../../../server/src/service/codeActions';
import { DIAGNOSTIC_SOURCE, DiagnosticCode } from '../../../server/src/service/diagnosticCodes';
import { DEFAULT_SETTINGS } from '../../../server/src/service/serverSettings';
import { validate } from '../../../server/src/service/validate';
import { applied, entryText, fixture, payloadText, testCatalog, type Fixture } from './cursorFixture';

const catalog = testCatalog();

/** A diagnostic of ours over `needle` (its first occurrence, or the `nth`). */
function diagnosticOn(f: Fixture, needle: string, code: string, data: unknown, nth = 0): Diagnostic {
  const text = f.document.getText();
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `${needle} is in the text`);
  const range = Range.create(f.document.positionAt(at), f.document.positionAt(at + needle.length));
  return { range, severity: DiagnosticSeverity.Warning, code, source: DIAGNOSTIC_SOURCE, message: 'test', data };
}

function actionsFor(f: Fixture, diagnostics: Diagnostic[]): CodeAction[] {
  const whole = Range.create(f.document.positionAt(0), f.document.positionAt(f.document.getText().length));
  // Quick fixes only: a v1 document is also offered its conversion (convertActions.test.ts).
  return codeActions(f.document, f.payload, whole, diagnostics, catalog, [CodeActionKind.QuickFix]);
}

function editsOf(f: Fixture, action: CodeAction): TextEdit[] {
  const edits = action.edit?.changes?.[f.document.uri];
  assert.ok(edits, `${action.title} edits this document`);
  return edits;
}

function textAfter(f: Fixture, action: CodeAction): string {
  return applied(f.document, editsOf(f, action));
}

interface PayloadJson {
  readonly properties: readonly unknown[];
}

/** The payload after the action, parsed: a fix must leave valid JSON. */
function payloadAfter(f: Fixture, action: CodeAction): PayloadJson {
  return JSON.parse(textAfter(f, action)) as PayloadJson;
}

const titles = (actions: readonly CodeAction[]) => actions.map((a) => a.title);

// ── Replacements ──────────────────────────────────────────────────────────────────────────────────

test('did you mean: one action per candidate, the first preferred, replacing the quoted name', () => {
  const f = fixture('{"properties":[{"property":"emial","value":"a@b.co"}]}');
  const diagnostic = diagnosticOn(f, '"emial"', DiagnosticCode.UnknownProperty, { fix: 'replace', replacements: ['email', 'work_email'] });
  const actions = actionsFor(f, [diagnostic]);
  assert.deepEqual(titles(actions), ["Did you mean 'email'?", "Did you mean 'work_email'?"]);
  assert.deepEqual(actions.map((a) => a.isPreferred), [true, false]);
  assert.equal(actions[0].kind, CodeActionKind.QuickFix);
  assert.deepEqual(actions[0].diagnostics, [diagnostic]);
  assert.deepEqual(editsOf(f, actions[0]), [{ range: { start: { line: 0, character: 27 }, end: { line: 0, character: 34 } }, newText: '"email"' }]);
  assert.deepEqual(JSON.parse(textAfter(f, actions[1])), { properties: [{ property: 'work_email', value: 'a@b.co' }] });
});

test('a label where the option value belongs: the title names both', () => {
  const f = fixture('{"properties":[{"property":"lifecyclestage","value":"Marketing Qualified Lead"}]}');
  const [action] = actionsFor(f, [diagnosticOn(f, '"Marketing Qualified Lead"', DiagnosticCode.InvalidOption, { fix: 'replace', replacements: ['marketingqualifiedlead'] })]);
  assert.equal(action.title, "Use the option value 'marketingqualifiedlead' (label 'Marketing Qualified Lead')");
  assert.equal(action.isPreferred, true);
  assert.equal(textAfter(f, action), '{"properties":[{"property":"lifecyclestage","value":"marketingqualifiedlead"}]}');
});

test('other replacements say "Change to", a multi-select fix included', () => {
  const f = fixture('{"properties":[{"property":"hs_legal_basis","value":"Not applicable;Legitimate interest - prospect/lead"},{"property":"newsletter_opt_in","value":"maybe"}]}');
  const multi = diagnosticOn(f, '"Not applicable;Legitimate interest - prospect/lead"', DiagnosticCode.InvalidOption, { fix: 'replace', replacements: ['Not applicable;Legitimate interest – prospect/lead'] });
  const bool = diagnosticOn(f, '"maybe"', DiagnosticCode.InvalidBool, { fix: 'replace', replacements: ['true', 'false'] });
  const actions = actionsFor(f, [multi, bool]);
  assert.deepEqual(titles(actions), ["Change to 'Not applicable;Legitimate interest – prospect/lead'", "Change to 'true'", "Change to 'false'"]);
  assert.deepEqual(JSON.parse(textAfter(f, actions[0])), {
    properties: [{ property: 'hs_legal_basis', value: 'Not applicable;Legitimate interest – prospect/lead' }, { property: 'newsletter_opt_in', value: 'maybe' }],
  });
  assert.deepEqual(JSON.parse(textAfter(f, actions[2])), {
    properties: [{ property: 'hs_legal_basis', value: 'Not applicable;Legitimate interest - prospect/lead' }, { property: 'newsletter_opt_in', value: 'false' }],
  });
});

test('at most five replacements are offered', () => {
  const f = fixture('{"properties":[{"property":"x","value":""}]}');
  const actions = actionsFor(f, [diagnosticOn(f, '"x"', DiagnosticCode.UnknownProperty, { fix: 'replace', replacements: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] })]);
  assert.deepEqual(titles(actions), ["Did you mean 'a'?", "Did you mean 'b'?", "Did you mean 'c'?", "Did you mean 'd'?", "Did you mean 'e'?"]);
});

test('replacements are written as JSON strings, escapes included', () => {
  const f = fixture('{"properties":[{"property":"message","value":"x"}]}');
  const [action] = actionsFor(f, [diagnosticOn(f, '"x"', DiagnosticCode.InvalidOption, { fix: 'replace', replacements: ['say "hi"\\\n'] })]);
  assert.equal(editsOf(f, action)[0].newText, '"say \\"hi\\"\\\\\\n"');
  assert.deepEqual(JSON.parse(textAfter(f, action)), { properties: [{ property: 'message', value: 'say "hi"\\\n' }] });
});

// ── Quoting ───────────────────────────────────────────────────────────────────────────────────────

test('a number or boolean is quoted; null becomes an empty string', () => {
  const f = fixture('{"properties":[{"property":"associatedcompanyid","value":1.50},{"property":"newsletter_opt_in","value":true},{"property":"city","value":null}]}');
  const actions = actionsFor(f, [
    diagnosticOn(f, '1.50', DiagnosticCode.NonStringValue, { fix: 'quote', text: '1.50' }),
    diagnosticOn(f, 'true', DiagnosticCode.NonStringValue, { fix: 'quote', text: 'true' }),
    diagnosticOn(f, 'null', DiagnosticCode.NullValue, { fix: 'quote', text: '' }),
  ]);
  assert.deepEqual(titles(actions), ['Quote the value as a string', 'Quote the value as a string', 'Replace null with an empty string']);
  assert.ok(actions.every((a) => a.isPreferred));
  assert.deepEqual(editsOf(f, actions[0]), [{ range: { start: { line: 0, character: 57 }, end: { line: 0, character: 61 } }, newText: '"1.50"' }]);
  assert.deepEqual(payloadAfter(f, actions[0]).properties[0], { property: 'associatedcompanyid', value: '1.50' });
  assert.deepEqual(payloadAfter(f, actions[1]).properties[1], { property: 'newsletter_opt_in', value: 'true' });
  assert.deepEqual(payloadAfter(f, actions[2]).properties[2], { property: 'city', value: '' });
});

// ── Removing entries ──────────────────────────────────────────────────────────────────────────────

const lines = (...rows: string[]) => rows.join('\n');

test('removing a duplicate in the middle takes its line and the comma after it', () => {
  const f = fixture(payloadText([entryText('email', 'a@b.co'), entryText('city', 'Oslo'), entryText('email', 'c@d.co'), entryText('zip', '0150')]));
  const [action] = actionsFor(f, [diagnosticOn(f, '"email"', DiagnosticCode.DuplicateProperty, { fix: 'removeEntry', entryIndex: 2 }, 1)]);
  assert.equal(action.title, "Remove duplicate entry 'email'");
  assert.equal(action.isPreferred, true);
  assert.deepEqual(editsOf(f, action), [{ range: { start: { line: 4, character: 4 }, end: { line: 5, character: 4 } }, newText: '' }]);
  assert.equal(textAfter(f, action), payloadText([entryText('email', 'a@b.co'), entryText('city', 'Oslo'), entryText('zip', '0150')]));
});

test('removing the first entry leaves the next one where it was', () => {
  const f = fixture(payloadText([entryText('createdate', '1'), entryText('email', 'a@b.co')]));
  const [action] = actionsFor(f, [diagnosticOn(f, '"createdate"', DiagnosticCode.ReadOnlyProperty, { fix: 'removeEntry', entryIndex: 0 })]);
  assert.equal(action.title, "Remove read-only property 'createdate'");
  assert.equal(textAfter(f, action), payloadText([entryText('email', 'a@b.co')]));
});

test('removing the last entry takes the comma before it', () => {
  const f = fixture(payloadText([entryText('email', 'a@b.co'), entryText('email', 'c@d.co')]));
  const [action] = actionsFor(f, [diagnosticOn(f, '"email"', DiagnosticCode.DuplicateProperty, { fix: 'removeEntry', entryIndex: 1 }, 1)]);
  assert.equal(textAfter(f, action), payloadText([entryText('email', 'a@b.co')]));
});

test('removing the only entry leaves an empty array', () => {
  const f = fixture(payloadText([entryText('hs_object_id', '12')]));
  const [action] = actionsFor(f, [diagnosticOn(f, '"hs_object_id"', DiagnosticCode.ReadOnlyProperty, { fix: 'removeEntry', entryIndex: 0 })]);
  assert.equal(textAfter(f, action), lines('{', '  "properties": []', '}', ''));
});

test('entries on one line: the comma and the space go with the entry', () => {
  const single = '{"properties":[{"property":"email","value":"a"}, {"property":"email","value":"b"}, {"property":"city","value":"c"}]}';
  const f = fixture(single);
  const remove = (entryIndex: number, nth: number) => actionsFor(f, [diagnosticOn(f, '"email"', DiagnosticCode.DuplicateProperty, { fix: 'removeEntry', entryIndex }, nth)])[0];
  assert.equal(textAfter(f, remove(1, 1)), '{"properties":[{"property":"email","value":"a"}, {"property":"city","value":"c"}]}');
  assert.equal(textAfter(f, remove(0, 0)), '{"properties":[{"property":"email","value":"b"}, {"property":"city","value":"c"}]}');
  const g = fixture('{"properties":[{"property":"email","value":"a"},{"property":"email","value":"b"}]}');
  const [last] = actionsFor(g, [diagnosticOn(g, '"email"', DiagnosticCode.DuplicateProperty, { fix: 'removeEntry', entryIndex: 1 }, 1)]);
  assert.equal(textAfter(g, last), '{"properties":[{"property":"email","value":"a"}]}');
});

test('CRLF files stay CRLF and valid after a removal', () => {
  const f = fixture(payloadText([entryText('email', 'a@b.co'), entryText('createdate', '1'), entryText('city', 'Oslo')], '\r\n'));
  const [action] = actionsFor(f, [diagnosticOn(f, '"createdate"', DiagnosticCode.ReadOnlyProperty, { fix: 'removeEntry', entryIndex: 1 })]);
  assert.deepEqual(editsOf(f, action), [{ range: { start: { line: 3, character: 4 }, end: { line: 4, character: 4 } }, newText: '' }]);
  assert.equal(textAfter(f, action), payloadText([entryText('email', 'a@b.co'), entryText('city', 'Oslo')], '\r\n'));
});

test('an emoji and a byte order mark before the entry do not shift the edit', () => {
  const f = fixture('\uFEFF{"properties":[{"property":"firstname","value":"😀"},{"property":"firstname","value":"x"}]}');
  const diagnostic = diagnosticOn(f, '"firstname"', DiagnosticCode.DuplicateProperty, { fix: 'removeEntry', entryIndex: 1 }, 1);
  // 16 code units before the first entry (the mark is one), 37 in it (the emoji is two), a comma, then `{"property":`.
  assert.deepEqual(diagnostic.range, { start: { line: 0, character: 66 }, end: { line: 0, character: 77 } });
  const [action] = actionsFor(f, [diagnostic]);
  assert.deepEqual(editsOf(f, action)[0].range, { start: { line: 0, character: 53 }, end: { line: 0, character: 90 } });
  assert.equal(textAfter(f, action), '\uFEFF{"properties":[{"property":"firstname","value":"😀"}]}');
});

test('an entry without a name is named by its number', () => {
  const f = fixture('{"properties":[{"property":"email","value":"a"},{"value":"x"}]}');
  const [action] = actionsFor(f, [diagnosticOn(f, '{"value":"x"}', DiagnosticCode.ReadOnlyProperty, { fix: 'removeEntry', entryIndex: 1 })]);
  assert.equal(action.title, 'Remove read-only property number 2');
});

// ── What is not acted on ──────────────────────────────────────────────────────────────────────────

test('stale diagnostics (an entry that moved or is gone) offer no removal', () => {
  const f = fixture('{"properties":[{"property":"email","value":"a"},{"property":"email","value":"b"}]}');
  assert.deepEqual(actionsFor(f, [diagnosticOn(f, '"email"', DiagnosticCode.DuplicateProperty, { fix: 'removeEntry', entryIndex: 5 }, 1)]), []);
  assert.deepEqual(actionsFor(f, [diagnosticOn(f, '"email"', DiagnosticCode.DuplicateProperty, { fix: 'removeEntry', entryIndex: 1 }, 0)]), []);
});

test('other sources, missing or malformed data, and diagnostics outside the range are ignored', () => {
  const f = fixture('{"properties":[{"property":"emial","value":"a"},{"property":"x","value":"b"}]}');
  const good = diagnosticOn(f, '"emial"', DiagnosticCode.UnknownProperty, { fix: 'replace', replacements: ['email'] });
  const malformed: unknown[] = [
    undefined, null, 'replace', 42, [], { fix: 'replace' }, { fix: 'replace', replacements: [1] }, { fix: 'replace', replacements: 'email' },
    { fix: 'quote' }, { fix: 'removeEntry', entryIndex: -1 }, { fix: 'removeEntry', entryIndex: 0.5 }, { fix: 'removeEntry', entryIndex: '0' },
    { fix: 'toString' }, { fix: '__proto__' }, { fix: 'constructor' }, JSON.parse('{"__proto__":{"fix":"quote","text":"x"}}'),
  ];
  const diagnostics = malformed.map((data) => diagnosticOn(f, '"emial"', DiagnosticCode.UnknownProperty, data));
  diagnostics.push({ ...good, source: 'json' });
  assert.deepEqual(actionsFor(f, diagnostics), []);

  const secondEntry = diagnosticOn(f, '"x"', DiagnosticCode.UnknownProperty, { fix: 'replace', replacements: ['city'] });
  const onFirstEntry = Range.create(0, 27, 0, 30);
  assert.deepEqual(titles(codeActions(f.document, f.payload, onFirstEntry, [good, secondEntry], catalog, [CodeActionKind.QuickFix])), ["Did you mean 'email'?"]);
});

test('__proto__, constructor and toString as names: titles and edits stay plain', () => {
  const f = fixture('{"properties":[{"property":"__proto__","value":"a"},{"property":"__proto__","value":"b"},{"property":"constructor","value":"toString"}]}');
  const actions = actionsFor(f, [
    diagnosticOn(f, '"__proto__"', DiagnosticCode.DuplicateProperty, { fix: 'removeEntry', entryIndex: 1 }, 1),
    diagnosticOn(f, '"toString"', DiagnosticCode.InvalidOption, { fix: 'replace', replacements: ['__proto__'] }),
  ]);
  assert.deepEqual(titles(actions), ["Remove duplicate entry '__proto__'", "Use the option value '__proto__' (label 'Prototype')"]);
  assert.equal(payloadAfter(f, actions[0]).properties.length, 2);
  assert.equal(textAfter(f, actions[1]).endsWith('{"property":"constructor","value":"__proto__"}]}'), true);
});

test('the validator\'s own diagnostics drive the fixes end to end', () => {
  const f = fixture(payloadText([
    entryText('emial', 'a@b.co'),
    entryText('lifecyclestage', 'Sales Qualified Lead'),
    '{ "property": "associatedcompanyid", "value": 42 }',
    entryText('createdate', '1430438400000'),
    entryText('emial', 'x@y.co'),
  ]));
  const diagnostics = validate(f.document, f.payload, catalog, DEFAULT_SETTINGS);
  const preferred = actionsFor(f, diagnostics).filter((a) => a.isPreferred);
  // Both `emial` entries get "Did you mean 'email'?": keep the first of each title.
  const byTitle = new Map<string, CodeAction>();
  for (const action of preferred) if (!byTitle.has(action.title)) byTitle.set(action.title, action);
  const fix = (title: string) => {
    const action = byTitle.get(title);
    assert.ok(action, `${title} among ${[...byTitle.keys()].join(' | ')}`);
    return payloadAfter(f, action);
  };
  assert.deepEqual(fix("Did you mean 'email'?").properties[0], { property: 'email', value: 'a@b.co' });
  assert.deepEqual(fix("Use the option value 'salesqualifiedlead' (label 'Sales Qualified Lead')").properties[1], { property: 'lifecyclestage', value: 'salesqualifiedlead' });
  assert.deepEqual(fix('Quote the value as a string').properties[2], { property: 'associatedcompanyid', value: '42' });
  assert.equal(fix("Remove read-only property 'createdate'").properties.length, 4);
  const withoutDuplicate = fix("Remove duplicate entry 'emial'").properties;
  assert.equal(withoutDuplicate.length, 4);
  assert.deepEqual(withoutDuplicate.at(-1), { property: 'createdate', value: '1430438400000' });
});
