// Two contacts of one seed set with the same email would be sent to one HubSpot contact (HubSpot
// keys contacts by email, case-insensitively): whichever went last would win, silently. The runner
// plans chunk by chunk, so the set-wide check is a tracker fed every entry in order; each contact
// that shares its email is then blocked, naming the others.
import { MAX_SEED_PROBLEMS, type SeedProblem } from '../../../server/src/service/seedContact';
import { planProblem, PlanProblemCode, type PlannedContact } from './planRow';
import type { SeedEntry } from './seedEntry';

/** A contact's place, as a person finds it: its file and its 0-based line. */
export interface SeedPlace {
  readonly file: string;
  readonly line: number;
}

/**
 * The other contacts with one's email, the first few of them (a set whose every contact has one
 * test email must not cost a list per contact of all the others); `total` says how many there are.
 */
export interface OtherPlaces extends ReadonlyArray<SeedPlace> {
  readonly total: number;
}

interface TrackedPlace extends SeedPlace {
  readonly key: string;
}

/** Emails seen across the whole set: call add() for every entry in order, then duplicates() at the end: each key mapped to the other places with its email. */
export function duplicateEmailTracker(): { add(entry: SeedEntry): void; duplicates(): ReadonlyMap<string, OtherPlaces> } {
  const placesByEmail = new Map<string, TrackedPlace[]>();
  return {
    add(entry) {
      if (entry.email === undefined) return;
      const email = entry.email.toLowerCase();
      const place = { key: entry.key, file: entry.file, line: entry.line };
      const places = placesByEmail.get(email);
      if (places === undefined) placesByEmail.set(email, [place]);
      else places.push(place);
    },
    duplicates() {
      const others = new Map<string, OtherPlaces>();
      for (const places of placesByEmail.values()) {
        if (places.length < 2) continue;
        for (const { key } of places) {
          // The first few but one, less itself: linear in the set however many share one email.
          const listed = places.slice(0, MAX_SEED_PROBLEMS + 1).filter((place) => place.key !== key).slice(0, MAX_SEED_PROBLEMS);
          others.set(key, Object.assign(listed.map(({ file, line }) => ({ file, line })), { total: places.length - 1 }));
        }
      }
      return others;
    },
  };
}

/** The row of a contact that shares its email with `others`: blocked, one problem per other place (the file's own problems kept). */
export function blockedAsDuplicate(row: PlannedContact, others: readonly SeedPlace[] | OtherPlaces): PlannedContact {
  return { entry: row.entry, action: 'blocked', route: undefined, id: row.id, changes: [], ...duplicateBlock(row.entry, row.problems, others) };
}

/** Why a contact at `at` that shares its email with `others` is blocked: its own problems, one per other place, and a note. */
export function duplicateBlock(
  at: { readonly line: number; readonly character: number },
  ownProblems: readonly SeedProblem[],
  others: readonly SeedPlace[] | OtherPlaces,
  /** How a file is named to people: the CLI relative to its folder, the editor relative to the workspace. */
  nameOf: (file: string) => string = (file) => file,
): { readonly problems: readonly SeedProblem[]; readonly note: string } {
  const total = 'total' in others ? others.total : others.length;
  const problems = [...ownProblems, ...others.map(({ file, line }) => planProblem(at, PlanProblemCode.DuplicateEmail, `same email as ${nameOf(file)}:${line + 1}`))];
  const unlisted = total - others.length;
  if (unlisted > 0) problems.push(planProblem(at, PlanProblemCode.DuplicateEmail, `and as ${unlisted} more ${unlisted === 1 ? 'contact' : 'contacts'} of the set`));
  const note = `not sent: ${total === 1 ? 'another contact of the set has' : `${total} other contacts of the set have`} the same email`;
  return { problems, note };
}
