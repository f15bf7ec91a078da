// What a seed run would do with each contact, from the file, the portal's state and what earlier
// runs wrote in the journal. Sets reach 100 000 contacts, so the runner plans a chunk at a time
// (the contacts whose portal state it read together) and keeps only the rows; the one fact that
// spans the whole set, two contacts with one email, has its own tracker (duplicateEmails.ts).
import type { SeedProblem } from '../../../server/src/service/seedContact';
import type { JournalState } from './journal';
import { planProblem, PlanProblemCode, type BatchRoute, type PlanAction, type PlannedContact, type PropertyChange } from './planRow';
import type { SeedEntry } from './seedEntry';
import { sameValue, valueText } from './valueCompare';

export { duplicateBlock, duplicateEmailTracker, type OtherPlaces, type SeedPlace } from './duplicateEmails';
export { PlanProblemCode, type BatchRoute, type PlanAction, type PlannedContact, type PropertyChange } from './planRow';

export interface PortalContact {
  readonly id: string;
  readonly properties: Readonly<Record<string, string | null>>;
}

export interface PortalState {
  /** Keys lower-cased emails. */
  readonly byEmail: ReadonlyMap<string, PortalContact>;
  readonly byId: ReadonlyMap<string, PortalContact>;
}

export interface PlanOptions {
  /** Send again the creates an earlier run sent without learning their outcome (each may make a second contact). */
  readonly resendUncertain: boolean;
}

/** What finds an entry's contact in the portal: the runner reads exactly these before it plans. */
export type PortalLookup =
  /** `email` lower-cased, as PortalState.byEmail keys it. */
  | { readonly by: 'email'; readonly email: string }
  | { readonly by: 'id'; readonly id: string; readonly from: 'file' | 'journal' }
  | { readonly by: 'none' };

export function portalLookup(entry: SeedEntry, journal: JournalState): PortalLookup {
  if (entry.email !== undefined) return { by: 'email', email: entry.email.toLowerCase() };
  if (entry.id !== undefined) return { by: 'id', id: entry.id, from: 'file' };
  const earlier = journal.idOf(entry.key);
  return earlier === undefined ? { by: 'none' } : { by: 'id', id: earlier, from: 'journal' };
}

export function planContacts(entries: readonly SeedEntry[], portal: PortalState, journal: JournalState, options: PlanOptions): PlannedContact[] {
  return entries.map((entry) => planContact(entry, portal, journal, options));
}

export function countActions(rows: Iterable<{ readonly action: PlanAction }>): Record<PlanAction, number> {
  const counts: Record<PlanAction, number> = { create: 0, update: 0, unchanged: 0, blocked: 0, uncertain: 0 };
  for (const row of rows) counts[row.action]++;
  return counts;
}

function planContact(entry: SeedEntry, portal: PortalState, journal: JournalState, options: PlanOptions): PlannedContact {
  const lookup = portalLookup(entry, journal);
  if (entry.errorCount > 0) {
    const id = lookup.by === 'email' ? portal.byEmail.get(lookup.email)?.id : lookup.by === 'id' ? lookup.id : undefined;
    return { ...notSent(entry, 'blocked', id, entry.errors), note: `not sent: ${entry.errorCount === 1 ? '1 error' : `${entry.errorCount} errors`} in the file` };
  }
  switch (lookup.by) {
    case 'email': {
      const found = portal.byEmail.get(lookup.email);
      if (found !== undefined) {
        const savedElsewhere = entry.id !== undefined && entry.id !== found.id ? `, though the file saves id ${entry.id}` : '';
        return compared(entry, 'upsert', found, `found by email (id ${found.id}${savedElsewhere})`, 'email');
      }
      const earlier = journal.idOf(entry.key);
      // The common note is one string for every row that has it, not one per row: plans reach 100 000 rows.
      if (earlier === undefined) return created(entry, 'upsert', 'new; created by email, safe to send again');
      return created(entry, 'upsert', `an earlier run got id ${earlier}, but no contact has this email now; created by email, safe to send again`);
    }
    case 'id': {
      const found = portal.byId.get(lookup.id);
      const origin = lookup.from === 'file' ? `saved id ${lookup.id}` : `created by an earlier run (id ${lookup.id})`;
      if (found !== undefined) return compared(entry, 'update', found, origin, 'id');
      const message = `id ${lookup.id} is not in this portal`;
      return { ...notSent(entry, 'blocked', lookup.id, [planProblem(entry, PlanProblemCode.IdNotInPortal, message)]), note: `${origin}: ${message}` };
    }
    case 'none':
      return withoutKeys(entry, journal, options);
  }
}

/** No email and no id: only the journal can tell whether an earlier create of it may have landed. */
function withoutKeys(entry: SeedEntry, journal: JournalState, options: PlanOptions): PlannedContact {
  const sentAt = journal.uncertainSince(entry.key);
  if (sentAt === undefined) return created(entry, 'create', 'new, without an email: each send of it creates a contact');
  const said = journal.lastOutcome(entry.key)?.message;
  const unanswered = `a create sent at ${sentAt} got no answer${said === undefined ? '' : ` (${said})`}`;
  if (options.resendUncertain) return created(entry, 'create', `${unanswered}; sent again as asked, so it may now exist twice`);
  const message = `${unanswered}: the contact may have been created`;
  return { ...notSent(entry, 'uncertain', undefined, [planProblem(entry, PlanProblemCode.UncertainCreate, message)]), note: message };
}

function compared(entry: SeedEntry, route: BatchRoute, found: PortalContact, origin: string, by: 'email' | 'id'): PlannedContact {
  const changes: PropertyChange[] = [];
  for (const { property, value } of entry.properties) {
    // Own properties only: a property named "constructor" is not Object's.
    const old = Object.hasOwn(found.properties, property) ? found.properties[property] : undefined;
    if (!sameValue(property, value, old)) changes.push({ property, old: old ?? null, new: valueText(value) });
  }
  if (changes.length === 0) return { ...notSent(entry, 'unchanged', found.id, []), note: `${origin}; already as the file says` };
  return { entry, action: 'update', route, id: found.id, changes, problems: [], note: `${origin}; updated by ${by}` };
}

function created(entry: SeedEntry, route: BatchRoute, note: string): PlannedContact {
  const changes = entry.properties.map(({ property, value }) => ({ property, old: null, new: valueText(value) }));
  return { entry, action: 'create', route, id: undefined, changes, problems: [], note };
}

function notSent(entry: SeedEntry, action: 'unchanged' | 'blocked' | 'uncertain', id: string | undefined, problems: readonly SeedProblem[]): PlannedContact {
  return { entry, action, route: undefined, id, changes: [], problems, note: undefined };
}
