// Which documents are the extension's: JSON files named *.contact.json (one contact, sent by the
// single-file commands) or *.contacts.json (a batch file, sent as part of a seed set), saved or untitled.
import * as vscode from 'vscode';
import { BATCH_FILE_PATTERN, CONTACT_FILE_PATTERN } from '../send/contactText';

/** File and untitled documents alike: the pattern is matched against the path whatever the scheme. */
export const DOCUMENT_SELECTOR = [{ language: 'json', pattern: CONTACT_FILE_PATTERN }];

export const BATCH_DOCUMENT_SELECTOR = [{ language: 'json', pattern: BATCH_FILE_PATTERN }];

/** A single contact file: what Create Contact and Update Contact send. */
export function isContactDocument(document: vscode.TextDocument): boolean {
  return vscode.languages.match(DOCUMENT_SELECTOR, document) > 0;
}

/** A single contact file or a batch file: either wakes the extension and its language server. */
export function isSeedDocument(document: vscode.TextDocument): boolean {
  return isContactDocument(document) || vscode.languages.match(BATCH_DOCUMENT_SELECTOR, document) > 0;
}

/**
 * Runs `run` now if a contact or batch file is open, else once the first one opens. The returned
 * listener (if any) stops waiting when disposed.
 */
export function whenSeedDocumentOpen(run: () => void): vscode.Disposable | undefined {
  if (vscode.workspace.textDocuments.some(isSeedDocument)) {
    run();
    return undefined;
  }
  const listener = vscode.workspace.onDidOpenTextDocument((document) => {
    if (!isSeedDocument(document)) return;
    listener.dispose();
    run();
  });
  return listener;
}
