// Diagnostics for one document: syntax, structure (ajv), the catalog's rules and HubSpot's value rules,
// capped per document. Pure: (document, parsed payload, catalog, settings) in, LSP diagnostics out.
// A 100 000-entry file can hold as many problems, and only the first few hundred are reported: the
// checks hand over each finding as a recipe with its severity and offset, and only the findings the
// report keeps are built (their messages, their "did you mean" suggestions).
// A check that throws costs the file only what that check would have said: it becomes a
// `check-failed` finding in its place, and the caller hears of the failure (the server logs it).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { isReadOnly, type PropertyCatalog, type PropertyDefinition } from './catalog';
import { DIAGNOSTIC_SOURCE, DiagnosticCode } from './diagnosticCodes';
import type { Finding, Severity } from './finding';
import { BATCH_EXAMPLE, checkBatchStructure } from './batchStructure';
import { contactEmail, contactEmailValue, duplicateEmailMessage, sameEmailKey, type WrittenEmail } from './contactEmail';
import { isBatch, MAX_NESTING, type JsonValue, type Member, type ParsedBatch, type ParsedDocument, type ParsedPayload, type PropertyAssignment, type Span } from './payloadModel';
import { describeKind } from './schemaCheck';
import { shapeOf, type PayloadShape } from './shapes';
import type { ServerSettings } from './serverSettings';
import { propertyNameIndex } from './suggest';
import { beginNameLookup, type NameLookup } from './nameLookup';
import { brokenValueRule, type DateDialect } from './valueRules';

/** True when the document is too large to analyse; callers then skip parsing altogether. */
export function isTooLarge(text: string, settings: ServerSettings): boolean {
  return text.length > settings.maxDocumentSize;
}

/** A check that threw: what it was checking, and what it threw. */
export interface CheckFailure {
  readonly check: string;
  readonly error: unknown;
}

/** Hears of each failure once per validation (the same check failing the same way on many entries is one failure). */
export type CheckFailureListener = (failure: CheckFailure) => void;

/**
 * `alsoFound`: findings from outside the document's own rules (what HubSpot answered when it was
 * sent); they share the cap with the rest.
 */
export function validate(document: TextDocument, payload: ParsedDocument | undefined, catalog: PropertyCatalog, settings: ServerSettings, alsoFound: readonly Finding[] = [], onFailure?: CheckFailureListener): Diagnostic[] {
  if (!payload) return toDiagnostics(document, [tooLarge(document, settings)]);
  const collected = new CollectedFindings(settings.maxDiagnostics, onFailure);
  for (const finding of alsoFound) collected.addBuilt(finding);
  collectProblems(payload, catalog, collected, settings.syntaxErrors);
  return toDiagnostics(document, collected.capped());
}

/** Every problem of the payload, uncapped, in the order the checks find them. */
export function findProblems(payload: ParsedDocument, catalog: PropertyCatalog, onFailure?: CheckFailureListener): Finding[] {
  const collected = new CollectedFindings(Infinity, onFailure);
  collectProblems(payload, catalog, collected, true);
  return collected.all();
}

/**
 * How many errors the payload has, uncapped, `alsoFound` among them: what "This file has N errors"
 * before a send counts. Syntax errors count whatever the settings say (such a file cannot be sent),
 * and the count is only counted: no finding is built.
 */
export function countErrors(payload: ParsedDocument, catalog: PropertyCatalog, alsoFound: readonly Finding[] = [], onFailure?: CheckFailureListener): number {
  const collected = new CollectedFindings(0, onFailure);
  for (const finding of alsoFound) collected.addBuilt(finding);
  collectProblems(payload, catalog, collected, true);
  return collected.arrived.error;
}

/**
 * A finding not built yet: a named function and the values it is built from, stored only when the
 * report may keep it. No closure per finding: on a large file most findings are counted and dropped.
 * A recipe reads its spans from the model's objects when it builds, not before: a batch contact's
 * findings may be built after an edit has moved the contact (HandedOver).
 */
type Recipe<A, B, C> = (a: A, b: B, c: C) => Finding;

