// "Did you mean …": ranks known names or values by closeness to what was typed. The candidates are
// read into an index once per catalog (or per enumeration), not once per finding: a portal can hold
// 100 000 properties, and a file 500 unknown names to compare with them on every keystroke.
import { distance } from 'fastest-levenshtein';
import type { PropertyCatalog, PropertyDefinition, PropertyOption } from './catalog';

export interface Candidate {
  readonly value: string;
  /** Another spelling that also identifies the candidate, such as a property's or option's label. */
  readonly alias?: string;
}

/** Longer text gets no suggestion: it is no typo of a name or an option (VS Code's fuzzy matching stops at 128 characters too). */
export const MAX_TYPED_LENGTH = 128;
/** The longest spelling that can be close to typed text of MAX_TYPED_LENGTH (the distance allowed is a third of its length). */
const LONGEST_MATCH = MAX_TYPED_LENGTH + Math.floor(MAX_TYPED_LENGTH / 3);
/** Suggestions per finding. */
const SUGGESTIONS = 3;
/**
 * What is typed is compared with this many neighbours either side of it, in the spellings sorted
 * forwards and sorted backwards: a typo leaves the start or the end of a word as it was, and that half
 * sorts it beside the intended spelling. However large the catalog, a search costs at most
 * 4 × NEIGHBOURS edit distances.
 */
const NEIGHBOURS = 50;
/** An index no larger than what the neighbours would cover compares every spelling instead. */
const COMPARE_ALL_UP_TO = 4 * NEIGHBOURS;
/** Answers kept per index, so that the same unknown names on the next keystroke cost nothing. */
const ANSWERS_KEPT = 4_096;

export class SuggestionIndex {
  /**
   * Every normalised spelling, with the value it spells, or the values when it spells several (rare:
   * an array per spelling would be 200 000 arrays for a portal of 100 000 names and labels).
   */
  private readonly exact = new Map<string, string | string[]>();
  /**
   * Only in an index too large to compare every spelling: the spellings sorted, and (as indexes into
   * them, not as reversed copies: 200 000 strings fewer for a large portal) sorted by their ends.
   */
  private readonly sorted: { readonly forwards: readonly string[]; readonly backwards: Int32Array } | undefined;
  private readonly answers = new Map<string, readonly string[]>();

  constructor(candidates: Iterable<Candidate>) {
    for (const { value, alias } of candidates) {
      for (const spelling of alias === undefined ? [value] : [value, alias]) {
        const key = normalise(spelling);
        if (!key || key.length > LONGEST_MATCH) continue;
        const values = this.exact.get(key);
        if (values === undefined) this.exact.set(key, value);
        else if (typeof values === 'string') {
          if (values !== value) this.exact.set(key, [values, value]);
        } else if (!values.includes(value)) values.push(value);
      }
    }
    if (this.exact.size > COMPARE_ALL_UP_TO) {
      // The default sort compares strings natively, without a comparator call per comparison.
      const forwards = [...this.exact.keys()].sort();
      const backwards = Int32Array.from(forwards.keys()).sort((a, b) => compareFromTheEnd(forwards[a], forwards[b]));
      this.sorted = { forwards, backwards };
    }
  }

  /** The closest candidates, best first: exact matches of the value, the alias or a normalised spelling, else small edit distances. */
  closest(typed: string): readonly string[] {
    if (typed.length > MAX_TYPED_LENGTH) return [];
    const needle = normalise(typed);
    if (!needle) return [];
    let answer = this.answers.get(needle);
    if (!answer) {
      answer = this.search(needle);
      if (this.answers.size >= ANSWERS_KEPT) this.answers.clear();
      this.answers.set(needle, answer);
    }
    return answer;
  }

