// "Save ids into files" after a seed run: the id HubSpot gave each created or updated contact,
// written into its file under its shape's key (seedIds.ts), as one normal, undoable edit per file.
// A file that had no unsaved changes is saved afterwards; one that had is left for its owner to save,
// so nothing typed in the editor is written to disk behind their back.
import * as vscode from 'vscode';
import { idsToSave, seedIdEdits } from '../../seed/seedIds';
import type { SeedReport } from '../../seed/seedOutcome';
import type { SeedSource } from '../../seed/seedSource';

export interface SavedIds {
  readonly ids: number;
  readonly files: number;
  /** Files whose ids could not be written, each with why. */
  readonly problems: readonly string[];
}

/** `source` reads a file as the run did (the language server's reading of the text the editor has). */
export async function saveSeedIds(report: SeedReport, source: SeedSource): Promise<SavedIds> {
  let ids = 0;
  let files = 0;
  const problems: string[] = [];
  for (const [file, toSave] of idsToSave(report)) {
    const uri = vscode.Uri.parse(file);
    const document = await vscode.workspace.openTextDocument(uri);
    const wasDirty = document.isDirty;
    const { version } = document;
    const [read] = await source.read([file]);
    if (!read?.ok) {
      problems.push(`${vscode.workspace.asRelativePath(uri)}: ${read?.problem ?? 'not read'}`);
      continue;
    }
    // The offsets are those of the text the server read: an edit typed meanwhile would misplace them.
    if (document.version !== version) {
      problems.push(`${vscode.workspace.asRelativePath(uri)}: it changed while the ids were being saved`);
      continue;
    }
    const edits = seedIdEdits(document.getText(), read.read, toSave);
    if (edits.length === 0) continue;
    const edit = new vscode.WorkspaceEdit();
    for (const e of edits) edit.replace(uri, new vscode.Range(document.positionAt(e.offset), document.positionAt(e.offset + e.length)), e.content);
    if (!(await vscode.workspace.applyEdit(edit))) {
      problems.push(`${vscode.workspace.asRelativePath(uri)}: VS Code did not apply the edit`);
      continue;
    }
    if (!wasDirty) await document.save();
    // A contact whose file already holds an id gets no edit.
    ids += toSave.filter(({ index }) => read.read.contacts[index]?.id === undefined).length;
    files++;
  }
  return { ids, files, problems };
}
