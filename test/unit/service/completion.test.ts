import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CompletionItemKind, CompletionItemTag, InsertTextFormat, type CompletionItem, type CompletionList, type TextEdit } from 'vscode-languageserver-types';
import { complete } from '../../../server/src/service/completion';
import { applied, entryText, fixture, payloadText, testCatalog, type Fixture } from './cursorFixture';

const catalog = testCatalog();

function completeAt(textWithCursor: string, snippetSupport = false): CompletionList & { readonly fixture: Fixture } {
  const f = fixture(textWithCursor);
  return { ...complete(f.document, f.payload, f.position, catalog, { snippetSupport }), fixture: f };
}

function item(list: CompletionList, label: string): CompletionItem {
  const found = list.items.find((i) => i.label === label);
  assert.ok(found, `no item labelled ${label} among ${list.items.map((i) => i.label).join(', ')}`);
  return found;
}

function editOf(completion: CompletionItem): TextEdit {
  const edit = completion.textEdit;
  assert.ok(edit && 'range' in edit, 'items carry a TextEdit');
  return edit;
}

/** The document after accepting `label`, parsed: every accepted item must leave valid JSON. */
function accept(list: CompletionList & { readonly fixture: Fixture }, label: string): { readonly text: string; readonly json: unknown } {
  const text = applied(list.fixture.document, [editOf(item(list, label))]);
  // A byte order mark is not JSON; editors keep it and HubSpot never sees it.
  return { text, json: JSON.parse(text.replace(/^\uFEFF/, '')) as unknown };
}

const labels = (list: CompletionList) => list.items.map((i) => i.label);
const preselected = (list: CompletionList) => list.items.filter((i) => i.preselect).map((i) => i.label);

// ── Property names ────────────────────────────────────────────────────────────────────────────────

test('property names inside "": the edit covers both quotes and inserts a quoted name', () => {
  const list = completeAt('{"properties":[{"property":"|","value":"a@b.co"}]}');
  const email = item(list, 'email');
  assert.deepEqual(editOf(email), { range: { start: { line: 0, character: 27 }, end: { line: 0, character: 29 } }, newText: '"email"' });
  assert.equal(email.filterText, '"email"');
  assert.equal(email.kind, CompletionItemKind.Property);
  assert.equal(email.detail, 'Email · string/text');
  assert.equal(email.insertTextFormat, InsertTextFormat.PlainText);
  assert.deepEqual(preselected(list), ['email']);
  assert.match(email.sortText ?? '', /^0\d+$/);
  assert.equal(list.items.length, catalog.properties.size);
  assert.deepEqual(accept(list, 'firstname').json, { properties: [{ property: 'firstname', value: 'a@b.co' }] });
});

test('property names after "em: the whole token is replaced and the typed text filters', () => {
  const list = completeAt('{"properties":[{"property":"em|","value":""}]}');
  assert.deepEqual(editOf(item(list, 'email')).range, { start: { line: 0, character: 27 }, end: { line: 0, character: 31 } });
  assert.deepEqual(preselected(list), ['email']);
  assert.equal(accept(list, 'email').text, '{"properties":[{"property":"email","value":""}]}');
});

test('property names in a string whose closing quote is missing: the } after it survives', () => {
  const list = completeAt('{"properties":[{"property":"em|}]}');
  assert.deepEqual(editOf(item(list, 'email')).range, { start: { line: 0, character: 27 }, end: { line: 0, character: 30 } });
  assert.deepEqual(accept(list, 'email').json, { properties: [{ property: 'email' }] });
});

test('property names typed without quotes get their quotes', () => {
  const list = completeAt('{"properties":[{"property": em|, "value": ""}]}');
  const email = item(list, 'email');
  assert.deepEqual(editOf(email), { range: { start: { line: 0, character: 28 }, end: { line: 0, character: 30 } }, newText: '"email"' });
  assert.equal(email.filterText, 'email');
  assert.deepEqual(accept(list, 'email').json, { properties: [{ property: 'email', value: '' }] });
});