interface Candidate {
  readonly severity: Severity;
  readonly offset: number;
  /** The order in which the checks found it, which breaks ties between findings at one offset. */
  readonly arrival: number;
  readonly recipe: Recipe<unknown, unknown, unknown>;
  readonly a: unknown;
  readonly b: unknown;
  readonly c: unknown;
}

/**
 * The findings a report shows: every error, and at most `max` warnings and information. Errors are
 * never capped: each is something to fix before the file can be sent, and a batch file of 10 000
 * contacts must show them all. Warnings come before information, each in document order, so per
 * severity only the `max` earliest can ever be shown: the rest are counted and dropped as they come,
 * never built and never kept (a 100 000-entry file would otherwise leave tens of megabytes behind per
 * keystroke). A `max` of 0 only counts (countErrors): nothing is kept.
 */
class CollectedFindings {
  private arrivals = 0;

  /** How many findings of each severity the checks handed over, kept or not. */
  readonly arrived: Record<Severity, number> = { error: 0, warning: 0, information: 0 };
  private readonly candidates: Record<Severity, Candidate[]> = { error: [], warning: [], information: [] };
  /** Per capped severity, once `max` are kept: the offset a later finding must be before to be kept. */
  private readonly cutoff: Record<Severity, number> = { error: Infinity, warning: Infinity, information: Infinity };

  /** The failures of this validation, so that each is passed on once. */
  private readonly failures = new Set<string>();

  constructor(private readonly max: number, private readonly onFailure: CheckFailureListener | undefined) {}

  /** While a contact is checked (recording): everything it hands over, kept or not. */
  private record: HandedOver[] | undefined;

  add<A, B, C>(severity: Severity, offset: number, recipe: Recipe<A, B, C>, a: A, b: B, c?: C): void {
    const arrival = this.arrivals++;
    this.arrived[severity]++;
    if (this.max === 0 && !this.record) return;
    if (this.record) {
      const handed = recorded(severity, offset, recipe as Recipe<unknown, unknown, unknown>, a, b, c);
      this.record.push(handed);
      this.keep(severity, offset, arrival, builtAgain as Recipe<unknown, unknown, unknown>, handed, 0, undefined);
    } else {
      this.keep(severity, offset, arrival, recipe as Recipe<unknown, unknown, unknown>, a, b, c);
    }
  }

  private keep(severity: Severity, offset: number, arrival: number, recipe: Recipe<unknown, unknown, unknown>, a: unknown, b: unknown, c: unknown): void {
    if (this.max === 0) return;
    // A later arrival at the cutoff offset sorts after the last one kept.
    if (offset >= this.cutoff[severity]) return;
    const candidates = this.candidates[severity];
    candidates.push({ severity, offset, arrival, recipe, a, b, c });
    if (severity !== 'error' && candidates.length >= 2 * this.max) this.keepEarliest(severity);
  }

  addBuilt(finding: Finding): void {
    this.add(finding.severity, finding.span.offset, itself, finding, undefined);
  }

  /** What `check` hands over, to hand over again (handOverAgain). */
  recording(check: () => void): readonly HandedOver[] {
    const record: HandedOver[] = [];
    this.record = record;
    try {
      check();
    } finally {
      this.record = undefined;
    }
    // Most contacts of a batch file hand over nothing: one shared empty list for them all.
    return record.length === 0 ? NOTHING_HANDED_OVER : record;
  }

  /** What a contact handed over when it was checked, in the order it came, the contact moved by `shift` since. */
  handOverAgain(handedOver: readonly HandedOver[], shift: number): void {
    for (let index = 0; index < handedOver.length; index++) {
      const handed = handedOver[index];
      this.add(handed.severity, handed.offset + shift, builtAgain, handed, shift);
    }
  }

  /** `check` threw before it could say what it found at `span`. */
  failed(check: string, span: Span, error: unknown): void {
    this.add('warning', span.offset, checkFailed, check, span, this.passOn(check, error));
  }

  all(): Finding[] {
    return SEVERITY_ORDER.flatMap((severity) => this.candidates[severity]).sort((a, b) => a.arrival - b.arrival).map((c) => this.build(c));
  }

