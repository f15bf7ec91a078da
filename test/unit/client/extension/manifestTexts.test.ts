// The manifest's texts — command titles, setting descriptions, view names — live in package.nls.json,
// so that a translation is one file (package.nls.<lang>.json) beside it: every %key% package.json
// names is there, and package.nls.json holds nothing package.json does not use.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';

const manifestText = fs.readFileSync(new URL('../../../../package.json', import.meta.url), 'utf8');
const texts = JSON.parse(fs.readFileSync(new URL('../../../../package.nls.json', import.meta.url), 'utf8')) as Record<string, unknown>;

/** Every "%key%" string value in the manifest. */
function keysUsed(value: unknown, found = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    const match = /^%(.+)%$/.exec(value);
    if (match?.[1]) found.add(match[1]);
  } else if (Array.isArray(value)) {
    for (const item of value) keysUsed(item, found);
  } else if (typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) keysUsed(item, found);
  }
  return found;
}

test('every %key% of package.json has its English text in package.nls.json, and every text there is used', () => {
  const used = keysUsed(JSON.parse(manifestText));
  const defined = new Set(Object.keys(texts));
  assert.deepEqual([...used].filter((key) => !defined.has(key)), [], 'keys without a text');
  assert.deepEqual([...defined].filter((key) => !used.has(key)), [], 'texts nothing uses');
  assert.ok(Object.values(texts).every((text) => typeof text === 'string' && text.trim() !== ''), 'every text is a non-empty string');
});

test("the user-facing fields of the manifest are all keys: no command title, setting description or view name is left in English in package.json", () => {
  const manifest = JSON.parse(manifestText) as { displayName: string; description: string; contributes: { commands: { title: string; category?: string }[]; configuration: { title: string; properties: Record<string, Record<string, unknown>> }; views: Record<string, { name: string }[]>; viewsWelcome: { contents: string }[] } };
  const isKey = (value: unknown) => typeof value === 'string' && /^%.+%$/.test(value);
  const { contributes } = manifest;
  const fields: unknown[] = [
    manifest.displayName, manifest.description, contributes.configuration.title,
    ...contributes.commands.flatMap(({ title, category }) => [title, ...(category === undefined ? [] : [category])]),
    ...Object.values(contributes.configuration.properties).flatMap((setting) => ['description', 'markdownDescription', 'markdownDeprecationMessage'].filter((field) => field in setting).map((field) => setting[field])),
    ...Object.values(contributes.configuration.properties).flatMap((setting): unknown[] => (Array.isArray(setting.enumDescriptions) ? (setting.enumDescriptions as unknown[]) : [])),
    ...Object.values(contributes.views).flat().map(({ name }) => name),
    ...contributes.viewsWelcome.map(({ contents }) => contents),
  ];
  assert.deepEqual(fields.filter((field) => !isKey(field)), []);
});
