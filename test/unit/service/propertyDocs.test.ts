import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PropertyDefinition } from '../../../server/src/service/catalog';
import { MAX_DESCRIPTION_LENGTH, MAX_LABEL_LENGTH, shortened } from '../../../server/src/service/portalText';
import { escapeMarkdown, inlineCode, propertyMarkdown, valueMarkdown } from '../../../server/src/service/propertyDocs';
import { seededRandom } from './randomPayloads';

/** The rule as first written: each run of whitespace with a line break in it becomes one space, then Markdown's characters are escaped. */
function escapedAsBefore(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').replace(/[\\`*_[\]<>|#~]/g, '\\$&');
}

function within<T>(ms: number, what: string, work: () => T): T {
  const started = performance.now();
  const result = work();
  const took = performance.now() - started;
  assert.ok(took < ms, `${what} took ${took.toFixed(0)} ms`);
  return result;
}

test('escapeMarkdown gives what the first rule gave, on random text of whitespace, line breaks and Markdown characters', () => {
  const random = seededRandom(31);
  const pieces = [' ', '  ', '\t', '\n', '\r\n', '\r', '\u00a0', '\u2028', 'a', 'é', '*', '_', '`', '[', ']', '<', '|', '#', '~', '\\', 'x y'];
  for (let run = 0; run < 5_000; run++) {
    const text = Array.from({ length: Math.floor(random() * 12) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
    assert.equal(escapeMarkdown(text), escapedAsBefore(text), JSON.stringify(text));
  }
});

test('escapeMarkdown is linear: 100 000 spaces without a line break, and with one at the end, take well under a second', () => {
  const spaces = ' '.repeat(100_000);
  assert.equal(within(1_000, '100 000 spaces', () => escapeMarkdown(`a${spaces}b`)), `a${spaces}b`);
  assert.equal(within(1_000, '100 000 spaces and a line break', () => escapeMarkdown(`a${spaces}\nb`)), 'a b');
});

test('labels, descriptions and option labels from the portal are cut short before they become Markdown', () => {
  const definition: PropertyDefinition = {
    name: 'tier', label: `Tier ${'L'.repeat(100_000)}`, type: 'enumeration', fieldType: 'select',
    description: `Starts here. ${' '.repeat(100_000)} Ends here.`,
    options: [{ value: 'gold', label: `Gold ${'g'.repeat(100_000)}`, description: 'd'.repeat(100_000) }],
  };
  const property = propertyMarkdown(definition);
  assert.ok(property.length < MAX_LABEL_LENGTH * 2 + MAX_DESCRIPTION_LENGTH + 500, `${property.length} characters`);
  assert.match(property, /^\*\*Tier L+…\*\* `tier`/);
  assert.match(property, /Starts here\. +…/);
  assert.match(property, /- `gold` — Gold g+…$/);
  const value = valueMarkdown(definition, 'gold');
  assert.ok(value.length < MAX_LABEL_LENGTH * 2 + MAX_DESCRIPTION_LENGTH + 500, `${value.length} characters`);
});

test('a value of 500 000 runs of backticks is shown cut short, in a code span that still holds', () => {
  const code = within(1_000, 'the code span', () => inlineCode('`a'.repeat(500_000)));
  assert.ok(code.length < MAX_LABEL_LENGTH + 10, `${code.length} characters`);
  assert.match(code, /^`` `a`a.*… ``$/);
});

test('shortened text ends in "…" and never in half a surrogate pair', () => {
  assert.equal(shortened('abc', 3), 'abc');
  assert.equal(shortened('abcd', 3), 'ab…');
  assert.equal(shortened('a😀b', 3), 'a…', 'the emoji is two code units: it goes whole');
  assert.equal(shortened('ab😀', 3), 'ab…');
});
