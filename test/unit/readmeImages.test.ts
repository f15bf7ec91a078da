// The README opens with pictures of the product, which `npm run readme-images` regenerates from the
// browser UI test (test/vscode/ui.test.ts, Workbench.readmePicture). The Marketplace and Open VSX show
// them from the repository (vsce makes the relative links absolute from package.json's repository).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const ROOT = path.resolve(import.meta.dirname, '../..');
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const IMAGES = 'docs/images';
/** Each picture's budget: five of them load quickly on the Marketplace page. */
const MAX_IMAGE_BYTES = 200_000;

const referenced = [...README.matchAll(/(?:!\[[^\]]*\]\(|<img src=")([^")]+)/g)].map((match) => match[1]);

test("the README's pictures are relative links to files under docs/images, each under 200 KB", () => {
  assert.ok(referenced.length >= 5, `the README shows the product: ${referenced.join(', ')}`);
  for (const image of referenced) {
    assert.ok(image.startsWith(`${IMAGES}/`), `${image} is a relative link into ${IMAGES}/`);
    assert.ok(existsSync(path.join(ROOT, image)), `${image} exists`);
    assert.ok(statSync(path.join(ROOT, image)).size < MAX_IMAGE_BYTES, `${image} is under ${MAX_IMAGE_BYTES} bytes`);
  }
  assert.deepEqual(readdirSync(path.join(ROOT, IMAGES)).map((file) => `${IMAGES}/${file}`).sort(), [...referenced].sort(), `${IMAGES}/ holds only what the README shows`);
});

test('each README picture is one the UI test takes, so one script regenerates them all', () => {
  const uiTest = readFileSync(path.join(ROOT, 'test/vscode/ui.test.ts'), 'utf8');
  const taken = new Set([...uiTest.matchAll(/readmePicture\('([^']+)'\)/g)].map((match) => `${IMAGES}/${match[1]}.jpg`));
  assert.deepEqual([...referenced].sort(), [...taken].sort());
});
