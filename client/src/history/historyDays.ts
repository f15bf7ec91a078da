// The request history as the History view lists it: days, newest first, and each day's requests,
// newest first, with what a row says. No vscode import, so tests read it directly.
import type { HistoryEntry } from './historyEntry';

export interface HistoryDay {
  /** "Today", "Yesterday", or the date (2026-11-30), in local time. */
  readonly label: string;
  readonly entries: readonly HistoryEntry[];
}

export function historyDays(entries: readonly HistoryEntry[], now: Date): HistoryDay[] {
  const today = localDay(now);
  const yesterday = localDay(new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1));
  const days = new Map<string, HistoryEntry[]>();
  for (let index = entries.length - 1; index >= 0; index--) {
    const entry = entries[index];
    const day = localDay(new Date(entry.at));
    const list = days.get(day);
    if (list === undefined) days.set(day, [entry]);
    else list.push(entry);
  }
  return [...days].map(([day, list]) => ({ label: day === today ? 'Today' : day === yesterday ? 'Yesterday' : day, entries: list }));
}

/** "POST batch/upsert": the path's last two parts, which tell the requests of a day apart in a narrow side bar (the tooltip has the URL). */
export function entryLabel(entry: HistoryEntry): string {
  const parts = new URL(entry.url).pathname.split('/').filter(Boolean);
  return `${entry.method} ${parts.slice(-2).join('/')}`;
}

/** "201 · 12:03:41 · 143 ms" */
export function entryDescription(entry: HistoryEntry): string {
  const time = new Date(entry.at).toLocaleTimeString('en-GB', { hour12: false });
  return `${entry.answer} · ${time} · ${entry.durationMs} ms`;
}

export function entryIcon(entry: HistoryEntry): 'pass' | 'warning' | 'error' {
  if (entry.status !== undefined && entry.status < 400) return 'pass';
  return entry.status === 429 ? 'warning' : 'error';
}

function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
