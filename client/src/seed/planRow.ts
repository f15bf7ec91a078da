// One row of a seed run's plan: what will be done with one contact and why. The planner
// (plan.ts) makes them; the duplicate check (duplicateEmails.ts) turns one into a blocked row.
import type { SeedProblem } from '../../../server/src/service/seedContact';
import type { SeedEntry } from './seedEntry';

export type PlanAction = 'create' | 'update' | 'unchanged' | 'blocked' | 'uncertain';
export type BatchRoute = 'upsert' | 'update' | 'create';

export interface PropertyChange {
  readonly property: string;
  readonly old: string | null;
  readonly new: string | null;
}

export interface PlannedContact {
  readonly entry: SeedEntry;
  readonly action: PlanAction;
  /** How it is sent: email → upsert (by email); no email but an id (saved in the file, or from the journal) → update; neither → create. Undefined for unchanged/blocked/uncertain. */
  readonly route: BatchRoute | undefined;
  /** HubSpot's id when known (portal read, file, journal). */
  readonly id: string | undefined;
  /** update: only the properties that change, old → new; create: every property (old null). */
  readonly changes: readonly PropertyChange[];
  /** blocked: why (the entry's errors, or "same email as <file>:<line>"); uncertain: what the journal says. */
  readonly problems: readonly SeedProblem[];
  /** One line for people, e.g. "created by an earlier run (id 512); updated by id". */
  readonly note: string | undefined;
}

/** The codes of the problems the plan adds to the file's own (seedContact.ts). */
export const PlanProblemCode = {
  DuplicateEmail: 'duplicate-email',
  IdNotInPortal: 'id-not-in-portal',
  UncertainCreate: 'uncertain-create',
} as const;

/** A problem the plan finds, placed where the contact starts. */
export function planProblem(at: { readonly line: number; readonly character: number }, code: string, message: string): SeedProblem {
  return { line: at.line, character: at.character, code, message };
}
