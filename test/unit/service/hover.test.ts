import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import { createCatalog } from '../../../server/src/service/catalog';
import { hover } from '../../../server/src/service/hover';
import { entryText, fixture, payloadText, testCatalog } from './cursorFixture';

const catalog = testCatalog();

function hoverAt(textWithCursor: string, withCatalog = catalog): Hover | null {
  const f = fixture(textWithCursor);
  return hover(f.document, f.payload, f.position, withCatalog);
}

function markdownAt(textWithCursor: string): string {
  const result = hoverAt(textWithCursor);
  assert.ok(result, `a hover at ${textWithCursor}`);
  const contents = result.contents as MarkupContent;
  assert.equal(contents.kind, 'markdown');
  return contents.value;
}

test('on a property name: label, name, type, description and options, over the name token', () => {
  const result = hoverAt('{"properties":[{"property":"lifecy|clestage","value":"lead"}]}');
  assert.deepEqual(result?.range, { start: { line: 0, character: 27 }, end: { line: 0, character: 43 } });
  assert.equal((result?.contents as MarkupContent).value, [
    '**Lifecycle Stage** `lifecyclestage`',
    'Type `enumeration/radio`',
    "Funnel stage; use the internal option value (e.g. 'marketingqualifiedlead'), not the label. Portals may add custom stages.",
    'Options (value — label):\n\n- `subscriber` — Subscriber\n- `lead` — Lead\n- `marketingqualifiedlead` — Marketing Qualified Lead\n- `salesqualifiedlead` — Sales Qualified Lead\n- `opportunity` — Opportunity\n- `customer` — Customer\n- `evangelist` — Evangelist\n- `other` — Other',
  ].join('\n\n'));
});

test('read-only and calculated properties say so', () => {
  assert.match(markdownAt('{"properties":[{"property":"|createdate","value":"1"}]}'), /\n\nRead-only: HubSpot ignores or rejects values written to it\.\n\n/);
  const calculated = createCatalog([{ name: 'score', label: 'Score', type: 'number', fieldType: 'calculation_score', calculated: true }], { kind: 'portal', description: 'portal 1' });
  const result = hoverAt('{"properties":[{"property":"sc|ore","value":"1"}]}', calculated);
  assert.equal((result?.contents as MarkupContent).value, '**Score** `score`\n\nType `number/calculation_score`\n\nCalculated by HubSpot: values written to it are ignored or rejected.');
});