test('property names right after the colon insert at the cursor', () => {
  const list = completeAt('{"properties":[{"property": |}]}');
  assert.deepEqual(editOf(item(list, 'city')), { range: { start: { line: 0, character: 28 }, end: { line: 0, character: 28 } }, newText: '"city"' });
  assert.deepEqual(accept(list, 'city').json, { properties: [{ property: 'city' }] });
});

test('names already set elsewhere sort last and say so; the entry being edited does not count', () => {
  const list = completeAt(payloadText([entryText('email', 'a@b.co'), '{ "property": "firstname|", "value": "Ada" }']));
  const email = item(list, 'email');
  assert.equal(email.detail, 'Email · string/text · already set in this file');
  assert.equal(labels(list).at(-1), 'email');
  assert.equal(item(list, 'firstname').detail, 'First Name · string/text');
  assert.deepEqual(preselected(list), ['firstname']);
});

test('read-only properties sort after writable ones, struck through and marked read-only', () => {
  const list = completeAt('{"properties":[{"property":"|"}]}');
  const createdate = item(list, 'createdate');
  assert.deepEqual(createdate.tags, [CompletionItemTag.Deprecated]);
  assert.equal(createdate.detail, 'Create Date · datetime/date · read-only');
  const order = labels(list);
  assert.ok(order.indexOf('createdate') > order.indexOf('newsletter_opt_in'), 'read-only after the writable custom ones');
  assert.ok((item(list, 'createdate').sortText ?? '') > (item(list, 'price$}').sortText ?? ''));
  assert.equal(item(list, 'email').tags, undefined);
});

test('each name documents its property in Markdown, with portal text escaped', () => {
  const list = completeAt('{"properties":[{"property":"|"}]}');
  assert.deepEqual(item(list, 'lifecyclestage').documentation, {
    kind: 'markdown',
    value: [
      '**Lifecycle Stage** `lifecyclestage`',
      'Type `enumeration/radio`',
      "Funnel stage; use the internal option value (e.g. 'marketingqualifiedlead'), not the label. Portals may add custom stages.",
      'Options (value — label):\n\n- `subscriber` — Subscriber\n- `lead` — Lead\n- `marketingqualifiedlead` — Marketing Qualified Lead\n- `salesqualifiedlead` — Sales Qualified Lead\n- `opportunity` — Opportunity\n- `customer` — Customer\n- `evangelist` — Evangelist\n- `other` — Other',
    ].join('\n\n'),
  });
  const price = item(list, 'price$}').documentation;
  assert.ok(typeof price === 'object');
  assert.equal(price.value, '**Price \\[USD\\] \\<b\\>** `price$}`\n\nType `number/number`\n\nCosts \\*a lot\\*; see \\[docs\\](http://example.com).');
});

// ── Whole entries ─────────────────────────────────────────────────────────────────────────────────

test('in an empty properties array a snippet client gets entry snippets with the options as a choice', () => {
  const list = completeAt('{"properties":[|]}', true);
  const lifecycle = item(list, 'lifecyclestage');
  assert.equal(lifecycle.insertTextFormat, InsertTextFormat.Snippet);
  assert.equal(lifecycle.kind, CompletionItemKind.Struct);
  assert.deepEqual(editOf(lifecycle), {
    range: { start: { line: 0, character: 15 }, end: { line: 0, character: 15 } },
    newText: '{ "property": "lifecyclestage", "value": "${1|subscriber,lead,marketingqualifiedlead,salesqualifiedlead,opportunity,customer,evangelist,other|}" }',
  });
  assert.equal(editOf(item(list, 'email')).newText, '{ "property": "email", "value": "$1" }');
  assert.equal(editOf(item(list, 'newsletter_opt_in')).newText, '{ "property": "newsletter_opt_in", "value": "${1|true,false|}" }');
  // Too many options for a choice: a plain tab stop.
  assert.equal(editOf(item(list, 'hs_language')).newText, '{ "property": "hs_language", "value": "$1" }');
  assert.equal(item(list, 'email').detail, 'New entry · Email · string/text');
  assert.deepEqual(preselected(list), ['email']);
});

