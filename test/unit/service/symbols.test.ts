import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import { documentSymbols } from '../../../server/src/service/symbols';
import { entryText, fixture, payloadText } from './cursorFixture';

function symbolsOf(text: string): DocumentSymbol[] {
  const f = fixture(text);
  return documentSymbols(f.document, f.payload);
}

const childNames = (symbols: readonly DocumentSymbol[]) => (symbols[0]?.children ?? []).map((s) => s.name);

test('a properties symbol with one child per entry, and vid', () => {
  const symbols = symbolsOf(payloadText([entryText('firstname', 'Adrian'), entryText('email', 'adrian@example.com')]).replace('\n}', ',\n  "vid": 501\n}'));
  assert.deepEqual(symbols, [
    {
      name: 'properties',
      detail: '2 entries',
      kind: SymbolKind.Array,
      range: { start: { line: 1, character: 2 }, end: { line: 4, character: 3 } },
      selectionRange: { start: { line: 1, character: 2 }, end: { line: 1, character: 14 } },
      children: [
        {
          name: 'firstname = Adrian',
          kind: SymbolKind.Property,
          range: { start: { line: 2, character: 4 }, end: { line: 2, character: 50 } },
          selectionRange: { start: { line: 2, character: 18 }, end: { line: 2, character: 29 } },
        },
        {
          name: 'email = adrian@example.com',
          kind: SymbolKind.Property,
          range: { start: { line: 3, character: 4 }, end: { line: 3, character: 58 } },
          selectionRange: { start: { line: 3, character: 18 }, end: { line: 3, character: 25 } },
        },
      ],
    },
    {
      name: 'vid = 501',
      kind: SymbolKind.Number,
      range: { start: { line: 5, character: 2 }, end: { line: 5, character: 12 } },
      selectionRange: { start: { line: 5, character: 2 }, end: { line: 5, character: 7 } },
    },
  ]);
});

test('values are shown as written: a missing one as ?, a missing name as the entry number', () => {
  const names = childNames(symbolsOf(
    '{"properties":[{"property":"firstname"},{"value":"x"},{"property":"num_notes","value":12.50},{"property":"newsletter_opt_in","value":true},'
    + '{"property":"city","value":null},{"property":"message","value":{"a":1}},{"property":"tags","value":[1]},{"property":"lastname","value":""},'
    + '{"property":7,"value":"x"},{"property":"","value":"x"},"loose",{"property":"lifecyclestage","value":"lead"}]}',
  ));
  assert.deepEqual(names, [
    'firstname = ?', '(entry 2)', 'num_notes = 12.50', 'newsletter_opt_in = true', 'city = null', 'message = {…}', 'tags = […]',
    'lastname = ""', '(entry 9)', '(entry 10)', '(entry 11)', 'lifecyclestage = lead',
  ]);
});

test('an entry without a name is selected as a whole', () => {
  const [properties] = symbolsOf('{"properties":[{"value":"x"}]}');
  const [entry] = properties.children ?? [];
  assert.deepEqual(entry.selectionRange, entry.range);
  assert.deepEqual(entry.range, { start: { line: 0, character: 15 }, end: { line: 0, character: 28 } });
});

test('long values are cut near 60 characters, line breaks flattened, emoji never split', () => {
  const long = 'x'.repeat(100);
  const emojiWhole = `${'y'.repeat(57)}😀😀`;
  const emojiSplit = `${'y'.repeat(58)}😀😀`;
  const names = childNames(symbolsOf(`{"properties":[${entryText('message', long)},${entryText('message', 'two\nlines\there')},${entryText('message', emojiWhole)},{"property":"num","value":${'9'.repeat(500)}},${entryText('message', emojiSplit)}]}`));
  assert.equal(names[0], `message = ${'x'.repeat(59)}…`);
  assert.equal(names[1], 'message = two lines here');
  assert.equal(names[2], `message = ${'y'.repeat(57)}😀…`);
  assert.equal(names[3], `num = ${'9'.repeat(59)}…`);
  // The cut would fall between the two halves of the emoji: it goes before it.
  assert.equal(names[4], `message = ${'y'.repeat(58)}…`);
});

test('CRLF, a byte order mark and emoji: ranges in UTF-16 code units', () => {
  const crlf = symbolsOf(payloadText([entryText('firstname', '😀'), entryText('city', 'Oslo')], '\r\n'));
  assert.deepEqual(crlf[0].children?.[1].range, { start: { line: 3, character: 4 }, end: { line: 3, character: 43 } });
  assert.equal(crlf[0].children?.[0].name, 'firstname = 😀');
  const bom = symbolsOf('\uFEFF{"properties":[{"property":"firstname","value":"😀"},{"property":"city","value":"Oslo"}]}');
  assert.deepEqual(bom[0].children?.[1].selectionRange, { start: { line: 0, character: 66 }, end: { line: 0, character: 72 } });
});

test('__proto__, constructor and toString are names like any other', () => {
  assert.deepEqual(
    childNames(symbolsOf(`{"properties":[${entryText('__proto__', 'toString')},${entryText('constructor', '__proto__')},${entryText('toString', 'x')}]}`)),
    ['__proto__ = toString', 'constructor = __proto__', 'toString = x'],
  );
});

test('empty, broken and odd documents', () => {
  assert.deepEqual(symbolsOf(''), []);
  assert.deepEqual(symbolsOf('   \n'), []);
  assert.deepEqual(symbolsOf('not json'), []);
  assert.deepEqual(symbolsOf('[1,2]'), []);
  const notArray = symbolsOf('{"properties":"email"}');
  assert.deepEqual(notArray.map((s) => [s.name, s.detail, s.children]), [['properties', 'neither an array nor an object', []]]);
  // Unterminated: the parser still finds the entries typed so far.
  assert.deepEqual(childNames(symbolsOf('{"properties":[{"property":"email","value":"a@b.co"},{"property":"firstn')), ['email = a@b.co', 'firstn = ?']);
  // Only the last `vid` counts, as JSON.parse would keep it; its value may be missing.
  assert.deepEqual(symbolsOf('{"vid":1,"vid":').map((s) => s.name), ['vid = ?']);
  for (const symbol of symbolsOf('{"properties":[{"property":"a\\u0000b","value":"\\n"}]}')[0].children ?? []) {
    assert.ok(symbol.name.length > 0 && !symbol.name.includes('\n') && !symbol.name.includes('\u0000'), 'names are one non-empty line');
  }
});

test('a 100 000-entry document has 100 000 children', () => {
  const entries = Array.from({ length: 100_000 }, (_, i) => entryText(`custom_${i}`, `value ${i}`));
  const [properties] = symbolsOf(payloadText(entries));
  assert.equal(properties.detail, '100000 entries');
  assert.equal(properties.children?.length, 100_000);
  assert.equal(properties.children?.[99_999].name, 'custom_99999 = value 99999');
  assert.deepEqual(properties.children?.[99_999].range.start, { line: 100_001, character: 4 });
});