test('multi-select, external options and hidden options are explained', () => {
  assert.match(markdownAt('{"properties":[{"property":"hs_legal|_basis","value":""}]}'), /^Type `enumeration\/checkbox` \(multi-select: separate several values with `;`\)$/m);
  assert.match(markdownAt('{"properties":[{"property":"hubspot_owner_id|","value":""}]}'), /ids from another list \(such as the portal's users\); they are not checked here\.$/);
  assert.match(markdownAt('{"properties":[{"property":"favourite_colour|","value":""}]}'), /^- `legacy_teal` — Teal \(retired\) \(hidden\)$/m);
});

test('long option lists stop after 20 with a count of the rest', () => {
  const markdown = markdownAt('{"properties":[{"property":"hs_lan|guage","value":"en"}]}');
  const listed = markdown.split('\n').filter((line) => line.startsWith('- '));
  assert.equal(listed.length, 21);
  assert.equal(listed.at(-1), '- … and 167 more');
});

test('on an enumeration value: the label of that option', () => {
  const result = hoverAt('{"properties":[{"property":"lifecyclestage","value":"marketing|qualifiedlead"}]}');
  assert.deepEqual(result?.range, { start: { line: 0, character: 52 }, end: { line: 0, character: 76 } });
  assert.equal((result?.contents as MarkupContent).value, '**Marketing Qualified Lead**\n\nOption `marketingqualifiedlead` of **Lifecycle Stage** `lifecyclestage`');
});

test('a label where the value belongs, and a value that is no option, are named as such', () => {
  assert.equal(markdownAt('{"properties":[{"property":"lifecyclestage","value":"Le|ad"}]}'), '`Lead` is not an option value of **Lifecycle Stage** `lifecyclestage`. It is the label of the option `lead`.');
  assert.equal(markdownAt('{"properties":[{"property":"lifecyclestage","value":"|zzz"}]}'), '`zzz` is not an option value of **Lifecycle Stage** `lifecyclestage`.');
});

test('on a multi-select value: each part with its label', () => {
  assert.equal(
    markdownAt('{"properties":[{"property":"hs_legal_basis","value":"Not applicable;Legitimate interest \\u2013 prospect/lead;Legitimate interest - prospect/lead|"}]}'),
    [
      "**Legal basis for processing contact's data** `hs_legal_basis`, multi-select:",
      '',
      '- `Not applicable` — Not applicable',
      '- `Legitimate interest – prospect/lead` — Legitimate interest - prospect/lead',
      '- `Legitimate interest - prospect/lead` — not an option value. It is the label of the option `Legitimate interest – prospect/lead`.',
    ].join('\n'),
  );
});

test('bool values show their option label', () => {
  assert.equal(markdownAt('{"properties":[{"property":"newsletter_opt_in","value":"tr|ue"}]}'), '**Yes**\n\nOption `true` of **Newsletter opt-in** `newsletter_opt_in`');
});

test('names not in the catalog say so, whatever Object.prototype holds', () => {
  for (const name of ['my_custom', '__proto__', 'toString', 'hasOwnProperty']) {
    assert.equal(markdownAt(`{"properties":[{"property":"|${name}","value":"x"}]}`), `\`${name}\` is not in the property catalog (test catalog).`);
  }
  // `constructor` is a real property of the test catalog; its option `__proto__` has a label.
  assert.equal(markdownAt('{"properties":[{"property":"constructor","value":"__pro|to__"}]}'), '**Prototype**\n\nOption `__proto__` of **Constructor** `constructor`');
  assert.equal(hoverAt('{"properties":[{"property":"toString","value":"__pro|to__"}]}'), null);
});

test('the hover covers the characters of the string, quotes included, and nothing else', () => {
  const text = '{"properties":[{"property":"email","value":"a@b.co"}]}';
  const at = (offset: number) => hoverAt(text.slice(0, offset) + '|' + text.slice(offset));
  assert.ok(at(27), 'on the opening quote');
  assert.ok(at(33), 'on the closing quote');
  assert.equal(at(34), null, 'just after the closing quote');
  assert.equal(at(26), null, 'on the colon');
  assert.equal(at(17), null, 'on the "property" key');
  assert.equal(at(45), null, 'on a free-text value');
});

test('CRLF, a byte order mark and an emoji before the token: ranges in UTF-16 code units', () => {
  const crlf = hoverAt(payloadText([entryText('firstname', '😀'), '{ "property": "lifecyclestage", "value": "le|ad" }'], '\r\n'));
  assert.deepEqual(crlf?.range, { start: { line: 3, character: 45 }, end: { line: 3, character: 51 } });
  const emoji = hoverAt('{"properties":[{"property":"firstname","value":"😀"},{"property":"city|"}]}');
  assert.deepEqual(emoji?.range, { start: { line: 0, character: 65 }, end: { line: 0, character: 71 } });
  const bom = hoverAt('\uFEFF{"properties":[{"property":"ci|ty"}]}');
  assert.deepEqual(bom?.range, { start: { line: 0, character: 28 }, end: { line: 0, character: 34 } });
});

test('escapes Markdown from the catalog', () => {
  assert.equal(
    markdownAt('{"properties":[{"property":"price$}|","value":"1"}]}'),
    '**Price \\[USD\\] \\<b\\>** `price$}`\n\nType `number/number`\n\nCosts \\*a lot\\*; see \\[docs\\](http://example.com).',
  );
  const backticks = createCatalog([{ name: 'a`b', label: 'A', type: 'string', fieldType: 'text' }], { kind: 'bundled', description: 'x' });
  const result = hoverAt('{"properties":[{"property":"a`|b","value":""}]}', backticks);
  assert.equal((result?.contents as MarkupContent).value.split('\n')[0], '**A** ``a`b``');
});

test('empty, broken and odd documents give no hover and never throw', () => {
  for (const text of ['|', '  |', 'not json|', '{"properties":[{"property":"em|', '{"properties":{"property":"email|"}}', '[{"property":"em|ail"}]', '{"properties":[{"property":12|3}]}']) {
    assert.doesNotThrow(() => hoverAt(text), text);
  }
  assert.equal(hoverAt('|'), null);
  assert.equal(hoverAt('{"properties":{"property":"email|"}}'), null);
  // An unterminated name is still hovered: what was typed so far.
  assert.match(markdownAt('{"properties":[{"property":"ema|il'), /^\*\*Email\*\* `email`/);
});

test('a 100 000-entry document hovers the entry under the cursor', () => {
  const entries = Array.from({ length: 100_000 }, (_, i) => entryText(`custom_${i}`, `value ${i}`));
  entries[77_777] = '{ "property": "lifecyclestage", "value": "cust|omer" }';
  const result = hoverAt(payloadText(entries));
  assert.deepEqual(result?.range, { start: { line: 77_779, character: 45 }, end: { line: 77_779, character: 55 } });
  assert.equal((result?.contents as MarkupContent).value, '**Customer**\n\nOption `customer` of **Lifecycle Stage** `lifecyclestage`');
});
