// The fast scanner must build exactly the model the tolerant jsonc-parser path builds, and must give up
// on everything that is not plain JSON. Checked on random documents and on random edit sequences (the
// keystrokes that break and mend a document), each compared with the tolerant path and JSON.parse.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { limitNesting } from '../../../server/src/service/nesting';
import { parsePayload, parsePayloadTolerantly } from '../../../server/src/service/payload';
import { MAX_NESTING } from '../../../server/src/service/payloadModel';
import { scanPlainPayload } from '../../../server/src/service/payloadScanner';
import { DEFAULT_SETTINGS } from '../../../server/src/service/serverSettings';
import { validate } from '../../../server/src/service/validate';
import { failIfACheckFails, randomCatalog, randomEdit, randomPayload, seededRandom } from './randomPayloads';
import { assertSameModelContent } from './sameModel';

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** The fast path gives the tolerant path's model, is taken for plain JSON, and never accepts anything else. */
function assertSameModel(text: string, what: string): void {
  const scanned = scanPlainPayload(text, text, MAX_NESTING);
  const tolerant = parsePayloadTolerantly(text);
  if (scanned) assertSameModelContent(scanned, tolerant, `${what}: the models differ for ${JSON.stringify(text)}`);
  assertSameModelContent(parsePayload(text), tolerant, `${what}: parsePayload differs for ${JSON.stringify(text)}`);
  // JSON allows only four whitespace characters; anything more exotic, or deeper nesting, is left to the tolerant parser.
  const plainWhitespace = !/[\u00a0\ufeff\u2028\u2029\v\f]/.test(text.replace(/"(?:[^"\\]|\\.)*"/g, '""'));
  const withinNesting = limitNesting(text, MAX_NESTING).cut === undefined;
  if (plainWhitespace && withinNesting) assert.equal(scanned !== undefined, isJson(text), `${what}: scanned=${scanned !== undefined} but JSON.parse ${isJson(text) ? 'accepts' : 'rejects'} ${JSON.stringify(text)}`);
  else assert.ok(scanned === undefined || isJson(text), `${what}: accepted non-JSON ${JSON.stringify(text)}`);
}

test('random documents: the fast scanner builds the tolerant parser\'s model exactly', () => {
  const random = seededRandom(1);
  let plain = 0;
  for (let run = 0; run < 3000; run++) {
    const text = randomPayload(random);
    assertSameModel(text, `document ${run}`);
    if (isJson(text)) plain++;
  }
  assert.ok(plain > 2500, `most random documents are plain JSON (${plain})`);
});

test('random edit sequences: after every keystroke the model and the diagnostics match the tolerant path', () => {
  const random = seededRandom(2);
  const catalog = randomCatalog();
  for (let sequence = 0; sequence < 300; sequence++) {
    let text = randomPayload(random);
    for (let step = 0; step < 25; step++) {
      text = randomEdit(random, text);
      assertSameModel(text, `sequence ${sequence}, edit ${step}`);
      const document = TextDocument.create('file:///random.contact.json', 'json', step, text);
      assert.deepStrictEqual(
        validate(document, parsePayload(text), catalog, DEFAULT_SETTINGS, [], failIfACheckFails(text)),
        validate(document, parsePayloadTolerantly(text), catalog, DEFAULT_SETTINGS, [], failIfACheckFails(text)),
        `sequence ${sequence}, edit ${step}: diagnostics differ for ${JSON.stringify(text)}`,
      );
    }
  }
});

test('nesting past the limit, a byte order mark, and trailing text are left to the tolerant parser', () => {
  const deep = `{"properties":[{"property":"email","value":${'['.repeat(MAX_NESTING)}${']'.repeat(MAX_NESTING)}}]}`;
  assert.equal(scanPlainPayload(deep, deep, MAX_NESTING), undefined);
  assertSameModel(deep, 'deep');
  const withinLimit = `{"properties":[{"property":"email","value":${'['.repeat(MAX_NESTING - 4)}${']'.repeat(MAX_NESTING - 4)}}]}`;
  assert.ok(scanPlainPayload(withinLimit, withinLimit, MAX_NESTING), 'nesting up to the limit is read');
  assertSameModel(withinLimit, 'within the limit');

  const bom = '\ufeff{"properties":[{"property":"email","value":"a@b.co"}]}';
  assertSameModelContent(parsePayload(bom), parsePayloadTolerantly(bom));
  assert.equal(parsePayload(bom).text, bom, 'the model keeps the text as it is');
  assertSameModel('{"properties":[]} x', 'trailing text');
  assertSameModel('', 'empty');
  assertSameModel('  \n', 'whitespace');
});
