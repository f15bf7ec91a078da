// The seed set every side of `npm run bench:seed` sends: batch files in the CRM objects batch body form
// (`{"inputs":[{"properties":{…}}]}`), 1 000 contacts a file, unique emails, in a temporary folder.
// The sides read the same files, so none of them is timed generating its data.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { COMPANIES, FIRST_NAMES, LAST_NAMES } from '../payloadValues';

export const CONTACTS_PER_FILE = 1_000;
const SEED_FILE_SUFFIX = '.contacts.json';

export interface SeedProperties {
  readonly email: string;
  readonly firstname: string;
  readonly lastname: string;
  readonly company: string;
}

export interface SeedFolder {
  readonly folder: string;
  readonly contacts: number;
  readonly files: number;
  readonly bytes: number;
  /** Deletes the folder and its files. */
  remove(): void;
}

/** The contact at `index` (0-based): its email is unique in the set and names its position (`seed00001@example.com`). */
export function seedContact(index: number): SeedProperties {
  const pick = (values: readonly string[], stride: number) => values[(index * stride) % values.length] ?? '';
  return {
    email: `seed${String(index + 1).padStart(5, '0')}@example.com`,
    firstname: pick(FIRST_NAMES, 1),
    lastname: pick(LAST_NAMES, 7),
    company: pick(COMPANIES, 3),
  };
}

export function writeSeedFiles(contacts: number): SeedFolder {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'contact-payloads-seed-bench-'));
  let bytes = 0;
  const files = Math.ceil(contacts / CONTACTS_PER_FILE);
  for (let file = 0; file < files; file++) {
    const first = file * CONTACTS_PER_FILE;
    const inputs = Array.from({ length: Math.min(CONTACTS_PER_FILE, contacts - first) }, (_, offset) => ({ properties: seedContact(first + offset) }));
    const text = `${JSON.stringify({ inputs }, null, 2)}\n`;
    writeFileSync(path.join(folder, `batch${String(file + 1).padStart(3, '0')}${SEED_FILE_SUFFIX}`), text);
    bytes += Buffer.byteLength(text);
  }
  return { folder, contacts, files, bytes, remove: () => rmSync(folder, { recursive: true, force: true }) };
}

/** The contacts of a seed folder in file order, as the peer and the per-contact baseline read them. */
export function readSeedFiles(folder: string): SeedProperties[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith(SEED_FILE_SUFFIX))
    .sort()
    .flatMap((name) => (JSON.parse(readFileSync(path.join(folder, name), 'utf8')) as { inputs: { properties: SeedProperties }[] }).inputs.map((input) => input.properties));
}
