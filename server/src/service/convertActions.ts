// "Convert to CRM objects format" / "Convert to v1 format": a refactoring that rewrites the whole
// document in the other shape (convert.ts). What the conversion drops or changes is counted in the
// title, which is all VS Code shows of a code action before it is applied, so the user sees the
// loss before choosing it ("Convert to v1 format (drops 2 associations)"). Each note's full
// sentence travels in the action's `data.notes`, for a client that wants to show them.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, Range, TextEdit, type CodeAction } from 'vscode-languageserver-types';
import type { PropertyCatalog } from './catalog';
import { convertPayload, FORMAT_NAMES, type ConversionNote, type NoteSubject } from './convert';

/** What a note's subject does to the payload, and its noun (one, many), for the title's summary. */
const SUMMARY: Readonly<Record<NoteSubject, readonly [verb: Verb, one: string, many: string]>> = {
  timestamp: ['drops', 'timestamp', 'timestamps'],
  association: ['drops', 'association', 'associations'],
  duplicate: ['drops', 'duplicate value', 'duplicate values'],
  entry: ['drops', 'unusable entry', 'unusable entries'],
  entryKey: ['drops', 'unknown entry key', 'unknown entry keys'],
  topLevelKey: ['drops', 'top-level key', 'top-level keys'],
  schema: ['changes', 'schema reference', 'schema references'],
  date: ['changes', 'date', 'dates'],
  unconvertedDate: ['leaves', 'date v1 cannot take', 'dates v1 cannot take'],
  contactId: ['leaves', 'unusable contact id', 'unusable contact ids'],
};
type Verb = 'drops' | 'changes' | 'leaves';
const VERBS: readonly Verb[] = ['drops', 'changes', 'leaves'];

/** The data of a conversion action: each note as the sentence the command line prints. */
export interface ConvertActionData {
  readonly notes: readonly string[];
}

/**
 * The conversion of the document, when `only` (the request's `context.only`, as the client sent it)
 * allows a `refactor.rewrite` and the document converts. The last answer is kept: editors ask for
 * code actions at every move of the cursor, and a large file's text is then the same string.
 */
export function convertActions(document: TextDocument, catalog: PropertyCatalog | undefined, only: unknown): CodeAction[] {
  if (!allowsRewrite(only)) return [];
  const text = document.getText();
  if (last?.text !== text || last.catalog !== catalog) last = { text, catalog, converted: convertPayload(text, 'other', catalog) };
  const { converted } = last;
  if (!converted.ok) return [];
  const data: ConvertActionData = { notes: converted.notes.map((note) => note.message) };
  const whole = Range.create(document.positionAt(0), document.positionAt(text.length));
  return [{
    title: `Convert to ${FORMAT_NAMES[converted.to]}${summary(converted.notes)}`,
    kind: CodeActionKind.RefactorRewrite,
    edit: { changes: { [document.uri]: [TextEdit.replace(whole, converted.text)] } },
    data,
  }];
}

let last: { readonly text: string; readonly catalog: PropertyCatalog | undefined; readonly converted: ReturnType<typeof convertPayload> } | undefined;

/** " (drops 2 timestamps and 1 association; changes 1 date)", or nothing when nothing is lost or changed. */
function summary(notes: readonly ConversionNote[]): string {
  const counts = new Map<NoteSubject, number>();
  for (const note of notes) counts.set(note.subject, (counts.get(note.subject) ?? 0) + note.count);
  const clauses = VERBS.flatMap((verb) => {
    const parts = [...counts].filter(([subject]) => SUMMARY[subject][0] === verb).map(([subject, count]) => `${count} ${count === 1 ? SUMMARY[subject][1] : SUMMARY[subject][2]}`);
    return parts.length === 0 ? [] : [`${verb} ${listed(parts)}`];
  });
  return clauses.length === 0 ? '' : ` (${clauses.join('; ')})`;
}

function listed(parts: readonly string[]): string {
  return parts.length < 2 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1] ?? ''}`;
}

/** LSP kinds are hierarchical: `refactor` and the empty kind allow `refactor.rewrite`; no `only` allows all. */
function allowsRewrite(only: unknown): boolean {
  if (only === undefined || only === null) return true;
  if (!Array.isArray(only)) return false;
  const rewrite: string = CodeActionKind.RefactorRewrite;
  return only.some((kind) => typeof kind === 'string' && (kind === '' || rewrite === kind || rewrite.startsWith(`${kind}.`)));
}
