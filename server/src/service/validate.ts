// Diagnostics for one document: syntax, structure (ajv), the catalog's rules and HubSpot's value rules,
// capped per document. Pure: (document, parsed payload, catalog, settings) in, LSP diagnostics out.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { isReadOnly, type PropertyCatalog } from './catalog';
import { DIAGNOSTIC_SOURCE, DiagnosticCode } from './diagnosticCodes';
import type { Finding, Severity } from './finding';
import { MAX_NESTING, type Member, type ParsedPayload, type PayloadEntry } from './payload';
import { checkStructure, describeKind } from './schemaCheck';
import type { ServerSettings } from './settings';
import { closestMatches } from './suggest';
import { checkValue } from './valueRules';

/** True when the document is too large to analyse; callers then skip parsing altogether. */
export function isTooLarge(text: string, settings: ServerSettings): boolean {
  return text.length > settings.maxDocumentSize;
}

export function validate(document: TextDocument, payload: ParsedPayload | undefined, catalog: PropertyCatalog, settings: ServerSettings): Diagnostic[] {
  const findings = payload ? findProblems(payload, catalog) : [tooLarge(document, settings)];
  return toDiagnostics(document, capped(findings, settings.maxDiagnostics));
}

export function findProblems(payload: ParsedPayload, catalog: PropertyCatalog): Finding[] {
  const findings: Finding[] = [];
  if (payload.text.trim() === '') {
    return [{ code: DiagnosticCode.InvalidJson, severity: 'error', span: { offset: 0, length: 0 }, message: 'The file is empty: a contact payload is {"properties": [{"property": "email", "value": "…"}]}.' }];
  }
  // jsonc-parser reports every closer it misses at the same place; one error there is enough.
  let lastSyntaxOffset = -1;
  for (const error of payload.syntaxErrors) {
    if (error.offset === lastSyntaxOffset) continue;
    lastSyntaxOffset = error.offset;
    findings.push({ code: DiagnosticCode.InvalidJson, severity: 'error', span: error, message: error.message });
  }
  if (payload.nestingCut) {
    findings.push({ code: DiagnosticCode.NestingTooDeep, severity: 'error', span: { offset: payload.nestingCut.offset, length: 1 }, message: `Nested more than ${MAX_NESTING} levels deep: a payload has no such nesting, and what lies deeper is not checked.` });
  }
  findings.push(...checkStructure(payload));
  findings.push(...duplicateKeys(payload.topMembers));
  const seen = new Map<string, PayloadEntry>();
  for (const entry of payload.entries) {
    findings.push(...duplicateKeys(entry.members));
    findings.push(...checkEntry(entry, seen, catalog, payload.text));
  }
  if (payload.properties?.value?.kind === 'array' && !seen.has('email')) {
    findings.push({ code: DiagnosticCode.MissingEmail, severity: 'information', span: payload.properties.keySpan, message: 'No "email": HubSpot deduplicates contacts by email, so every create from this file makes a new contact.' });
  }
  return findings;
}

function checkEntry(entry: PayloadEntry, seen: Map<string, PayloadEntry>, catalog: PropertyCatalog, text: string): Finding[] {
  const name = entry.name;
  const nameSpan = entry.property?.value;
  if (name === undefined || !nameSpan) return [];
  const findings: Finding[] = [];
  const first = seen.get(name);
  if (first) {
    findings.push({
      code: DiagnosticCode.DuplicateProperty, severity: 'warning', span: nameSpan,
      message: `"${name}" is set twice in this file; HubSpot keeps only one of the values.`,
      data: { fix: 'removeEntry', entryIndex: entry.index },
      related: { span: first.property!.value!, message: `"${name}" is first set here.` },
    });
  } else {
    seen.set(name, entry);
  }

  const definition = catalog.properties.get(name);
  if (!definition) {
    findings.push(unknownProperty(name, nameSpan, catalog));
  } else if (isReadOnly(definition)) {
    findings.push({
      code: DiagnosticCode.ReadOnlyProperty, severity: 'warning', span: nameSpan,
      message: `"${name}" (${definition.label}) is ${definition.calculated ? 'calculated by HubSpot' : 'read-only'}: HubSpot ignores or rejects values written to it.`,
      data: { fix: 'removeEntry', entryIndex: entry.index },
    });
  }

  const value = entry.value?.value;
  if (!value) return findings;
  if (value.kind === 'null') {
    findings.push({ code: DiagnosticCode.NullValue, severity: 'warning', span: value, message: 'null is not a property value: HubSpot expects a string; use "" to clear the property.', data: { fix: 'quote', text: '' } });
    return findings;
  }
  if (value.kind === 'number' || value.kind === 'boolean') {
    // The value exactly as written (`1.50` stays `1.50`): that is what the user meant to send.
    const written = text.slice(value.offset, value.offset + value.length);
    findings.push({ code: DiagnosticCode.NonStringValue, severity: 'warning', span: value, message: `${capitalise(describeKind(value.kind))} where HubSpot expects a string: send "${written}".`, data: { fix: 'quote', text: written } });
    if (definition) pushIf(findings, checkValue(definition, written, value));
    return findings;
  }
  if (value.kind === 'string' && definition) pushIf(findings, checkValue(definition, value.value as string, value));
  return findings;
}

