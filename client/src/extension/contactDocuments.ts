// Which documents are the extension's: JSON files named *.contact.json, saved or untitled.
import * as vscode from 'vscode';
import { CONTACT_FILE_PATTERN } from '../send/contactText';

/** File and untitled documents alike: the pattern is matched against the path whatever the scheme. */
export const DOCUMENT_SELECTOR = [{ language: 'json', pattern: CONTACT_FILE_PATTERN }];

export function isContactDocument(document: vscode.TextDocument): boolean {
  return vscode.languages.match(DOCUMENT_SELECTOR, document) > 0;
}
