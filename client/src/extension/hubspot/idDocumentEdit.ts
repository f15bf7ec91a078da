// "Save vid to file": adds or updates the top-level `vid` as one normal, undoable edit.
import * as vscode from 'vscode';
import { vidEdits } from '../../send/vidEdit';

export async function writeVidIntoDocument(uri: vscode.Uri, vid: number): Promise<boolean> {
  const document = await vscode.workspace.openTextDocument(uri);
  const editorOptions = vscode.window.visibleTextEditors.find((e) => e.document === document)?.options;
  const edits = vidEdits(document.getText(), vid, {
    insertSpaces: editorOptions?.insertSpaces !== false,
    tabSize: typeof editorOptions?.tabSize === 'number' ? editorOptions.tabSize : 2,
    eol: document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n',
  });
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) edit.replace(uri, new vscode.Range(document.positionAt(e.offset), document.positionAt(e.offset + e.length)), e.content);
  return vscode.workspace.applyEdit(edit);
}
