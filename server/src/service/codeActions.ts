// Quick fixes. They never validate again: each diagnostic's `code` says what is wrong and its `data`
// (see DiagnosticData) says how to fix it; the diagnostic's range is what a replacement replaces.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, TextEdit, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver-types';
import type { PropertyCatalog } from './catalog';
import { convertActions } from './convertActions';
import { DIAGNOSTIC_SOURCE, DiagnosticCode, type DiagnosticData } from './diagnosticCodes';
import { contactAt, isBatch, type ParsedDocument, type ParsedPayload, type Span } from './payloadModel';
import { offsetAt, rangeOf, spanEnd, spanOf, wholeRange } from './ranges';
import { shapeOf } from './shapes';

/** At most this many replacements of one diagnostic are offered. */
export const MAX_REPLACEMENTS = 5;

/** `only`: the request's `context.only`, as the client sent it. */
/** In a batch file, each diagnostic's fix acts in the contact it is in; a batch is not converted (convert.ts reads one contact). */
export function codeActions(document: TextDocument, parsed: ParsedDocument, range: Range, diagnostics: readonly Diagnostic[], catalog: PropertyCatalog, only?: unknown): CodeAction[] {
  const actions: CodeAction[] = [];
  const requested = spanOf(document, range);
  for (const diagnostic of diagnostics) {
    const data = diagnostic.source === DIAGNOSTIC_SOURCE ? asDiagnosticData(diagnostic.data) : undefined;
    // Clients send the diagnostics that overlap the range; a client that sends all of them gets the same answer.
    if (!data || !overlaps(spanOf(document, diagnostic.range), requested)) continue;
    const payload = contactAt(parsed, offsetAt(document, diagnostic.range.start));
    if (!payload) continue;
    switch (data.fix) {
      case 'replace':
        actions.push(...replaceActions(document, payload, diagnostic, data.replacements, catalog));
        break;
      case 'quote':
        actions.push(quoteAction(document, diagnostic, data.text));
        break;
      case 'removeEntry': {
        const action = removeEntryAction(document, payload, diagnostic, data.entryIndex);
        if (action) actions.push(action);
        break;
      }
    }
  }
  if (!isBatch(parsed)) actions.push(...convertActions(document, catalog, only));
  return actions;
}

function replaceActions(document: TextDocument, payload: ParsedPayload, diagnostic: Diagnostic, replacements: readonly string[], catalog: PropertyCatalog): CodeAction[] {
  return replacements.slice(0, MAX_REPLACEMENTS).map((replacement, index) => ({
    title: replaceTitle(document, payload, diagnostic, replacement, catalog),
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    // Replacements come best first.
    isPreferred: index === 0,
    edit: { changes: { [document.uri]: [TextEdit.replace(wholeRange(diagnostic.range), JSON.stringify(replacement))] } },
  }));
}

function replaceTitle(document: TextDocument, payload: ParsedPayload, diagnostic: Diagnostic, replacement: string, catalog: PropertyCatalog): string {
  if (diagnostic.code === DiagnosticCode.UnknownProperty) return `Did you mean '${replacement}'?`;
  if (diagnostic.code === DiagnosticCode.InvalidOption) {
    const label = optionLabel(payload, offsetAt(document, diagnostic.range.start), replacement, catalog);
    if (label !== undefined && label !== replacement) return `Use the option value '${replacement}' (label '${label}')`;
  }
  return `Change to '${replacement}'`;
}

/** The label of the option `value` of the property whose assignment holds `offset`, if there is one. */
function optionLabel(payload: ParsedPayload, offset: number, value: string, catalog: PropertyCatalog): string | undefined {
  const name = shapeOf(payload).assignmentAt(payload, offset)?.name;
  const definition = name === undefined ? undefined : catalog.properties.get(name);
  return definition?.options?.find((option) => option.value === value)?.label;
}

function quoteAction(document: TextDocument, diagnostic: Diagnostic, text: string): CodeAction {
  return {
    title: diagnostic.code === DiagnosticCode.NullValue ? 'Replace null with an empty string' : 'Quote the value as a string',
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: true,
    edit: { changes: { [document.uri]: [TextEdit.replace(wholeRange(diagnostic.range), JSON.stringify(text))] } },
  };
}

function removeEntryAction(document: TextDocument, payload: ParsedPayload, diagnostic: Diagnostic, entryIndex: number): CodeAction | undefined {
  const shape = shapeOf(payload);
  const assignments = shape.assignments(payload);
  const entry = entryIndex < assignments.length ? assignments[entryIndex] : undefined;
  // A diagnostic from an older version of the text may name an entry that has moved: then do nothing.
  if (!entry || shape.assignmentAt(payload, offsetAt(document, diagnostic.range.start)) !== entry) return undefined;
  const name = entry.name !== undefined && entry.name !== '' ? `'${entry.name}'` : `number ${entry.index + 1}`;
  const title = diagnostic.code === DiagnosticCode.DuplicateProperty ? `Remove duplicate entry ${name}`
    : diagnostic.code === DiagnosticCode.ReadOnlyProperty ? `Remove read-only property ${name}`
    : `Remove entry ${name}`;
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: true,
    edit: { changes: { [document.uri]: [TextEdit.del(rangeOf(document, shape.removalSpan(payload, entry)))] } },
  };
}

/** Reads untrusted `data` (it went to the client and back) into a DiagnosticData, or undefined when it is not one. */
function asDiagnosticData(data: unknown): DiagnosticData | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const fields = data as Record<string, unknown>;
  switch (fields.fix) {
    case 'replace': {
      const { replacements } = fields;
      return Array.isArray(replacements) && replacements.every((r) => typeof r === 'string') ? { fix: 'replace', replacements } : undefined;
    }
    case 'quote':
      return typeof fields.text === 'string' ? { fix: 'quote', text: fields.text } : undefined;
    case 'removeEntry':
      return typeof fields.entryIndex === 'number' && Number.isInteger(fields.entryIndex) && fields.entryIndex >= 0 ? { fix: 'removeEntry', entryIndex: fields.entryIndex } : undefined;
    default:
      return undefined;
  }
}

function overlaps(a: Span, b: Span): boolean {
  return a.offset <= spanEnd(b) && b.offset <= spanEnd(a);
}