  /** Every error and, past `max`, the first warnings then information, in document order; one summary says how many were left out. */
  capped(): Finding[] {
    const { max } = this;
    for (const severity of CAPPED_SEVERITIES) this.keepEarliest(severity);
    const others = CAPPED_SEVERITIES.flatMap((severity) => this.candidates[severity]);
    const arrivedOthers = this.arrived.warning + this.arrived.information;
    const kept = [...this.candidates.error, ...others.slice(0, max)];
    // Stable: at one offset, errors stay before warnings.
    const findings = kept.sort(arrivedOthers <= max ? inDocumentOrder : (a, b) => a.offset - b.offset).map((c) => this.build(c));
    if (arrivedOthers > max) {
      findings.push({
        code: DiagnosticCode.TooManyDiagnostics, severity: 'information', span: { offset: 0, length: 0 },
        message: `${arrivedOthers} warnings and notes in this file; showing the first ${max} (setting contactPayloads.maxDiagnostics) and every error (${this.arrived.error}).`,
      });
    }
    return findings;
  }

  /** The first `max` errors in document order, built. */
  firstErrors(max: number): Finding[] {
    return this.candidates.error.sort(inDocumentOrder).slice(0, max).map((c) => this.build(c));
  }

  /** The finding, or in its place what says that the check that found it failed while building it. */
  private build(candidate: Candidate): Finding {
    try {
      return candidate.recipe(candidate.a, candidate.b, candidate.c);
    } catch (error) {
      // The check found a problem of this severity here; only its message could not be built.
      const check = 'describing the problem found here';
      return { ...checkFailed(check, { offset: candidate.offset, length: 0 }, this.passOn(check, error)), severity: candidate.severity };
    }
  }

  /** Tells the listener of a failure it has not heard of yet; returns what a message shows of the error. */
  private passOn(check: string, error: unknown): string {
    const shown = error instanceof Error ? error.message : String(error);
    const key = `${check}\n${shown}`;
    if (!this.failures.has(key)) {
      this.failures.add(key);
      this.onFailure?.({ check, error });
    }
    return shown;
  }

  private keepEarliest(severity: Severity): void {
    const candidates = this.candidates[severity].sort(inDocumentOrder);
    if (candidates.length < this.max) return;
    candidates.length = this.max;
    this.cutoff[severity] = candidates[this.max - 1].offset;
  }
}

const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'information'];
/** What the cap applies to: every error is shown. */
const CAPPED_SEVERITIES: readonly Severity[] = ['warning', 'information'];

function inDocumentOrder(a: Candidate, b: Candidate): number {
  return a.offset - b.offset || a.arrival - b.arrival;
}

function itself(finding: Finding): Finding {
  return finding;
}

/**
 * A finding a batch contact handed over, to hand over again while the contact is unchanged: its recipe,
 * and once built the finding itself, detached (its spans numbers of its own), with how far the contact
 * had moved when it was built. Later hand-overs move that finding rather than build it again: 5 000
 * messages a keystroke in a batch file with 5 % of its values invalid.
 */
interface HandedOver {
  readonly severity: Severity;
  /** Where it was when the contact was checked. */
  readonly offset: number;
  readonly recipe: Recipe<unknown, unknown, unknown>;
  readonly a: unknown;
  readonly b: unknown;
  readonly c: unknown;
  built?: Finding;
  builtShift: number;
}

const NOTHING_HANDED_OVER: readonly HandedOver[] = [];

/**
 * Every recipe but two reads its spans when it builds, from the model's objects, which an update moves
 * in place; a finding already built (and a failed check's) holds spans that may be such objects or
 * copies, so it is detached at once.
 */
function recorded(severity: Severity, offset: number, recipe: Recipe<unknown, unknown, unknown>, a: unknown, b: unknown, c: unknown): HandedOver {
  const handed: HandedOver = { severity, offset, recipe, a, b, c, builtShift: 0 };
  if (recipe === itself) handed.built = movedBy(a as Finding, 0);
  else if (recipe === checkFailed) handed.built = movedBy(checkFailed(a as string, b as Span, c as string), 0);
  return handed;
}

/** The finding handed over, its contact moved by `shift` since it was checked: built the first time, moved (and kept so) when the contact moved. */
function builtAgain(handed: HandedOver, shift: number): Finding {
  if (!handed.built) handed.built = movedBy(handed.recipe(handed.a, handed.b, handed.c), 0);
  else if (shift !== handed.builtShift) handed.built = movedBy(handed.built, shift - handed.builtShift);
  handed.builtShift = shift;
  return handed.built;
}

