// What a journal's records say about each contact, folded in the order they were written. A record
// belongs to the run record before it, and only runs of the account being written to count: a
// journal copied to another machine or pointed at another portal must not lend that portal its ids.
import type { JournalAccount, JournalRecord, JournalState, OutcomeRecord } from './journalRecord';

export interface JournalFold {
  add(record: JournalRecord): void;
  readonly state: JournalState;
}

export function foldJournal(account: JournalAccount): JournalFold {
  const ids = new Map<string, string>();
  const sentAt = new Map<string, string>();
  const outcomes = new Map<string, OutcomeRecord>();
  // Records before any run record belong to no account.
  let inAccountRun = false;
  return {
    add(record) {
      if (record.type === 'run') {
        inAccountRun = record.origin === account.origin && record.portalId === account.portalId;
        return;
      }
      if (!inAccountRun) return;
      if (record.type === 'sending') {
        for (const key of record.keys) sentAt.set(key, record.at);
        return;
      }
      const { key } = record;
      outcomes.set(key, record);
      if (record.outcome === 'uncertain') {
        // Still unsettled: since the create went out, or since now when no sending was recorded.
        if (!sentAt.has(key)) sentAt.set(key, record.at);
        return;
      }
      sentAt.delete(key);
      if (record.id !== undefined && record.outcome !== 'failed') ids.set(key, record.id);
    },
    state: {
      idOf: (key) => ids.get(key),
      uncertainSince: (key) => sentAt.get(key),
      lastOutcome: (key) => outcomes.get(key),
    },
  };
}
