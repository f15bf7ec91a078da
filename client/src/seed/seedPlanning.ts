// Plans a seed set before anything is written: reads the files a group at a time, looks their
// contacts up in the portal (batch/read by email, and by id for those without one), and asks the
// planner what each one needs. Only compact rows are kept — an update's changes, not a create's
// properties — so a plan of 100 000 contacts stays small; sending reads the files again.
import { createHash } from 'node:crypto';
import { BATCH_MAX_INPUTS, batchPath, batchReadBody, readBatchReadAnswer } from '../hubspot/contactsBatch';
import type { SeedProblem } from '../../../server/src/service/seedContact';
import type { Dispatcher } from './batchDispatcher';
import type { Journal } from './journal';
import { countActions, duplicateBlock, duplicateEmailTracker, planContacts, portalLookup, type BatchRoute, type PlanAction, type PlannedContact, type PortalContact, type PropertyChange } from './plan';
import type { SeedAccount } from './seedAccount';
import { seedEntry, type SeedEntry } from './seedEntry';
import type { SeedList, SeedLists } from './seedList';
import { CONTACTS_PER_READ, readGroups, type SeedSource } from './seedSource';

export interface PlanRow {
  readonly file: string;
  readonly index: number;
  readonly line: number;
  readonly character: number;
  readonly email: string | undefined;
  readonly action: PlanAction;
  readonly route: BatchRoute | undefined;
  readonly id: string | undefined;
  /** An update's changes, old → new; empty for a create (it sets every property of its file). */
  readonly changes: readonly PropertyChange[];
  readonly problems: readonly SeedProblem[];
  readonly note: string | undefined;
  /** What was planned, so that a file edited between plan and send is noticed instead of sent unplanned. */
  readonly fingerprint: string;
}

export interface FileProblem {
  readonly file: string;
  readonly problems: readonly SeedProblem[];
  /** Set when the file could not be read at all. */
  readonly unreadable: string | undefined;
}

export interface SeedPlan {
  readonly account: SeedAccount;
  /** One per contact, in the order the files are read (and read again to send). */
  readonly rows: SeedList<PlanRow>;
  readonly counts: Readonly<Record<PlanAction, number>>;
  /** Files that could not be read, or whose errors keep every contact in them back. */
  readonly fileProblems: readonly FileProblem[];
  readonly files: number;
}

export interface PlanningContext {
  readonly account: SeedAccount;
  readonly dispatcher: Dispatcher;
  readonly journal: Journal;
  readonly resendUncertain: boolean;
  readonly signal: AbortSignal | undefined;
  readonly onProgress?: ((contactsPlanned: number) => void) | undefined;
  /** How a file is named in the plan's messages (another place with the same email, say). */
  readonly nameOf: (file: string) => string;
  /** Where the rows are kept (memory, or files for a set too large for it). */
  readonly lists: SeedLists;
}

/** Thrown when the portal cannot be read (401, 403, the daily limit…): no plan can be trusted then. */
export class SeedPlanError extends Error {
  override readonly name = 'SeedPlanError';
}

export async function planSeedSet(source: SeedSource, context: PlanningContext): Promise<SeedPlan> {
  const rows = context.lists<PlanRow>();
  const fileProblems: FileProblem[] = [];
  const duplicates = duplicateEmailTracker();
  // Entries wait here until there are enough to look up in full batches of 100.
  let pending: SeedEntry[] = [];
  const planPending = async () => {
    const entries = pending;
    pending = [];
    const portal = await readPortal(entries, context);
    for (const planned of planContacts(entries, portal, context.journal.state, { resendUncertain: context.resendUncertain })) {
      const row = planRow(planned);
      duplicates.add(row, rows.length);
      rows.set(rows.length, row);
    }
    context.onProgress?.(rows.length);
  };
  for await (const results of readGroups(source)) {
    if (context.signal?.aborted) throw new SeedPlanError('Planning was cancelled; nothing was sent.');
    for (const result of results) {
      if (!result.ok) {
        fileProblems.push({ file: result.file, problems: [], unreadable: result.problem });
        continue;
      }
      if (result.read.fileErrors.length > 0) fileProblems.push({ file: result.file, problems: result.read.fileErrors, unreadable: undefined });
      else {
        for (const read of result.read.contacts) pending.push(seedEntry(result.file, read));
      }
    }
    if (pending.length >= CONTACTS_PER_READ) await planPending();
  }
  if (pending.length > 0) await planPending();
  for (const [position, others] of duplicates.duplicates(rows)) {
    const row = rows.at(position)!;
    rows.set(position, { ...row, action: 'blocked', route: undefined, changes: NO_CHANGES, ...duplicateBlock(row, row.problems, others, context.nameOf) });
  }
  return { account: context.account, rows, counts: countActions(rows), fileProblems, files: source.files.length };
}

