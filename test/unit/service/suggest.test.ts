import assert from 'node:assert/strict';
import { test } from 'node:test';
import { distance } from 'fastest-levenshtein';
import { bundledDefaultCatalog, createCatalog, type PropertyDefinition } from '../../../server/src/service/catalog';
import { MAX_TYPED_LENGTH, propertyNameIndex, SuggestionIndex, type Candidate } from '../../../server/src/service/suggest';
import { seededRandom, type Random } from './randomPayloads';

/** The rule, comparing every candidate: normalised edit distance within a third of the length (at least 2), the clearly closer first. */
function everyCandidateCompared(typed: string, candidates: readonly Candidate[]): string[] {
  const normalise = (text: string) => text.toLowerCase().replace(/[\s_\-–]+/g, '');
  const needle = normalise(typed);
  if (!needle || typed.length > MAX_TYPED_LENGTH) return [];
  const scored = candidates.map(({ value, alias }) => ({
    value,
    score: Math.min(...[value, alias].filter((s) => s !== undefined && normalise(s) !== '').map((s) => distance(needle, normalise(s!)))),
  })).filter((s) => s.score <= Math.max(2, Math.floor(needle.length / 3)));
  scored.sort((a, b) => a.score - b.score || a.value.localeCompare(b.value));
  const best = scored[0]?.score ?? 0;
  return scored.filter((s) => s.score <= best * 1.5).slice(0, 3).map((s) => s.value);
}

function typo(random: Random, word: string): string {
  const at = Math.floor(random() * word.length);
  const letter = String.fromCharCode(97 + Math.floor(random() * 26));
  switch (Math.floor(random() * 4)) {
    case 0: return word.slice(0, at) + word.slice(at + 1); // a letter left out
    case 1: return word.slice(0, at) + letter + word.slice(at); // one too many
    case 2: return word.slice(0, at) + letter + word.slice(at + 1); // one mistyped
    default: return word.slice(0, at) + word.slice(at + 1, at + 2) + word.slice(at, at + 1) + word.slice(at + 2); // two swapped
  }
}

test('a catalog as small as the bundled one (108 spellings, all compared): the index answers exactly as comparing every candidate does', () => {
  const random = seededRandom(21);
  const definitions = [...bundledDefaultCatalog().properties.values()];
  const candidates = definitions.map((d) => ({ value: d.name, alias: d.label }));
  const index = new SuggestionIndex(candidates);
  for (let run = 0; run < 2_000; run++) {
    const picked = definitions[Math.floor(random() * definitions.length)];
    const typed = random() < 0.3 ? typo(random, typo(random, picked.label)) : typo(random, picked.name);
    assert.deepEqual(index.closest(typed), everyCandidateCompared(typed, candidates), typed);
  }
  assert.deepEqual(index.closest('frstname'), ['firstname']);
  assert.deepEqual(index.closest('First Name'), ['firstname']);
});

test('a portal of 10 000 look-alike names: one typo gets a suggestion as close as the closest name, nearly always', () => {
  const random = seededRandom(22);
  const words = ['account', 'billing', 'region', 'status', 'owner', 'renewal', 'contract', 'tier', 'score', 'source', 'campaign', 'partner'];
  const word = () => words[Math.floor(random() * words.length)];
  const names = new Set<string>();
  while (names.size < 10_000) names.add(`${word()}_${word()}_${Math.floor(random() * 1_000)}`);
  const definitions = [...names].map((name): PropertyDefinition => ({ name, label: name.replace(/_/g, ' '), type: 'string', fieldType: 'text' }));
  const catalog = createCatalog(definitions, { kind: 'portal', description: 'a big portal' });
  const index = propertyNameIndex(catalog);
  assert.equal(propertyNameIndex(catalog), index, 'one index per catalog');
  const normalised = definitions.map((d) => d.name.replace(/_/g, ''));
  let asClose = 0;
  let runs = 0;
  while (runs < 200) {
    const typed = typo(random, definitions[Math.floor(random() * definitions.length)].name);
    const needle = typed.replace(/_/g, '');
    if (normalised.includes(needle)) continue;
    runs++;
    const closest = Math.min(...normalised.map((name) => distance(needle, name)));
    const suggested = index.closest(typed).map((name) => distance(needle, name.replace(/_/g, '')));
    assert.ok(suggested.length > 0, `something is suggested for ${typed}`);
    if (Math.min(...suggested) === closest) asClose++;
  }
  // Only 4 × 50 neighbours are compared, not all 20 000 spellings: in a catalog this uniform a few typos land farther away.
  assert.ok(asClose >= 0.95 * runs, `as close as the closest name for ${asClose} of ${runs} typos`);
});

test('text longer than 128 characters, or close to nothing, gets no suggestion', () => {
  const index = new SuggestionIndex([{ value: 'x'.repeat(MAX_TYPED_LENGTH + 1) }, { value: 'firstname' }]);
  assert.deepEqual(index.closest('x'.repeat(MAX_TYPED_LENGTH + 1)), [], 'even an exact match');
  assert.deepEqual(index.closest('zzzzzzzzz'), []);
  assert.deepEqual(index.closest(' _-'), []);
});

test('500 searches in an index of 200 000 spellings take under 2 s: each compares at most 200 of them', () => {
  const index = new SuggestionIndex(Array.from({ length: 100_000 }, (_, i) => ({ value: `custom_property_${i}`, alias: `Field ${i}` })));
  const started = performance.now();
  for (let i = 0; i < 500; i++) index.closest(`no_such_property_${i}`);
  const ms = performance.now() - started;
  assert.ok(ms < 2_000, `500 searches took ${ms.toFixed(0)} ms`);
});
