// The records of a run journal, one JSON object a line, and the check that a line read back is one
// of them: a journal lives on disk between runs and versions, and may have been edited by hand.

/** The HubSpot account a run writes to: ids from one account mean nothing in another. */
export interface JournalAccount {
  readonly origin: string;
  readonly portalId: number | undefined;
}

export type OutcomeRecord = {
  readonly type: 'outcome';
  readonly at: string;
  readonly key: string;
  readonly outcome: 'created' | 'updated' | 'unchanged' | 'failed' | 'uncertain';
  readonly id?: string;
  readonly message?: string;
  readonly batch?: string;
};

export type JournalRecord =
  | { readonly type: 'run'; readonly at: string; readonly origin: string; readonly portalId?: number; readonly apiVersion: string; readonly contacts: number }
  /** Written before each batch goes out: until an outcome follows, its writes may or may not have happened (what matters for a create, which cannot be looked up by email). */
  | { readonly type: 'sending'; readonly at: string; readonly batch: string; readonly keys: readonly string[] }
  | OutcomeRecord;

export interface JournalState {
  /** The id an earlier run of this account got for this contact (created or updated), if any. */
  idOf(key: string): string | undefined;
  /** A create sent for it whose outcome never came (the run was cut off, or the answer lost): the ISO time it was sent. */
  uncertainSince(key: string): string | undefined;
  lastOutcome(key: string): OutcomeRecord | undefined;
}

const OUTCOMES: ReadonlySet<unknown> = new Set(['created', 'updated', 'unchanged', 'failed', 'uncertain']);

/** The record a line holds, or undefined when it holds none (torn by a crash, edited, or from a later version). */
export function readRecord(line: string): JournalRecord | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  return isRecord(value) ? value : undefined;
}

function isRecord(value: unknown): value is JournalRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  if (typeof record.at !== 'string') return false;
  switch (record.type) {
    case 'run':
      return typeof record.origin === 'string' && optional(record.portalId, 'number') && typeof record.apiVersion === 'string' && typeof record.contacts === 'number';
    case 'sending':
      return typeof record.batch === 'string' && Array.isArray(record.keys) && record.keys.every((key) => typeof key === 'string');
    case 'outcome':
      return typeof record.key === 'string' && OUTCOMES.has(record.outcome) && optional(record.id, 'string') && optional(record.message, 'string') && optional(record.batch, 'string');
    default:
      return false;
  }
}

function optional(field: unknown, type: 'string' | 'number'): boolean {
  return field === undefined || typeof field === type;
}
