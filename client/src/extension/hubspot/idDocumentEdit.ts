// "Save id to file": adds or updates the contact's id at the top level, under the key of the file's
// shape (`"vid": 61574` in a v1 file, `"id": "61574"` in a CRM objects file), as one normal, undoable
// edit. The file is only edited, never sent.
import * as vscode from 'vscode';
import { idEdits } from '../../send/idEdit';
import { readPayload, type PayloadShapeName } from '../../send/payloadBody';

/**
 * The key is the one the file's shape reads now; `shape`, the shape the file had when it was sent,
 * decides when the file can no longer be read (a syntax error typed since), and without it nothing is written.
 */
export async function writeIdIntoDocument(uri: vscode.Uri, id: number, shape?: PayloadShapeName): Promise<boolean> {
  const document = await vscode.workspace.openTextDocument(uri);
  const text = document.getText();
  const read = readPayload(text);
  let keyShape: PayloadShapeName;
  if (read.ok) keyShape = read.shape;
  else if (shape !== undefined) keyShape = shape;
  else {
    void vscode.window.showErrorMessage(vscode.l10n.t('The id {0} was not saved: {1}', id, read.message));
    return false;
  }
  const editorOptions = vscode.window.visibleTextEditors.find((e) => e.document === document)?.options;
  const edits = idEdits(text, keyShape, id, {
    insertSpaces: editorOptions?.insertSpaces !== false,
    tabSize: typeof editorOptions?.tabSize === 'number' ? editorOptions.tabSize : 2,
    eol: document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n',
  });
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) edit.replace(uri, new vscode.Range(document.positionAt(e.offset), document.positionAt(e.offset + e.length)), e.content);
  return vscode.workspace.applyEdit(edit);
}