/** The contacts of these entries as the portal has them, with the properties the entries set. */
async function readPortal(entries: readonly SeedEntry[], context: PlanningContext) {
  const byEmail = new Map<string, PortalContact>();
  const byId = new Map<string, PortalContact>();
  const properties = [...new Set(entries.flatMap((entry) => entry.properties.map((property) => property.property)))];
  const emails = new Set<string>();
  const ids = new Set<string>();
  for (const entry of entries) {
    if (entry.errorCount > 0) continue;
    const lookup = portalLookup(entry, context.journal.state);
    if (lookup.by === 'email') emails.add(lookup.email);
    else if (lookup.by === 'id') ids.add(lookup.id);
  }
  const reads: Promise<void>[] = [];
  for (const [by, keySet, found] of [['email', emails, byEmail], ['id', ids, byId]] as const) {
    const keys = [...keySet];
    for (let start = 0; start < keys.length; start += BATCH_MAX_INPUTS) {
      const chunk = keys.slice(start, start + BATCH_MAX_INPUTS);
      reads.push(readChunk(by, chunk, properties, context).then((contacts) => {
        for (const contact of contacts) {
          const email = contact.properties.email;
          if (by === 'email' && typeof email === 'string') found.set(email.toLowerCase(), contact);
          else found.set(contact.id, contact);
        }
      }));
    }
  }
  await Promise.all(reads);
  return { byEmail, byId };
}

async function readChunk(by: 'email' | 'id', ids: readonly string[], properties: readonly string[], context: PlanningContext): Promise<readonly PortalContact[]> {
  const wanted = by === 'email' && !properties.includes('email') ? [...properties, 'email'] : properties;
  const result = await context.dispatcher.send('read', batchPath(context.account.apiVersion, 'read'), batchReadBody(by, ids, wanted));
  if (result.kind === 'cancelled') throw new SeedPlanError('Planning was cancelled; nothing was sent.');
  if (result.kind === 'dailyLimit') throw new SeedPlanError(`The portal could not be read to plan the set: ${result.message}`);
  if (result.kind === 'failed') throw new SeedPlanError(`The portal could not be read to plan the set: ${result.message}`);
  const answer = readBatchReadAnswer(by, result.status, result.body);
  if (answer.kind === 'failed') throw new SeedPlanError(`The portal could not be read to plan the set: ${answer.message}`);
  return answer.found;
}

function planRow(planned: PlannedContact): PlanRow {
  const { entry, action } = planned;
  return {
    file: entry.file,
    index: entry.index,
    line: entry.line,
    character: entry.character,
    email: entry.email === undefined ? undefined : ownCopy(entry.email),
    action,
    route: planned.route,
    id: planned.id,
    changes: action === 'update' ? structuredClone(planned.changes) : NO_CHANGES,
    problems: planned.problems.length === 0 ? NO_PROBLEMS : structuredClone(planned.problems),
    note: planned.note,
    fingerprint: fingerprintOf(entry),
  };
}

// A row outlives the file text it was read from, and V8 keeps a string cut from a text as a view of
// the whole text: a plan of 100 000 rows holding such views would hold every file it read. So a row
// keeps copies of the strings that come from a file, and shares one empty list among the rows that
// have nothing in it.
const NO_CHANGES: readonly PropertyChange[] = Object.freeze([]);
const NO_PROBLEMS: readonly SeedProblem[] = Object.freeze([]);

function ownCopy(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

/** The entry's sent content: properties, email, id and associations, hashed. */
export function fingerprintOf(entry: SeedEntry): string {
  return createHash('sha1').update(JSON.stringify([entry.properties, entry.email, entry.id, entry.associations ?? null])).digest('base64url');
}