/** A copy of the finding whose spans are numbers of its own, `shift` further on. */
function movedBy(finding: Finding, shift: number): Finding {
  const span = { offset: finding.span.offset + shift, length: finding.span.length };
  const { related } = finding;
  return { ...finding, span, ...(related ? { related: { ...related, span: { offset: related.span.offset + shift, length: related.span.length } } } : {}) };
}

/** `syntaxErrors`: false leaves them out before the cap, so that the cap is spent on what is shown. */
function collectProblems(document: ParsedDocument, catalog: PropertyCatalog, findings: CollectedFindings, syntaxErrors: boolean): void {
  if (!collectFileProblems(document, findings, syntaxErrors)) return;
  if (!isBatch(document)) {
    collectContactProblems(document, catalog, findings);
    return;
  }
  for (const contact of document.contacts) collectContactProblems(contact, catalog, findings);
  try {
    addDuplicateEmails(findings, document);
  } catch (error) {
    findings.failed('the duplicate email check', document.root ?? { offset: 0, length: 0 }, error);
  }
}

/**
 * What belongs to the file rather than to one contact: emptiness, syntax, nesting, and a batch file's
 * list. False when there is nothing more to check (an empty file).
 */
function collectFileProblems(document: ParsedDocument, findings: CollectedFindings, syntaxErrors: boolean): boolean {
  const batch = isBatch(document) ? document : undefined;
  if (document.text.trim() === '') {
    const example = batch ? `a batch file is ${BATCH_EXAMPLE}` : `a contact payload is ${shapeOf(document as ParsedPayload).example}`;
    findings.addBuilt({ code: DiagnosticCode.EmptyDocument, severity: 'error', span: { offset: 0, length: 0 }, message: `The file is empty: ${example}.` });
    return false;
  }
  // jsonc-parser reports every closer it misses at the same place; one error there is enough.
  let lastSyntaxOffset = -1;
  for (const error of syntaxErrors ? document.syntaxErrors : []) {
    if (error.offset === lastSyntaxOffset) continue;
    lastSyntaxOffset = error.offset;
    findings.addBuilt({ code: DiagnosticCode.InvalidJson, severity: 'error', span: error, message: error.message });
  }
  if (document.nestingCut) {
    findings.addBuilt({ code: DiagnosticCode.NestingTooDeep, severity: 'error', span: { offset: document.nestingCut.offset, length: 1 }, message: `Nested more than ${MAX_NESTING} levels deep: a payload has no such nesting, and what lies deeper is not checked.` });
  }
  if (!batch) return true;
  try {
    for (const finding of checkBatchStructure(batch)) findings.addBuilt(finding);
  } catch (error) {
    findings.failed('the batch structure check', batch.root ?? { offset: 0, length: 0 }, error);
  }
  addDuplicateKeys(findings, batch.topMembers);
  return true;
}

/** The file's own errors (not JSON, nested too deep, a batch that is no list of contacts), all of them, in document order. */
export function fileErrors(document: ParsedDocument, onFailure?: CheckFailureListener): Finding[] {
  const collected = new CollectedFindings(1, onFailure);
  collectFileProblems(document, collected, true);
  return collected.firstErrors(Infinity);
}

/** One contact's errors (what keeps it from being sent): how many, and the first `max` in document order, built. */
export function contactErrors(contact: ParsedPayload, catalog: PropertyCatalog, max: number, onFailure?: CheckFailureListener): { count: number; first: Finding[] } {
  const collected = new CollectedFindings(1, onFailure);
  collectContactProblems(contact, catalog, collected);
  return { count: collected.arrived.error, first: collected.firstErrors(max) };
}

/**
 * What a batch contact handed over when it was last checked: under which catalog, where its object
 * started then, and its findings as candidates. An update keeps every contact of a batch file that the
 * edit did not reach as the same object, moved in place (payloadUpdate.ts), so its findings are handed
 * over again, moved by as much, rather than found again: a keystroke checks the edited contact, not
 * all 10 000 (with 5 % of the values invalid nearly every contact has a finding). A new parse makes
 * new objects, which are checked. Single files are left out: each update makes a new model, and a
 * 100 000-entry file's findings would be held for nothing.
 */
