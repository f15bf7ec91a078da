// The language server's diagnostics for a file's text: the same service modules, settings and catalog
// as the server's diagnostics handler (server/src/handlers/diagnostics.ts), so one rule set serves
// the editor and the command line.
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver-types';
import { bundledDefaultCatalog, contactEmails, DEFAULT_SETTINGS, documentKindOf, parseDocument, type ServerSettings, validate } from '../../../server/src/service';

export interface DiagnosedText {
  /** The text as the server would hold it, for positions and source lines. */
  readonly document: TextDocument;
  readonly diagnostics: readonly Diagnostic[];
  /** Each contact's email and where it is written, for what files share (checkCommand.ts). */
  readonly emails: readonly { readonly email: string; readonly range: Range }[];
}

/**
 * The server's settings, but no size limit: that limit keeps an editor responsive, while a check in
 * CI must never pass a file it did not read.
 */
export const CHECK_SETTINGS: ServerSettings = { ...DEFAULT_SETTINGS, maxDocumentSize: Number.POSITIVE_INFINITY };

export function diagnoseText(absolutePath: string, text: string): DiagnosedText {
  const document = TextDocument.create(pathToFileURL(absolutePath).href, 'json', 1, text);
  // The file's name decides whether it is one contact or a batch, as in the editor.
  const parsed = parseDocument(text, documentKindOf(absolutePath));
  const emails = contactEmails(parsed).map(({ email, span }) => ({ email, range: { start: document.positionAt(span.offset), end: document.positionAt(span.offset + span.length) } }));
  return { document, diagnostics: validate(document, parsed, bundledDefaultCatalog(), CHECK_SETTINGS), emails };
}

export type SeverityName = 'error' | 'warning' | 'information';

export function severityName(diagnostic: Diagnostic): SeverityName {
  switch (diagnostic.severity) {
    case DiagnosticSeverity.Warning:
      return 'warning';
    case DiagnosticSeverity.Information:
    case DiagnosticSeverity.Hint:
      return 'information';
    default:
      return 'error';
  }
}

/** LSP 3.18 allows markup in diagnostic messages; the engine's are plain strings. */
export function messageText(diagnostic: Diagnostic): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}
