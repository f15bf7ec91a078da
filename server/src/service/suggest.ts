// "Did you mean …": ranks known names or values by closeness to what was typed.
import { distance } from 'fastest-levenshtein';

export interface Candidate {
  readonly value: string;
  /** Another spelling that also identifies the candidate, such as a property's or option's label. */
  readonly alias?: string;
}

/** The closest candidates, best first: exact matches of the alias or a normalised spelling, then small edit distances. */
export function closestMatches(typed: string, candidates: Iterable<Candidate>, limit = 3): string[] {
  const needle = normalise(typed);
  if (!needle) return [];
  const scored: { value: string; score: number }[] = [];
  for (const { value, alias } of candidates) {
    const score = Math.min(closeness(needle, normalise(value)), alias === undefined ? Infinity : closeness(needle, normalise(alias)));
    if (score <= Math.max(2, Math.floor(needle.length / 3))) scored.push({ value, score });
  }
  scored.sort((a, b) => a.score - b.score || a.value.localeCompare(b.value));
  // A clearly closer candidate hides the merely plausible ones ("frstname" means firstname, not lastname).
  const best = scored[0]?.score ?? 0;
  return scored.filter((s) => s.score <= best * 1.5).slice(0, limit).map((s) => s.value);
}

function closeness(needle: string, hay: string): number {
  if (!hay) return Infinity;
  if (needle === hay) return 0;
  return distance(needle, hay);
}

/** Case, spaces, dashes and underscores do not matter when guessing: "First Name" finds `firstname`. */
function normalise(text: string): string {
  return text.toLowerCase().replace(/[\s_\-–]+/g, '');
}
