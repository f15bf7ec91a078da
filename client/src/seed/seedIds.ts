// Writes the ids HubSpot gave a seed set's contacts back into their files (`--save-ids`, and the
// plan view's checkbox), as normal edits that change nothing else: a single contact file as "Save
// id to file" does (send/idEdit.ts), a batch file by adding the key as the first member of each
// contact that has none, with the whitespace the contact already uses after its `{`.
import type { Edit } from 'jsonc-parser';
import type { SeedFileRead } from '../../../server/src/service/seedContact';
import { formattingOf, idEdits } from '../send/idEdit';
import { SAVED_ID_KEYS, writtenId } from '../send/savedId';
import type { SeedReport } from './seedOutcome';

export interface IdToSave {
  readonly index: number;
  readonly id: string;
}

/** The ids a run's report gives to save, by file: each contact HubSpot created or updated, with its id. */
export function idsToSave(report: SeedReport): Map<string, IdToSave[]> {
  const byFile = new Map<string, IdToSave[]>();
  for (const result of report.results) {
    if ((result.outcome !== 'created' && result.outcome !== 'updated') || result.id === undefined) continue;
    const ids = byFile.get(result.file) ?? [];
    ids.push({ index: result.index, id: result.id });
    byFile.set(result.file, ids);
  }
  return byFile;
}

/** The edits that save these ids; a contact that already has an id, or an id that is no number, is left alone. */
export function seedIdEdits(text: string, read: SeedFileRead, ids: readonly IdToSave[]): Edit[] {
  const edits: Edit[] = [];
  for (const { index, id } of ids) {
    const contact = read.contacts[index];
    const number = /^[1-9]\d*$/.test(id) ? Number(id) : Number.NaN;
    if (!contact || contact.id !== undefined || !Number.isSafeInteger(number)) continue;
    if (read.kind === 'single') return idEdits(text, contact.shape, number, formattingOf(text));
    const after = contact.offset + 1;
    const whitespace = /^\s*/.exec(text.slice(after, after + 256))?.[0] ?? '';
    edits.push({ offset: after, length: 0, content: `${whitespace}"${SAVED_ID_KEYS[contact.shape]}": ${JSON.stringify(writtenId(contact.shape, number))},` });
  }
  return edits;
}