interface CheckedContact {
  readonly catalog: PropertyCatalog;
  readonly rootOffset: number;
  readonly handedOver: readonly HandedOver[];
}
const lastChecked = new WeakMap<ParsedPayload, CheckedContact>();

/** One contact's problems: the whole file's in a single contact file, one contact's in a batch file. */
function collectContactProblems(payload: ParsedPayload, catalog: PropertyCatalog, findings: CollectedFindings): void {
  if (payload.batchIndex === undefined || !payload.root) {
    collectProblemsOfContact(payload, catalog, findings);
    return;
  }
  const checked = lastChecked.get(payload);
  if (checked?.catalog === catalog) {
    findings.handOverAgain(checked.handedOver, payload.root.offset - checked.rootOffset);
    return;
  }
  const handedOver = findings.recording(() => collectProblemsOfContact(payload, catalog, findings));
  lastChecked.set(payload, { catalog, rootOffset: payload.root.offset, handedOver });
}

function collectProblemsOfContact(payload: ParsedPayload, catalog: PropertyCatalog, findings: CollectedFindings): void {
  const shape = shapeOf(payload);
  try {
    for (const finding of shape.structureFindings(payload)) findings.addBuilt(finding);
  } catch (error) {
    findings.failed('the structure check', payload.root ?? { offset: 0, length: 0 }, error);
  }
  addDuplicateKeys(findings, payload.topMembers);
  const names = beginNameLookup(catalog);
  const assignments = shape.assignments(payload);
  // Indexed rather than for…of: no iterator results on a 100 000-entry file, every keystroke.
  for (let index = 0; index < assignments.length; index++) {
    const assignment = assignments[index];
    try {
      addDuplicateKeys(findings, assignment.members);
      checkAssignment(findings, assignment, assignments, names, catalog, payload.text, shape);
    } catch (error) {
      findings.failed('checking this entry', assignment.assignedValue ?? assignment.extent, error);
    }
  }
  const holder = shape.assignmentsHolder(payload);
  // A v1 batch contact found by its own `email` key has one.
  if (holder && !names.met('email') && !contactEmailValue(payload)) findings.add('information', holder.keySpan.offset, missingEmail, holder, undefined);
}

/**
 * The same email on two contacts of one batch file (trimmed, any case, as HubSpot matches emails): the
 * second would update the first, so a seed set's plan blocks both. A warning on each, naming the
 * other's line.
 */
function addDuplicateEmails(findings: CollectedFindings, batch: ParsedBatch): void {
  const { contacts } = batch;
  const repeatedAt = repeatedEmails(contacts);
  if (repeatedAt.length === 0) return;
  const emailOf = (index: number) => contactEmail(contacts[index])!;
  const built = new Map<number, WrittenEmail>();
  const once = (index: number) => built.get(index) ?? built.set(index, emailOf(index)).get(index)!;
  const repeated = repeatedAt.map(([index, earlier]): [WrittenEmail, WrittenEmail] => [once(index), once(earlier)]);
  const lineOf = lineNumbers(batch.text);
  const flagged = new Set<WrittenEmail>();
  for (const [written, earlier] of repeated) {
    if (!flagged.has(earlier)) {
      flagged.add(earlier);
      findings.add('warning', earlier.span.offset, duplicateEmail, earlier, written, lineOf(written.span.offset));
    }
    findings.add('warning', written.span.offset, duplicateEmail, written, earlier, lineOf(earlier.span.offset));
  }
}

/** What the last validation of a batch found of its emails: the contacts, each one's email value, and the repeats. */
interface EmailIndex {
  readonly contacts: readonly ParsedPayload[];
  readonly values: readonly (JsonValue | undefined)[];
  /** [contact, the earlier contact with its email], by position among the contacts. */
  readonly repeatedAt: readonly (readonly [number, number])[];
}

/**
 * Kept per array of contacts, which an update takes over (payloadUpdate.ts): a contact the keystroke
 * did not reach is the same object, its email value the one seen before (moved in place), so only the
 * edited contact's email is looked up again; when it is the same value, the emails are not compared
 * again either — 10 000 of them, each lowercased and hashed, every keystroke.
 */
