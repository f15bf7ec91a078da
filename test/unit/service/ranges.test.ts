// Every service that takes a position or a range, at positions as clients may send them: fractional,
// negative, past the end of a line or of the text, huge. None may throw; a fractional position answers
// as the whole position before it; every range answered is whole numbers within the text.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Position, type Range } from 'vscode-languageserver-types';
import { codeActions } from '../../../server/src/service/codeActions';
import { complete } from '../../../server/src/service/completion';
import { hover } from '../../../server/src/service/hover';
import { parsePayload } from '../../../server/src/service/payload';
import { wholePosition } from '../../../server/src/service/ranges';
import { DEFAULT_SETTINGS } from '../../../server/src/service/serverSettings';
import { validate } from '../../../server/src/service/validate';
import { randomCatalog, randomPayload, randomPosition, seededRandom } from './randomPayloads';

/** Every range in an answer, wherever it sits in the JSON. */
function rangesIn(answer: unknown): Range[] {
  const found: Range[] = [];
  const visit = (value: unknown) => {
    if (typeof value !== 'object' || value === null) return;
    const { start, end } = value as Partial<Range>;
    if (Position.is(start) && Position.is(end)) found.push(value as Range);
    else if (start !== undefined && end !== undefined) assert.fail(`a range that is not whole numbers: ${JSON.stringify(value)}`);
    for (const child of Object.values(value)) visit(child);
  };
  visit(answer);
  return found;
}

test('random payloads, random positions: completion, hover and code actions answer, as at the whole position before a fractional one', () => {
  const random = seededRandom(41);
  const catalog = randomCatalog();
  let fractional = 0;
  for (let run = 0; run < 400; run++) {
    const text = randomPayload(random, 12);
    const document = TextDocument.create('file:///random.contact.json', 'json', 1, text);
    const payload = parsePayload(text);
    const diagnostics = validate(document, payload, catalog, DEFAULT_SETTINGS);
    for (let k = 0; k < 10; k++) {
      const position = randomPosition(random, text);
      const whole = wholePosition(position);
      const what = `${JSON.stringify(position)} in ${JSON.stringify(text)}`;
      const completion = complete(document, payload, position, catalog, { snippetSupport: true });
      const hovered = hover(document, payload, position, catalog);
      const end = randomPosition(random, text);
      const actions = codeActions(document, payload, { start: position, end }, diagnostics, catalog);
      for (const range of rangesIn([completion, hovered, actions])) {
        assert.ok(document.offsetAt(range.end) <= text.length, `${JSON.stringify(range)} lies past the end: ${what}`);
      }
      if (whole !== position) {
        fractional++;
        assert.deepStrictEqual(completion, complete(document, payload, whole, catalog, { snippetSupport: true }), what);
        assert.deepStrictEqual(hovered, hover(document, payload, whole, catalog), what);
        assert.deepStrictEqual(actions, codeActions(document, payload, { start: whole, end: wholePosition(end) }, diagnostics, catalog), what);
      }
    }
  }
  assert.ok(fractional > 500, `only ${fractional} positions were fractional`);
});

test('a diagnostic sent back with a fractional range gets quick fixes that edit whole positions', () => {
  const text = '{"properties":[\n{"property":"frstname","value":"Ada"},\n{"property":"lifecyclestage","value":"Lead"},\n{"property":"zip","value":1.5}\n]}';
  const document = TextDocument.create('file:///t.contact.json', 'json', 1, text);
  const payload = parsePayload(text);
  const catalog = randomCatalog();
  const shift = (range: Range): Range => ({ start: { line: range.start.line + 0.25, character: range.start.character + 0.75 }, end: { line: range.end.line + 0.5, character: range.end.character + 0.5 } });
  const diagnostics = validate(document, payload, catalog, DEFAULT_SETTINGS).filter((d) => d.data !== undefined);
  assert.deepEqual(diagnostics.map((d) => d.code), ['unknown-property', 'invalid-option', 'non-string-value']);
  const everything = { start: { line: 0, character: 0 }, end: { line: 99.5, character: 0.5 } };
  const edits = (ds: typeof diagnostics) => codeActions(document, payload, everything, ds, catalog).map((action) => action.edit);
  assert.deepStrictEqual(edits(diagnostics.map((d) => ({ ...d, range: shift(d.range) }))), edits(diagnostics));
});
