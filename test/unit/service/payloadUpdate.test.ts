// Updating the previous version's model must give exactly the model (and the diagnostics) a full read
// of the new text gives, keystroke after keystroke: random documents, random edit sequences, each
// step compared with the tolerant jsonc-parser path.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parsePayload, parsePayloadTolerantly } from '../../../server/src/service/payload';
import { type ParsedPayload } from '../../../server/src/service/payloadModel';
import { changedRange, updatePayload } from '../../../server/src/service/payloadUpdate';
import { DEFAULT_SETTINGS } from '../../../server/src/service/serverSettings';
import { validate } from '../../../server/src/service/validate';
import { failIfACheckFails, randomCatalog, randomEdit, randomPayload, seededRandom } from './randomPayloads';
import { assertSameModelContent } from './sameModel';

test('random edit sequences in both shapes: the updated model and its diagnostics equal a full read of the new text', () => {
  const random = seededRandom(3);
  const catalog = randomCatalog();
  let entriesKept = 0;
  let membersKept = 0;
  for (let sequence = 0; sequence < 200; sequence++) {
    let text = randomPayload(random, 30);
    let model: ParsedPayload = parsePayload(text);
    let lastPlainText = text;
    for (let step = 0; step < 40; step++) {
      // Mostly typing in strings; sometimes any keystroke; an undo now and then once the JSON is broken.
      if (model.syntaxErrors.length > 0 && random() < 0.3) text = lastPlainText;
      else text = random() < 0.3 ? randomEdit(random, text) : typeAfterQuote(random, text);
      const before = new Set(model.entries);
      const membersBefore = new Set(model.propertyMembers);
      model = updatePayload(model, text);
      const what = `sequence ${sequence}, edit ${step}: ${JSON.stringify(text)}`;
      assertSameModelContent(model, parsePayloadTolerantly(text), what);
      if (model.entries.some((entry) => before.has(entry))) entriesKept++;
      if (model.propertyMembers.some((member) => membersBefore.has(member))) membersKept++;
      if (model.syntaxErrors.length === 0) lastPlainText = text;
      const document = TextDocument.create('file:///random.contact.json', 'json', step, text);
      assert.deepStrictEqual(validate(document, model, catalog, DEFAULT_SETTINGS, [], failIfACheckFails(text)), validate(document, parsePayloadTolerantly(text), catalog, DEFAULT_SETTINGS), what);
    }
  }
  assert.ok(entriesKept > 200, `the update path itself is exercised: only ${entriesKept} edits kept v1 entries`);
  assert.ok(membersKept > 200, `the update path itself is exercised: only ${membersKept} edits kept CRM objects properties`);
});

/** A letter typed just after a random quote: inside a string half the time (the keystroke that matters most), after one otherwise. */
function typeAfterQuote(random: () => number, text: string): string {
  const quote = text.indexOf('"', Math.floor(random() * text.length));
  if (quote < 0) return text;
  return text.slice(0, quote + 1) + String.fromCharCode(97 + Math.floor(random() * 26)) + text.slice(quote + 1);
}

test('an edit inside one value keeps every other entry and moves the ones after it', () => {
  const text = '{"properties":[{"property":"firstname","value":"Ada"},{"property":"lastname","value":"Lovelace"}],"vid":7}';
  const model = parsePayload(text);
  const [first, second] = model.entries;
  const edited = text.replace('"Ada"', '"Adaline"');
  const updated = updatePayload(model, edited);
  assert.notEqual(updated.entries[0], first);
  assert.equal(updated.entries[1], second, 'the second entry is kept');
  assert.equal(updated.fromPlainJson, true, 'an updated plain model can be updated again');
  assertSameModelContent(updated, parsePayloadTolerantly(edited));
});

test('a version with the same text keeps the whole model', () => {
  const text = '{"properties":[{"property":"email","value":"a@b.co"}]}';
  const model = parsePayload(text);
  const again = updatePayload(model, text.slice(0, 10) + text.slice(10));
  assert.equal(again.entries, model.entries);
  assertSameModelContent(again, parsePayloadTolerantly(text));
  // and the model after it is still updated in place of a full read
  const edited = text.replace('a@b.co', 'ab@b.co');
  assertSameModelContent(updatePayload(again, edited), parsePayloadTolerantly(edited));
});

test('edits that reach outside one entry, or break the JSON, read the whole text', () => {
  const text = '{"properties":[{"property":"email","value":"a@b.co"},{"property":"city","value":"Lyon"}]}';
  for (const edited of [
    text.replace('},{', '},\n{'), // between entries
    text.replace('"Lyon"', '"Lyon'), // breaks the JSON
    text.replace('"a@b.co"}', '"a@b.co"},{"property":"zip","value":"1"}'), // a new entry typed inside the first
    text.replace('{"properties":[', '{"vid":1,"properties":['), // before the array
  ]) {
    const updated = updatePayload(parsePayload(text), edited);
    assertSameModelContent(updated, parsePayloadTolerantly(edited), edited);
    assert.equal(updated.fromPlainJson, !edited.includes('"Lyon}'), `${edited}: read by the fast scanner exactly when it is plain JSON`);
  }
});

test('the changed range is found from both ends, also across many chunks', () => {
  assert.deepStrictEqual(changedRange('abcdef', 'abXYef'), { start: 2, oldEnd: 4, newEnd: 4 });
  assert.deepStrictEqual(changedRange('abc', 'abc'), { start: 3, oldEnd: 3, newEnd: 3 });
  assert.deepStrictEqual(changedRange('aaaa', 'aa'), { start: 2, oldEnd: 4, newEnd: 2 });
  const long = Array.from({ length: 20_000 }, (_, i) => String.fromCharCode(97 + ((i * 7) % 26))).join('');
  const edited = long.slice(0, 9_000) + 'Z' + long.slice(9_001);
  assert.deepStrictEqual(changedRange(long, edited), { start: 9_000, oldEnd: 9_001, newEnd: 9_001 });
  assert.deepStrictEqual(changedRange(long, long.slice(0, 15_000) + long.slice(15_010)), { start: 15_000, oldEnd: 15_010, newEnd: 15_000 });
});