test('a client without snippet support gets plain JSON with no placeholders', () => {
  const list = completeAt('{"properties":[|]}', false);
  for (const completion of list.items) {
    assert.equal(completion.insertTextFormat, InsertTextFormat.PlainText);
    assert.doesNotMatch(editOf(completion).newText, /\$\d|\$\{/, completion.label);
  }
  assert.deepEqual(accept(list, 'lifecyclestage').json, { properties: [{ property: 'lifecyclestage', value: '' }] });
});

test('snippet metacharacters in a property name are escaped in snippets only', () => {
  assert.equal(editOf(item(completeAt('{"properties":[|]}', true), 'price$}')).newText, '{ "property": "price\\$\\}", "value": "$1" }');
  const plain = completeAt('{"properties":[|]}', false);
  assert.equal(editOf(item(plain, 'price$}')).newText, '{ "property": "price$}", "value": "" }');
  assert.deepEqual(accept(plain, 'price$}').json, { properties: [{ property: 'price$}', value: '' }] });
});

test('a new entry after a comma, before an entry, or after an entry without a comma keeps the array valid', () => {
  const afterComma = completeAt(`{"properties":[${entryText('email', 'a@b.co')}, |]}`);
  assert.equal(editOf(item(afterComma, 'city')).newText, '{ "property": "city", "value": "" }');
  assert.deepEqual(accept(afterComma, 'city').json, { properties: [{ property: 'email', value: 'a@b.co' }, { property: 'city', value: '' }] });

  const beforeEntry = completeAt(`{"properties":[|${entryText('email', 'a@b.co')}]}`);
  assert.equal(editOf(item(beforeEntry, 'city')).newText, '{ "property": "city", "value": "" },');
  assert.deepEqual(accept(beforeEntry, 'city').json, { properties: [{ property: 'city', value: '' }, { property: 'email', value: 'a@b.co' }] });

  const noComma = completeAt(`{"properties":[${entryText('email', 'a@b.co')} |]}`);
  assert.equal(editOf(item(noComma, 'city')).newText, ', { "property": "city", "value": "" }');
  assert.deepEqual(accept(noComma, 'city').json, { properties: [{ property: 'email', value: 'a@b.co' }, { property: 'city', value: '' }] });
});

test('a new entry on its own line of a hand-written file', () => {
  const list = completeAt(payloadText([entryText('email', 'a@b.co'), '|']));
  assert.deepEqual(editOf(item(list, 'firstname')).range, { start: { line: 3, character: 4 }, end: { line: 3, character: 4 } });
  assert.deepEqual(accept(list, 'firstname').json, { properties: [{ property: 'email', value: 'a@b.co' }, { property: 'firstname', value: '' }] });
  // email is already there: it sorts last.
  assert.equal(labels(list).at(-1), 'email');
});

test('a word or a string typed where an entry belongs is replaced by the entry', () => {
  const word = completeAt(`{"properties":[${entryText('email', 'a@b.co')}, fir|]}`);
  assert.deepEqual(editOf(item(word, 'firstname')).range, { start: { line: 0, character: 59 }, end: { line: 0, character: 62 } });
  assert.deepEqual(preselected(word), ['firstname']);
  assert.deepEqual(accept(word, 'firstname').json, { properties: [{ property: 'email', value: 'a@b.co' }, { property: 'firstname', value: '' }] });

  const quoted = completeAt(`{"properties":[${entryText('email', 'a@b.co')}, "fir|"]}`);
  assert.equal(item(quoted, 'firstname').filterText, '"firstname"');
  assert.deepEqual(editOf(item(quoted, 'firstname')).range, { start: { line: 0, character: 59 }, end: { line: 0, character: 64 } });
  assert.deepEqual(accept(quoted, 'firstname').json, { properties: [{ property: 'email', value: 'a@b.co' }, { property: 'firstname', value: '' }] });
});

// ── Values ────────────────────────────────────────────────────────────────────────────────────────

test('enumeration values insert the option value and show its label', () => {
  const list = completeAt('{"properties":[{"property":"lifecyclestage","value":"|"}]}');
  assert.deepEqual(labels(list), ['subscriber', 'lead', 'marketingqualifiedlead', 'salesqualifiedlead', 'opportunity', 'customer', 'evangelist', 'other']);
  const mql = item(list, 'marketingqualifiedlead');
  assert.equal(mql.kind, CompletionItemKind.EnumMember);
  assert.equal(mql.detail, 'Marketing Qualified Lead');
  assert.deepEqual(mql.labelDetails, { description: 'Marketing Qualified Lead' });
  assert.equal(mql.filterText, '"marketingqualifiedlead Marketing Qualified Lead"');
  assert.deepEqual(editOf(mql), { range: { start: { line: 0, character: 52 }, end: { line: 0, character: 54 } }, newText: '"marketingqualifiedlead"' });
  assert.deepEqual(accept(list, 'marketingqualifiedlead').json, { properties: [{ property: 'lifecyclestage', value: 'marketingqualifiedlead' }] });
});

test('typing the start of a label finds and preselects the option', () => {
  const list = completeAt('{"properties":[{"property":"lifecyclestage","value":"Marketing Q|"}]}');
  assert.deepEqual(preselected(list), ['marketingqualifiedlead']);
  assert.equal(accept(list, 'marketingqualifiedlead').text, '{"properties":[{"property":"lifecyclestage","value":"marketingqualifiedlead"}]}');
});

test('hidden options are not offered', () => {
  assert.deepEqual(labels(completeAt('{"properties":[{"property":"favourite_colour","value":"|"}]}')), ['red', 'blue']);
});

test('bool values are the strings "true" and "false", also from a bare word', () => {
  const list = completeAt('{"properties":[{"property":"newsletter_opt_in","value":tr|}]}');
  assert.deepEqual(labels(list), ['true', 'false']);
  assert.deepEqual(editOf(item(list, 'true')), { range: { start: { line: 0, character: 55 }, end: { line: 0, character: 57 } }, newText: '"true"' });
  assert.deepEqual(preselected(list), ['true']);
  assert.deepEqual(accept(list, 'true').json, { properties: [{ property: 'newsletter_opt_in', value: 'true' }] });
});

test('multi-select values complete the part after the last ";" and skip parts already chosen', () => {
  const list = completeAt('{"properties":[{"property":"hs_legal_basis","value":"Not applicable;Leg|"}]}');
  assert.equal(labels(list).includes('Not applicable'), false);
  const prospect = item(list, 'Legitimate interest – prospect/lead');
  assert.deepEqual(editOf(prospect), {
    range: { start: { line: 0, character: 68 }, end: { line: 0, character: 71 } },
    newText: 'Legitimate interest – prospect/lead',
  });
  assert.equal(prospect.filterText, 'Legitimate interest – prospect/lead Legitimate interest - prospect/lead');
  assert.deepEqual(preselected(list), ['Legitimate interest – prospect/lead']);
  assert.deepEqual(accept(list, 'Legitimate interest – prospect/lead').json, {
    properties: [{ property: 'hs_legal_basis', value: 'Not applicable;Legitimate interest – prospect/lead' }],
  });
});

test('a multi-select part in the middle of the value is replaced up to the next ";"', () => {
  const list = completeAt('{"properties":[{"property":"hs_legal_basis","value":"Not applicable;Perf|xx;Freely given consent from contact"}]}');
  assert.deepEqual(labels(list), ['Legitimate interest – prospect/lead', 'Legitimate interest – existing customer', 'Legitimate interest - other', 'Performance of a contract']);
  assert.deepEqual(accept(list, 'Performance of a contract').json, {
    properties: [{ property: 'hs_legal_basis', value: 'Not applicable;Performance of a contract;Freely given consent from contact' }],
  });
});

test('a multi-select string without its closing quote gets one', () => {
  const list = completeAt('{"properties":[{"property":"hs_legal_basis","value":"Not applicable;|\n}]}');
  assert.deepEqual(accept(list, 'Performance of a contract').json, { properties: [{ property: 'hs_legal_basis', value: 'Not applicable;Performance of a contract' }] });
});

test('no value completions for free-text, unknown or missing property names', () => {
  assert.deepEqual(completeAt('{"properties":[{"property":"email","value":"|"}]}').items, []);
  assert.deepEqual(completeAt('{"properties":[{"property":"my_custom","value":"|"}]}').items, []);
  assert.deepEqual(completeAt('{"properties":[{"value":"|"}]}').items, []);
  // Inside a nested object nothing is offered.
  assert.deepEqual(completeAt('{"properties":[{"property":"lifecyclestage","value":{"a":"|"}}]}').items, []);
});

// ── Keys ──────────────────────────────────────────────────────────────────────────────────────────

test('top-level keys at the root key position, minus those present', () => {
  const empty = completeAt('{|}', true);
  assert.deepEqual(labels(empty), ['$schema', 'properties', 'vid']);
  assert.deepEqual(editOf(item(empty, 'properties')), { range: { start: { line: 0, character: 1 }, end: { line: 0, character: 1 } }, newText: '"properties": [$1]' });

  const plain = completeAt('{"properties":[] |}');
  assert.deepEqual(labels(plain), ['$schema', 'vid']);
  assert.equal(editOf(item(plain, 'vid')).newText, ', "vid": null');
  assert.deepEqual(accept(plain, 'vid').json, { properties: [], vid: null });

  const typed = completeAt('{"prop|"}');
  assert.deepEqual(editOf(item(typed, 'properties')), { range: { start: { line: 0, character: 1 }, end: { line: 0, character: 7 } }, newText: '"properties": []' });
  assert.deepEqual(preselected(typed), ['properties']);
  assert.deepEqual(accept(typed, 'properties').json, { properties: [] });
});

test('renaming an existing key replaces the key alone', () => {
  const list = completeAt('{"prop|": []}');
  assert.deepEqual(editOf(item(list, 'properties')), { range: { start: { line: 0, character: 1 }, end: { line: 0, character: 7 } }, newText: '"properties"' });
  assert.deepEqual(accept(list, 'properties').json, { properties: [] });
});

test('entry keys offer what the entry still lacks', () => {
  const list = completeAt('{"properties":[{"property":"email", |}]}');
  assert.deepEqual(labels(list), ['value', 'timestamp']);
  assert.deepEqual(accept(list, 'value').json, { properties: [{ property: 'email', value: '' }] });
  assert.deepEqual(labels(completeAt('{"properties":[{|}]}')), ['property', 'value', 'timestamp']);
});

// ── Awkward documents ─────────────────────────────────────────────────────────────────────────────

test('CRLF line ends: positions and the edited document come out right', () => {
  const list = completeAt(payloadText([entryText('email', 'a@b.co'), '{ "property": "lifecyclestage", "value": "l|" }'], '\r\n'));
  assert.deepEqual(editOf(item(list, 'lead')).range, { start: { line: 3, character: 45 }, end: { line: 3, character: 48 } });
  const { text, json } = accept(list, 'lead');
  assert.deepEqual(json, { properties: [{ property: 'email', value: 'a@b.co' }, { property: 'lifecyclestage', value: 'lead' }] });
  assert.equal(text.split('\r\n').length, 7, 'every line still ends in CRLF');
  assert.equal(text.replace(/\r\n/g, '').includes('\n'), false);
});

test('a byte order mark at the start counts as one UTF-16 code unit of line 0', () => {
  const list = completeAt('\uFEFF{"properties":[{"property":"|"}]}');
  assert.deepEqual(editOf(item(list, 'email')).range, { start: { line: 0, character: 28 }, end: { line: 0, character: 30 } });
  const { text, json } = accept(list, 'email');
  assert.equal(text, '\uFEFF{"properties":[{"property":"email"}]}');
  assert.deepEqual(json, { properties: [{ property: 'email' }] });
});

test('an emoji before the cursor on the same line counts as two code units', () => {
  const list = completeAt('{"properties":[{"property":"firstname","value":"😀"},{"property":"li|"}]}');
  // 66 characters of text before the string, the emoji being two of them.
  assert.deepEqual(editOf(item(list, 'lifecyclestage')).range, { start: { line: 0, character: 65 }, end: { line: 0, character: 69 } });
  assert.deepEqual(accept(list, 'lifecyclestage').json, { properties: [{ property: 'firstname', value: '😀' }, { property: 'lifecyclestage' }] });
});

test('__proto__, constructor and toString as names and values: no crash, no Object.prototype', () => {
  const text = `{"properties":[${entryText('__proto__', 'toString')},${entryText('toString', '__proto__')},{"property":"constructor","value":"|"}]}`;
  const values = completeAt(text);
  // `constructor` is in the test catalog with the options `__proto__` and `toString`.
  assert.deepEqual(labels(values), ['__proto__', 'toString']);
  assert.deepEqual(accept(values, '__proto__').json, JSON.parse(text.replace('|', '__proto__')));

  const names = completeAt(`{"properties":[${entryText('__proto__', 'x')},${entryText('toString', 'y')},{"property":"|"}]}`);
  assert.equal(item(names, 'constructor').detail, 'Constructor · enumeration/radio');
  assert.equal(names.items.length, catalog.properties.size);

  // Properties that are not in the catalog offer no values, whatever Object.prototype holds.
  for (const name of ['__proto__', 'toString', 'hasOwnProperty']) {
    assert.deepEqual(completeAt(`{"properties":[{"property":"${name}","value":"|"}]}`).items, [], name);
  }
});

test('an empty document offers a whole payload in either shape, the CRM objects one first', () => {
  for (const text of ['|', '  \n|', '\uFEFF|']) {
    const plain = completeAt(text);
    assert.deepEqual(labels(plain), ['New contact payload (CRM objects)', 'New contact payload (v1)'], JSON.stringify(text));
    assert.deepEqual(accept(plain, 'New contact payload (CRM objects)').json, { properties: { email: '' } });
    assert.deepEqual(accept(plain, 'New contact payload (v1)').json, { properties: [{ property: 'email', value: '' }] });
  }
  const snippets = completeAt('|', true);
  assert.equal(editOf(item(snippets, 'New contact payload (CRM objects)')).newText, '{\n\t"properties": {\n\t\t"email": "$1"$0\n\t}\n}');
  assert.equal(editOf(item(snippets, 'New contact payload (v1)')).newText, '{\n\t"properties": [\n\t\t{ "property": "email", "value": "$1" }$0\n\t]\n}');
});

test('broken documents: what can be completed is, the rest answers nothing, nothing throws', () => {
  // No closing quote, brace or bracket at all.
  const unterminated = completeAt('{"properties":[{"property":"em|');
  assert.equal(applied(unterminated.fixture.document, [editOf(item(unterminated, 'email'))]), '{"properties":[{"property":"email"');
  // An entry started with no closing brace, before the next one.
  const unclosed = completeAt(`{"properties":[{"property":"lifecyclestage","value":"|"\n, ${entryText('email', 'a@b.co')}]}`);
  assert.equal(labels(unclosed)[0], 'subscriber');
  // The array never closes: the cursor at the end still starts a new entry.
  const open = completeAt(`{"properties":[${entryText('email', 'a@b.co')},\n  |`);
  assert.equal(editOf(item(open, 'city')).newText, '{ "property": "city", "value": "" }');
  for (const text of ['not json|', '{"properties":[]}|', '|{"properties":[]}', '[|]', '{"properties":{|}}', '{"properties": [{"property": "email" "value": |}]}', '"|"', '{"a" |}', '{"properties":[1 2 |]}']) {
    assert.doesNotThrow(() => completeAt(text), text);
  }
  assert.deepEqual(completeAt('not json|').items, []);
  assert.deepEqual(completeAt('{"properties":[]}|').items, []);
  assert.deepEqual(completeAt('|{"properties":[]}').items, []);
  assert.deepEqual(completeAt('{"vid" |}').items, []);
});

test('a 100 000-entry document completes in the entry at the cursor', () => {
  const entries = Array.from({ length: 100_000 }, (_, i) => entryText(`custom_${i}`, `value ${i}`));
  entries[99_999] = entryText('email', 'last@b.co');
  entries[50_000] = '{ "property": "lifecyclestage", "value": "cu|" }';
  const list = completeAt(payloadText(entries));
  assert.deepEqual(preselected(list), ['customer']);
  assert.deepEqual(editOf(item(list, 'customer')).range, { start: { line: 50_002, character: 45 }, end: { line: 50_002, character: 49 } });

  const names = completeAt(payloadText([...entries.slice(0, 50_000), '{ "property": "|", "value": "" }', ...entries.slice(50_001)]));
  assert.equal(names.items.length, catalog.properties.size);
  assert.equal(item(names, 'email').detail, 'Email · string/text · already set in this file');
  assert.equal(labels(names).at(-1), 'email');
});