const emailIndexes = new WeakMap<readonly ParsedPayload[], EmailIndex>();

function repeatedEmails(contacts: readonly ParsedPayload[]): EmailIndex['repeatedAt'] {
  const known = emailIndexes.get(contacts);
  const values = contacts.map((contact, index) => (known?.contacts[index] === contact ? known.values[index] : contactEmailValue(contact)));
  if (known && known.values.length === values.length && values.every((value, index) => value === known.values[index])) {
    emailIndexes.set(contacts, { ...known, contacts: [...contacts] });
    return known.repeatedAt;
  }
  // The first contact of each email, by position; a repeat names it.
  const first = new Map<string, number>();
  const repeatedAt: [number, number][] = [];
  for (let index = 0; index < values.length; index++) {
    const value = values[index];
    if (!value) continue;
    const key = sameEmailKey(value.value as string);
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, index);
    else repeatedAt.push([index, earlier]);
  }
  emailIndexes.set(contacts, { contacts: [...contacts], values, repeatedAt });
  return repeatedAt;
}

/** The 1-based line of an offset, by binary search over the text's line starts (found once). */
function lineNumbers(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };
}

/** `assignments`: all of the file's, which `assignment` is among (at its index). */
function checkAssignment(findings: CollectedFindings, assignment: PropertyAssignment, assignments: readonly PropertyAssignment[], names: NameLookup, catalog: PropertyCatalog, text: string, shape: PayloadShape): void {
  // A name is always written somewhere; its span is read only for a finding (a CRM objects member
  // makes a new span object each time it is asked, and nearly every name is fine).
  const { name } = assignment;
  if (name === undefined) return;
  const slot = names.slotOf(assignments, assignment.index);
  const first = names.firstSetAt(slot, assignment.index);
  if (first >= 0) findings.add('warning', assignment.nameSpan!.offset, duplicateProperty, assignment, assignments[first], shape);

  const definition = names.definition(slot);
  if (!definition) {
    const nameSpan = assignment.nameSpan!;
    if (name.trim() === '') findings.add('error', nameSpan.offset, emptyPropertyName, assignment, undefined);
    else findings.add(catalog.source.kind === 'portal' ? 'error' : 'warning', nameSpan.offset, unknownProperty, assignment, catalog);
  } else if (isReadOnly(definition)) {
    findings.add('warning', assignment.nameSpan!.offset, readOnlyProperty, assignment, definition);
  }

  const value = assignment.assignedValue;
  if (!value) return;
  if (value.kind === 'null') {
    findings.add('warning', value.offset, nullValue, value, undefined);
    return;
  }
  if (value.kind === 'number' || value.kind === 'boolean') {
    // The value exactly as written (`1.50` stays `1.50`): that is what the user meant to send.
    const written = text.slice(value.offset, value.offset + value.length);
    findings.add('warning', value.offset, nonStringValue, value, written);
    if (definition) addValueRule(findings, definition, written, value, shape.dates);
    return;
  }
  if (value.kind === 'string' && definition) addValueRule(findings, definition, value.value as string, value, shape.dates);
}

function addValueRule(findings: CollectedFindings, definition: PropertyDefinition, text: string, value: JsonValue, dates: DateDialect): void {
  const broken = brokenValueRule(definition, text, dates);
  if (broken) findings.add('error', value.offset, broken, definition, text, value);
}

// ── Recipes: each builds one finding, only when the report shows it ─────────────────────────────────

/** `shape`: where the assignment is and what the shape makes of a duplicate. */
function duplicateProperty(assignment: PropertyAssignment, first: PropertyAssignment, shape: PayloadShape): Finding {
  const name = assignment.name!;
  return {
    code: DiagnosticCode.DuplicateProperty, severity: 'warning', span: assignment.nameSpan!,
    message: `"${name}" is set twice ${shape.scope}; ${shape.duplicateMeaning}`,
    data: { fix: 'removeEntry', entryIndex: assignment.index },
    related: { span: first.nameSpan!, message: `"${name}" is first set here.` },
  };
}

