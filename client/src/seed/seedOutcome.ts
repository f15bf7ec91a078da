// What a seed run came to, contact by contact: the report both the editor's view and the CLI's
// output are made of, and the counts at their top.
import type { ValidationResult } from '../hubspot/errorBodies';
import type { SeedAccount } from './seedAccount';
import type { SeedList } from './seedList';

export const SEED_OUTCOMES = ['created', 'updated', 'unchanged', 'failed', 'blocked', 'uncertain', 'notSent'] as const;

/**
 * `uncertain`: a create whose answer never came, so it may have happened; the journal remembers it
 * and the next plan asks before creating it again. `notSent`: the run stopped (cancelled, the daily
 * limit) before this contact's turn, or its file changed since the plan.
 */
export type SeedOutcome = (typeof SEED_OUTCOMES)[number];

export interface SeedResult {
  readonly file: string;
  readonly index: number;
  readonly line: number;
  readonly character: number;
  readonly outcome: SeedOutcome;
  readonly id: string | undefined;
  /** HubSpot's message for a failure, why it was blocked or not sent; undefined for a success. */
  readonly message: string | undefined;
  /** HubSpot's per-property errors, for diagnostics on the offending values. */
  readonly rejected: readonly ValidationResult[];
}

export interface SeedStop {
  /** `dailyLimit`: HubSpot's daily allowance is spent; `failed`: HubSpot refused the requests themselves (401, 403…). */
  readonly reason: 'cancelled' | 'dailyLimit' | 'failed';
  readonly message: string;
}

export interface SeedReport {
  readonly account: SeedAccount;
  readonly counts: Readonly<Record<SeedOutcome, number>>;
  /** One per contact of the plan, in its order. */
  readonly results: SeedList<SeedResult>;
  /** Set when the run ended before every planned contact was sent: re-running it resumes. */
  readonly stopped: SeedStop | undefined;
  readonly requests: number;
  /** 429 answers met (each was waited out, or stopped the run for the daily limit). */
  readonly rateLimited: number;
  readonly elapsedMs: number;
  readonly journalPath: string;
}

export function countOutcomes(results: Iterable<{ readonly outcome: SeedOutcome }>): Record<SeedOutcome, number> {
  const counts = Object.fromEntries(SEED_OUTCOMES.map((outcome) => [outcome, 0])) as Record<SeedOutcome, number>;
  for (const { outcome } of results) counts[outcome]++;
  return counts;
}
