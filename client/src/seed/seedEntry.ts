// One contact of a seed set as the planner, the sender and the journal see it: what the engine read
// from its file, plus the file it came from and the key that names it across runs.
import type { SeedContactRead } from '../../../server/src/service/seedContact';

export interface SeedEntry extends SeedContactRead {
  /** Where it came from: an absolute path (CLI) or a file URI (editor); shown relative by each. */
  readonly file: string;
  /** `file#index`: the same contact in the same place on every run, whatever its content. */
  readonly key: string;
}

export function seedEntry(file: string, read: SeedContactRead): SeedEntry {
  return { ...read, file, key: seedKey(file, read.index) };
}

/** The journal's name for the contact at `index` of `file`; plan rows make it when they write to the journal instead of each keeping one. */
export function seedKey(file: string, index: number): string {
  return `${file}#${index}`;
}