function readOnlyProperty(assignment: PropertyAssignment, definition: PropertyDefinition): Finding {
  return {
    code: DiagnosticCode.ReadOnlyProperty, severity: 'warning', span: assignment.nameSpan!,
    message: `"${definition.name}" (${definition.label}) is ${definition.calculated ? 'calculated by HubSpot' : 'read-only'}: HubSpot ignores or rejects values written to it.`,
    data: { fix: 'removeEntry', entryIndex: assignment.index },
  };
}

function emptyPropertyName(assignment: PropertyAssignment): Finding {
  return { code: DiagnosticCode.UnknownProperty, severity: 'error', span: assignment.nameSpan!, message: 'The property name is empty: HubSpot answers PROPERTY_DOESNT_EXIST.' };
}

/** The "did you mean" suggestions look the name up in the catalog's index: only for a finding that is shown. */
function unknownProperty(assignment: PropertyAssignment, catalog: PropertyCatalog): Finding {
  const name = assignment.name!;
  const portal = catalog.source.kind === 'portal';
  const suggestions = propertyNameIndex(catalog).closest(name);
  const meaning = portal ? 'this portal has no such property: HubSpot answers PROPERTY_DOESNT_EXIST.' : 'not one of HubSpot\'s default properties (fine if it is a custom property of your portal).';
  return {
    code: DiagnosticCode.UnknownProperty, severity: portal ? 'error' : 'warning', span: assignment.nameSpan!,
    message: `Unknown property "${name}": ${meaning}${suggestions.length ? ` Did you mean ${suggestions.map((s) => `"${s}"`).join(' or ')}?` : ''}`,
    ...(suggestions.length ? { data: { fix: 'replace', replacements: suggestions } } : {}),
  };
}

function nullValue(value: JsonValue): Finding {
  return { code: DiagnosticCode.NullValue, severity: 'warning', span: value, message: 'null is not a property value: HubSpot expects a string; use "" to clear the property.', data: { fix: 'quote', text: '' } };
}

function nonStringValue(value: JsonValue, written: string): Finding {
  return { code: DiagnosticCode.NonStringValue, severity: 'warning', span: value, message: `${capitalise(describeKind(value.kind))} where HubSpot expects a string: send "${written}".`, data: { fix: 'quote', text: written } };
}

function duplicateKey(member: Member, first: Member): Finding {
  return {
    code: DiagnosticCode.DuplicateKey, severity: 'warning', span: member.keySpan,
    message: `Key "${member.key}" appears twice in this object; only the last one counts.`,
    related: { span: first.keySpan, message: `"${member.key}" first appears here.` },
  };
}

/** `otherLine`: 1-based, as editors show lines. */
function duplicateEmail(written: WrittenEmail, other: WrittenEmail, otherLine: number): Finding {
  return {
    code: DiagnosticCode.DuplicateEmail, severity: 'warning', span: written.span,
    message: duplicateEmailMessage(written.email, `line ${otherLine}`),
    related: { span: other.span, message: `"${other.email}" is also here.` },
  };
}

function missingEmail(properties: Member): Finding {
  return {
    code: DiagnosticCode.MissingEmail, severity: 'information', span: properties.keySpan,
    message: 'No "email": HubSpot deduplicates contacts by email, so every create from this file makes a new contact.',
  };
}

/** `shown`: what the error says, already passed on to whoever logs it. */
function checkFailed(check: string, span: Span, shown: string): Finding {
  return {
    code: DiagnosticCode.CheckFailed, severity: 'warning', span,
    message: `Not fully checked: ${check} failed ("${shown}"). This is a bug in Contact Payloads; please report it.`,
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function addDuplicateKeys(findings: CollectedFindings, members: readonly Member[]): void {
  if (members.length < 2) return;
  // Entries have two or three keys: comparing pairs beats building a Map for each of 100 000 entries.
  const firstByKey = members.length > 8 ? new Map<string, Member>() : undefined;
  for (let index = 0; index < members.length; index++) {
    const member = members[index];
    const first = firstByKey ? firstByKey.get(member.key) : earlierWithKey(members, index);
    if (!first) firstByKey?.set(member.key, member);
    else findings.add('warning', member.keySpan.offset, duplicateKey, member, first);
  }
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