function unknownProperty(name: string, span: Finding['span'], catalog: PropertyCatalog): Finding {
  if (name.trim() === '') {
    return { code: DiagnosticCode.UnknownProperty, severity: 'error', span, message: 'The property name is empty: HubSpot answers PROPERTY_DOESNT_EXIST.' };
  }
  const candidates = [...catalog.properties.values()].map((d) => ({ value: d.name, alias: d.label }));
  const suggestions = closestMatches(name, candidates);
  const portal = catalog.source.kind === 'portal';
  const meaning = portal ? 'this portal has no such property: HubSpot answers PROPERTY_DOESNT_EXIST.' : 'not one of HubSpot\'s default properties (fine if it is a custom property of your portal).';
  return {
    code: DiagnosticCode.UnknownProperty, severity: portal ? 'error' : 'warning', span,
    message: `Unknown property "${name}": ${meaning}${suggestions.length ? ` Did you mean ${suggestions.map((s) => `"${s}"`).join(' or ')}?` : ''}`,
    ...(suggestions.length ? { data: { fix: 'replace', replacements: suggestions } } : {}),
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function duplicateKeys(members: readonly Member[]): Finding[] {
  const findings: Finding[] = [];
  if (members.length < 2) return findings;
  // Entries have two or three keys: comparing pairs beats building a Map for each of 100 000 entries.
  const firstByKey = members.length > 8 ? new Map<string, Member>() : undefined;
  for (let index = 0; index < members.length; index++) {
    const member = members[index];
    const first = firstByKey ? firstByKey.get(member.key) : earlierWithKey(members, index);
    if (!first) { firstByKey?.set(member.key, member); continue; }
    findings.push({
      code: DiagnosticCode.DuplicateKey, severity: 'warning', span: member.keySpan,
      message: `Key "${member.key}" appears twice in this object; only the last one counts.`,
      related: { span: first.keySpan, message: `"${member.key}" first appears here.` },
    });
  }
  return findings;
}

function earlierWithKey(members: readonly Member[], index: number): Member | undefined {
  for (let i = 0; i < index; i++) if (members[i].key === members[index].key) return members[i];
  return undefined;
}

function tooLarge(document: TextDocument, settings: ServerSettings): Finding {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return {
    code: DiagnosticCode.DocumentTooLarge, severity: 'information', span: { offset: 0, length: 0 },
    message: `This file is ${mb(document.getText().length)}, over the ${mb(settings.maxDocumentSize)} limit (setting contactPayloads.maxDocumentSize): it is not validated.`,
  };
}

/** Keeps the most severe findings first when there are too many, then adds one summary. */
function capped(findings: Finding[], max: number): Finding[] {
  findings.sort((a, b) => a.span.offset - b.span.offset);
  if (findings.length <= max) return findings;
  // Errors first, then warnings, then information, each in document order: one pass per severity
  // over the sorted findings (a 100 000-entry file can have that many), no second sort of them all.
  const kept: Finding[] = [];
  for (const severity of SEVERITY_ORDER) {
    for (const finding of findings) {
      if (kept.length === max) break;
      if (finding.severity === severity) kept.push(finding);
    }
  }
  kept.sort((a, b) => a.span.offset - b.span.offset);
  kept.push({
    code: DiagnosticCode.TooManyDiagnostics, severity: 'information', span: { offset: 0, length: 0 },
    message: `${findings.length} problems in this file; showing the first ${max} (setting contactPayloads.maxDiagnostics).`,
  });
  return kept;
}

const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'information'];

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
};

export function toDiagnostics(document: TextDocument, findings: readonly Finding[]): Diagnostic[] {
  const range = (span: Finding['span']) => ({ start: document.positionAt(span.offset), end: document.positionAt(span.offset + span.length) });
  return findings.map((f) => ({
    range: range(f.span),
    severity: SEVERITY[f.severity],
    code: f.code,
    source: DIAGNOSTIC_SOURCE,
    message: f.message,
    ...(f.data ? { data: f.data } : {}),
    ...(f.related ? { relatedInformation: [{ location: { uri: document.uri, range: range(f.related.span) }, message: f.related.message }] } : {}),
  }));
}

function pushIf(findings: Finding[], finding: Finding | undefined): void {
  if (finding) findings.push(finding);
}
