// The extension's messages go through vscode.l10n.t; l10n/bundle.l10n.json lists every one of them
// in English, the file a translator copies to bundle.l10n.<lang>.json. It is made by `npm run l10n`
// (@vscode/l10n-dev): this test makes it again from the sources and compares.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { getL10nJson } from '@vscode/l10n-dev';

const root = path.resolve(import.meta.dirname, '../../../..');

test('l10n/bundle.l10n.json holds exactly the messages the extension passes to vscode.l10n.t (else: npm run l10n)', async () => {
  const sources = fs
    .readdirSync(path.join(root, 'client/src/extension'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => ({ contents: fs.readFileSync(path.join(root, 'client/src/extension', file), 'utf8'), extension: '.ts' }));
  const expected = await getL10nJson(sources);
  const committed = JSON.parse(fs.readFileSync(path.join(root, 'l10n/bundle.l10n.json'), 'utf8')) as unknown;
  assert.ok(Object.keys(expected).length > 100, `the extension's messages are found: ${Object.keys(expected).length}`);
  assert.deepEqual(committed, expected);
});
