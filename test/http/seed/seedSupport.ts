// What the seed runner's tests share: contacts built as the engine reads them (no files needed), a
// source over them that a test can edit between plan and send, and a run against a sandbox with a
// journal in a temporary folder.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SeedContactRead } from '../../../server/src/service/seedContact';
import { createHubSpotClient, type HubSpotClient } from '../../../client/src/hubspot/hubspotClient';
import { openJournal, type Journal } from '../../../client/src/seed/journal';
import { readSeedAccount, type SeedAccount } from '../../../client/src/seed/seedAccount';
import { createSeedRun, type SeedRun } from '../../../client/src/seed/seedRun';
import type { SeedSource } from '../../../client/src/seed/seedSource';
import type { Sandbox } from '../../sandbox/sandbox';

export function contactRead(index: number, properties: Readonly<Record<string, string>>, fields: { readonly id?: string } = {}): SeedContactRead {
  const email = properties.email?.trim() || undefined;
  return {
    index, line: index + 1, character: 2, offset: 0, shape: 'objects',
    properties: Object.entries(properties).map(([property, value]) => ({ property, value })),
    email, id: fields.id, associations: undefined, errorCount: 0, errors: [],
  };
}

/** `count` contacts with emails seedNNNNN@example.com from `first`, split into files of `perFile`. */
export function generatedFiles(count: number, perFile: number, first = 0): Map<string, SeedContactRead[]> {
  const files = new Map<string, SeedContactRead[]>();
  for (let n = first; n < first + count; n++) {
    const file = `/seed/file${Math.floor((n - first) / perFile)}.contacts.json`;
    const contacts = files.get(file) ?? [];
    contacts.push(contactRead(contacts.length, { email: `seed${String(n).padStart(5, '0')}@example.com`, firstname: `First${n}`, lastname: 'Seed' }));
    files.set(file, contacts);
  }
  return files;
}

export interface MemorySource extends SeedSource {
  /** Replaces a file's contacts, as an edit on disk would. */
  set(file: string, contacts: readonly SeedContactRead[]): void;
}

export function memorySource(files: ReadonlyMap<string, readonly SeedContactRead[]>): MemorySource {
  const current = new Map(files);
  return {
    files: [...current.keys()],
    read: (group) => Promise.resolve(group.map((file) => ({ file, ok: true as const, read: { kind: 'batch' as const, contacts: current.get(file) ?? [], fileErrors: [] } }))),
    set: (file, contacts) => void current.set(file, contacts),
  };
}

export interface SeedBed {
  readonly client: HubSpotClient;
  readonly account: SeedAccount;
  readonly journalPath: string;
  /** A run with a journal freshly opened on the bed's journal file (as a re-run of the command would). */
  run(options?: { readonly signal?: AbortSignal; readonly maxRetries?: number }): { readonly run: SeedRun; readonly journal: Journal };
  close(): Promise<void>;
}

export async function startSeedBed(sandbox: Sandbox): Promise<SeedBed> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'seed-run-'));
  const journalPath = path.join(folder, 'journal.jsonl');
  const client = createHubSpotClient({ baseUrl: sandbox.url, token: sandbox.token, timeouts: { totalMs: 10_000 } });
  const account = await readSeedAccount(client, 'v3');
  const journals: Journal[] = [];
  return {
    client,
    account,
    journalPath,
    run(options = {}) {
      const journal = openJournal(journalPath, account);
      journals.push(journal);
      const run = createSeedRun({ client, account, journal, retry: { maxRetries: options.maxRetries ?? 6, baseDelayMs: 5, maxDelayMs: 50 }, signal: options.signal });
      return { run, journal };
    },
    async close() {
      for (const journal of journals) journal.close();
      await client.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** Emails held by more than one contact of the sandbox: a duplicate created by a re-send. */
export function duplicateEmails(sandbox: Sandbox): string[] {
  const seen = new Map<string, number>();
  for (const contact of sandbox.contacts.all()) {
    const email = contact.properties.get('email')?.value.toLowerCase();
    if (email) seen.set(email, (seen.get(email) ?? 0) + 1);
  }
  return [...seen].filter(([, count]) => count > 1).map(([email]) => email);
}
