// Two contacts of one seed set with the same email would be sent to one HubSpot contact (HubSpot
// keys contacts by email, case-insensitively): whichever went last would win, silently. The runner
// plans chunk by chunk, so the set-wide check is a tracker fed every contact in order; each contact
// that shares its email is then blocked, naming the others.
import { MAX_SEED_PROBLEMS, type SeedProblem } from '../../../server/src/service/seedContact';
import { planProblem, PlanProblemCode } from './planRow';
import type { SeedList } from './seedList';

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

/** What the tracker needs of a planned contact: its email, and where it is for the others' messages. */
export interface TrackedContact extends SeedPlace {
  readonly email: string | undefined;
}

/**
 * Emails seen across the whole set: call add() for every contact in plan order with its position in
 * the plan, then duplicates() with the plan's contacts: each position that shares its email mapped
 * to the other places with it. The tracker keeps a position and a hash of the email per contact (8
 * bytes, so 100 000 contacts stay small); contacts whose hashes meet are then compared by email.
 */
export function duplicateEmailTracker(): { add(contact: TrackedContact, position: number): void; duplicates(contacts: SeedList<TrackedContact>): ReadonlyMap<number, OtherPlaces> } {
  let positions = new Uint32Array(1_024);
  let hashes = new Uint32Array(1_024);
  let count = 0;
  return {
    add(contact, position) {
      if (contact.email === undefined) return;
      if (count === positions.length) {
        positions = grown(positions);
        hashes = grown(hashes);
      }
      positions[count] = position;
      hashes[count] = emailHash(contact.email);
      count++;
    },
    duplicates(contacts) {
      // By hash, then in set order within one hash.
      const order = Uint32Array.from({ length: count }, (_, index) => index).sort((a, b) => hashes[a] - hashes[b] || positions[a] - positions[b]);
      const others = new Map<number, OtherPlaces>();
      for (let start = 0; start < count; ) {
        let end = start + 1;
        while (end < count && hashes[order[end]] === hashes[order[start]]) end++;
        if (end - start > 1) {
          const byEmail = new Map<string, number[]>();
          for (let index = start; index < end; index++) {
            const position = positions[order[index]];
            const email = contacts.at(position)?.email?.toLowerCase();
            if (email === undefined) continue;
            const shared = byEmail.get(email);
            if (shared === undefined) byEmail.set(email, [position]);
            else shared.push(position);
          }
          for (const shared of byEmail.values()) if (shared.length > 1) addOthers(others, shared, contacts);
        }
        start = end;
      }
      return others;
    },
  };
}

function addOthers(others: Map<number, OtherPlaces>, shared: readonly number[], contacts: SeedList<SeedPlace>): void {
  // The first few but one, less itself: linear in the set however many share one email.
  const firstFew = shared.slice(0, MAX_SEED_PROBLEMS + 1).map((position) => {
    const { file, line } = contacts.at(position)!;
    return { position, place: { file, line } };
  });
  for (const position of shared) {
    const listed = firstFew.filter((other) => other.position !== position).slice(0, MAX_SEED_PROBLEMS).map((other) => other.place);
    others.set(position, Object.assign(listed, { total: shared.length - 1 }));
  }
}

/** FNV-1a over the lower-cased email's UTF-16 code units: HubSpot compares emails case-insensitively. */
function emailHash(email: string): number {
  const lower = email.toLowerCase();
  let hash = 0x811c9dc5;
  for (let index = 0; index < lower.length; index++) hash = Math.imul(hash ^ lower.charCodeAt(index), 0x01000193);
  return hash >>> 0;
}

function grown(from: Uint32Array<ArrayBuffer>): Uint32Array<ArrayBuffer> {
  const to = new Uint32Array(from.length * 2);
  to.set(from);
  return to;
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
