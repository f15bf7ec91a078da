// One test over test/fixtures/diagnostics: each `*.contact.json` has its expected diagnostics beside it
// in `*.expected.txt`, one per line as `line:col-line:col severity code message` (1-based, UTF-16 columns).
// Adding a case is adding two files. `UPDATE_FIXTURES=1` writes the expectation of a new fixture; review it.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { bundledDefaultCatalog } from '../../server/src/service/catalog';
import { parsePayload } from '../../server/src/service/payload';
import { DEFAULT_SETTINGS } from '../../server/src/service/serverSettings';
import { validate } from '../../server/src/service/validate';
import { messageOf } from './messageOf';

const FOLDER = path.resolve(import.meta.dirname, '../fixtures/diagnostics');
const SEVERITY = ['', 'error', 'warning', 'information', 'hint'];

export function formatDiagnostic(d: Diagnostic): string {
  const at = (p: { line: number; character: number }) => `${p.line + 1}:${p.character + 1}`;
  return `${at(d.range.start)}-${at(d.range.end)} ${SEVERITY[d.severity ?? 1]} ${String(d.code)} ${messageOf(d)}`;
}

const fixtures = readdirSync(FOLDER).filter((f) => f.endsWith('.contact.json')).sort();

test('the fixture folder has fixtures', () => {
  assert.ok(fixtures.length >= 10, `only ${fixtures.length} fixtures in ${FOLDER}`);
});

for (const file of fixtures) {
  test(`fixture ${file}`, () => {
    const text = readFileSync(path.join(FOLDER, file), 'utf8');
    const document = TextDocument.create(`file:///fixtures/${file}`, 'json', 1, text);
    const actual = validate(document, parsePayload(text), bundledDefaultCatalog(), DEFAULT_SETTINGS).map(formatDiagnostic);
    const expectedFile = path.join(FOLDER, file.replace(/\.contact\.json$/, '.expected.txt'));
    if (!existsSync(expectedFile)) {
      if (process.env.UPDATE_FIXTURES === '1') writeFileSync(expectedFile, actual.map((l) => l + '\n').join(''));
      assert.fail(`${path.basename(expectedFile)} is missing${process.env.UPDATE_FIXTURES === '1' ? ' (written now: review it and run again)' : ' (UPDATE_FIXTURES=1 writes it)'}`);
    }
    const expected = readFileSync(expectedFile, 'utf8').split('\n').filter((l) => l !== '');
    assert.deepEqual(actual, expected);
  });
}