  private search(needle: string): readonly string[] {
    const exact = this.exact.get(needle);
    if (exact !== undefined) return valuesOf(exact).sort((a, b) => a.localeCompare(b)).slice(0, SUGGESTIONS);

    const scores = new Map<string, number>();
    let best = Infinity;
    const consider = (spelling: string) => {
      // A clearly closer candidate hides the merely plausible ones ("frstname" means firstname, not lastname).
      const limit = Math.min(Math.max(2, Math.floor(needle.length / 3)), Math.floor(best * 1.5));
      // An edit distance is never below the difference in length: most spellings are ruled out by that alone.
      if (Math.abs(spelling.length - needle.length) > limit) return;
      const score = distance(needle, spelling);
      if (score > limit) return;
      for (const value of valuesOf(this.exact.get(spelling)!)) {
        const earlier = scores.get(value);
        if (earlier === undefined || score < earlier) scores.set(value, score);
      }
      best = Math.min(best, score);
    };
    if (!this.sorted) {
      for (const spelling of this.exact.keys()) consider(spelling);
    } else {
      const { forwards, backwards } = this.sorted;
      for (const spelling of neighbours(forwards.length, (i) => forwards[i] < needle, (i) => forwards[i])) consider(spelling);
      for (const spelling of neighbours(backwards.length, (i) => compareFromTheEnd(forwards[backwards[i]], needle) < 0, (i) => forwards[backwards[i]])) consider(spelling);
    }
    return [...scores]
      .filter(([, score]) => score <= best * 1.5)
      .sort(([a, scoreA], [b, scoreB]) => scoreA - scoreB || a.localeCompare(b))
      .slice(0, SUGGESTIONS)
      .map(([value]) => value);
  }
}

/** The values a spelling spells, as a new array. */
function valuesOf(values: string | readonly string[]): string[] {
  return typeof values === 'string' ? [values] : [...values];
}

const indexes = new WeakMap<object, SuggestionIndex>();

function indexOf(owner: object, candidates: () => Iterable<Candidate>): SuggestionIndex {
  let index = indexes.get(owner);
  if (!index) {
    index = new SuggestionIndex(candidates());
    indexes.set(owner, index);
  }
  return index;
}

/** The catalog's property names and labels, indexed on first use (the server asks as soon as a catalog arrives). */
export function propertyNameIndex(catalog: PropertyCatalog): SuggestionIndex {
  return indexOf(catalog, () => Array.from(catalog.properties.values(), (d) => ({ value: d.name, alias: d.label })));
}

/** An enumeration's option values and labels, indexed on first use; properties with the same options share one index. */
export function optionIndex(definition: PropertyDefinition): SuggestionIndex {
  const options = definition.options ?? NO_OPTIONS;
  return indexOf(options, () => options.map((o) => ({ value: o.value, alias: o.label })));
}

const NO_OPTIONS: readonly PropertyOption[] = [];

/**
 * The items around where a key sorts, among `count` sorted ones: `before(i)` tells whether item `i`
 * sorts before the key, `item(i)` gives it.
 */
function neighbours(count: number, before: (index: number) => boolean, item: (index: number) => string): string[] {
  let low = 0;
  let high = count;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (before(mid)) low = mid + 1;
    else high = mid;
  }
  const found: string[] = [];
  for (let i = Math.max(0, low - NEIGHBOURS); i < Math.min(count, low + NEIGHBOURS); i++) found.push(item(i));
  return found;
}

/** Compares by UTF-16 code units from the last one back, as sorting the reversed strings would. */
function compareFromTheEnd(a: string, b: string): number {
  for (let i = a.length - 1, j = b.length - 1; i >= 0 && j >= 0; i--, j--) {
    const difference = a.charCodeAt(i) - b.charCodeAt(j);
    if (difference !== 0) return difference;
  }
  return a.length - b.length;
}

/** Case, spaces, dashes and underscores do not matter when guessing: "First Name" finds `firstname`. */
function normalise(text: string): string {
  return text.toLowerCase().replace(/[\s_\-–]+/g, '');
}
