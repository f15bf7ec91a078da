import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { changelogProblems, manifestProblems, missingTokens, pngSize, type Manifest } from '../../../.ci/release';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Manifest;
const readFromRoot = (file: string): Buffer => readFileSync(path.join(ROOT, file));

test("package.json has what the Marketplace and Open VSX need and show: repository, bugs, homepage, qna, banner, categories, keywords, a 128×128 icon", () => {
  assert.deepEqual(manifestProblems(manifest, readFromRoot), []);
});

test('a manifest without links, banner or a semantic version is refused, each for its reason', () => {
  const problems = manifestProblems({ ...manifest, version: '1.0', repository: undefined, bugs: 'http://example.com/bugs', qna: 'maybe', galleryBanner: { color: 'orange' }, categories: ['Seed data'], keywords: [] }, readFromRoot);
  for (const expected of ['"version" is not a semantic version', '"repository" needs an https URL', '"bugs" needs an https URL', '"qna" is', '"galleryBanner" needs', '"Seed data" is not a Marketplace category', '"keywords" needs 1 to 30']) {
    assert.ok(problems.some((problem) => problem.startsWith(expected)), `${expected} among ${problems.join(' | ')}`);
  }
});

test('an icon that is not a 128×128 PNG is refused', () => {
  const png = Buffer.from(readFromRoot('docs/icon.png'));
  png.writeUInt32BE(256, 16);
  assert.deepEqual(pngSize(png), { width: 256, height: 128 });
  assert.deepEqual(manifestProblems(manifest, () => png), ['the icon docs/icon.png is 256×128; both registries show 128×128']);
  assert.deepEqual(manifestProblems(manifest, () => Buffer.from('GIF89a')), ['the icon docs/icon.png is not a PNG']);
});

test("the CHANGELOG needs the version's section with its date, and nothing left under Unreleased", () => {
  assert.deepEqual(changelogProblems('# Changelog\n\n## 1.2.0 — 2027-01-05\n\n- Seed sets.\n\n## 1.1.0 — 2026-11-02\n', '1.2.0'), []);
  assert.deepEqual(changelogProblems('# Changelog\n\n## Unreleased\n\n## [1.2.0] - 2027-01-05\n\n- Seed sets.\n', '1.2.0'), [], 'an empty Unreleased heading and the bracketed form are fine');
  assert.deepEqual(changelogProblems('# Changelog\n\n## 1.1.0 — 2026-11-02\n', '1.2.0'), ['CHANGELOG.md has no "## 1.2.0 — YYYY-MM-DD" section']);
  assert.deepEqual(changelogProblems('## Unreleased\n\n- Accounts.\n\n## 1.2.0 — unreleased\n\n- Seed sets.\n', '1.2.0'), [
    'CHANGELOG.md\'s "## 1.2.0 — unreleased" has no release date',
    'CHANGELOG.md still lists changes under "## Unreleased": move them into the version\'s section',
  ]);
});

test('the upload tokens are looked for by name in the environment', () => {
  assert.deepEqual(missingTokens({ VSCE_PAT: 'x' }), ['OVSX_PAT']);
  assert.deepEqual(missingTokens({ VSCE_PAT: 'x', OVSX_PAT: 'y' }), []);
});
