// Completion in `*.contact.json` and in each contact of a `*.contacts.json`: property names, whole entries, option values and keys.
// Every item replaces the whole token at the cursor (its quotes included) with valid JSON, and its
// filterText starts the way that token does, so an editor filters it the same way wherever the cursor
// sits: inside `""`, after `"em`, or on a bare word with no quotes yet. VS Code asks its own JSON
// language server too, and lists its guesses (values copied from the file, as JSON literals) above
// ours whatever our sortText; ours win by being preselected: the best match for what was typed.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CompletionItemKind, CompletionItemTag, InsertTextFormat, MarkupKind,
  type CompletionItem, type CompletionList, type Position,
} from 'vscode-languageserver-types';
import { isMultiSelect, isReadOnly, type PropertyCatalog, type PropertyDefinition } from './catalog';
import { decodeJsonStringContent, type CursorContext, type CursorSlot, type CursorToken } from './cursor';
import { contactAt, isBatch, type Member, type ParsedDocument, type ParsedPayload, type PropertyAssignment, type Span } from './payloadModel';
import { choosableOptions, descriptionMarkdown, propertyMarkdown, readOnlyReason, typeLabel } from './propertyDocs';
import { MAX_LABEL_LENGTH, shortened } from './portalText';
import { offsetAt, rangeOf, spanEnd } from './ranges';
import { PAYLOAD_SHAPES, shapeOf, type PayloadShape } from './shapes';

export interface CompletionOptions {
  /** The client understands snippet syntax (`$1`, `${1|a,b|}`) in completion items. */
  readonly snippetSupport: boolean;
}

/** Entry snippets offer the options as a choice when there are at most this many. */
const MAX_SNIPPET_CHOICES = 30;

/** One thing to offer, before it is placed at the cursor. */
interface Proposal {
  readonly label: string;
  readonly kind: CompletionItemKind;
  readonly detail?: string;
  /** Shown beside the label (the option label of an option value). */
  readonly description?: string;
  /** Markdown. */
  readonly documentation?: string;
  readonly readOnly?: boolean;
  /** The text to insert: valid JSON where it goes. */
  readonly text: string;
  /** The same text with tab stops, for clients that support snippets. */
  readonly snippet?: string;
  /** What typing is matched against (the opening quote is added when the replaced text starts with one). */
  readonly filterWord: string;
  /** Another name typing may start with, matched too: an option's label. */
  readonly alias?: string;
  /** Lower ranks sort first; proposals keep their order within a rank. */
  readonly rank: number;
}

/** What the proposals replace. */
interface Target {
  readonly span: Span;
  /** The replaced text starts with an opening quote, which the user has typed too. */
  readonly quoted: boolean;
}

interface Completions {
  readonly target: Target;
  readonly proposals: readonly Proposal[];
}

const RANK_FIRST = 0;
const RANK_READ_ONLY = 1;
const RANK_ALREADY_USED = 2;

/** In a batch file, what a single file offers, inside the contact at the cursor; an empty batch file is offered a whole one. */
export function complete(document: TextDocument, parsed: ParsedDocument, position: Position, catalog: PropertyCatalog, options: CompletionOptions): CompletionList {
  const offset = offsetAt(document, position);
  const payload = contactAt(parsed, offset);
  if (!payload) return isBatch(parsed) && parsed.text.trim() === '' ? listed(document, parsed.text, offset, newBatchCompletions(offset), options) : { isIncomplete: false, items: [] };
  const context = shapeOf(payload).cursorContext(payload, offset);
  const completions = context && completionsFor(context, payload, offset, catalog);
  return listed(document, payload.text, offset, completions, options);
}

function listed(document: TextDocument, text: string, offset: number, completions: Completions | undefined, options: CompletionOptions): CompletionList {
  if (!completions || completions.proposals.length === 0) return { isIncomplete: false, items: [] };

  const { target, proposals } = completions;
  const range = rangeOf(document, target.span);
  const typed = text.slice(target.quoted ? target.span.offset + 1 : target.span.offset, offset).toLowerCase();
  const ordered = proposals.map((proposal, index) => ({ proposal, index })).sort((a, b) => a.proposal.rank - b.proposal.rank || a.index - b.index);
  const items = ordered.map(({ proposal }, order): CompletionItem => {
    const useSnippet = options.snippetSupport && proposal.snippet !== undefined;
    return {
      label: proposal.label,
      kind: proposal.kind,
      ...(proposal.detail !== undefined ? { detail: proposal.detail } : {}),
      ...(proposal.description !== undefined ? { labelDetails: { description: proposal.description } } : {}),
      ...(proposal.documentation !== undefined ? { documentation: { kind: MarkupKind.Markdown, value: proposal.documentation } } : {}),
      ...(proposal.readOnly ? { tags: [CompletionItemTag.Deprecated] } : {}),
      // Rank, then the order proposed. VS Code compares sortText only between items that both have one.
      sortText: `${proposal.rank}${String(order).padStart(5, '0')}`,
      filterText: filterText(proposal, target),
      textEdit: { range, newText: useSnippet ? (proposal.snippet ?? proposal.text) : proposal.text },
      insertTextFormat: useSnippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    };
  });
  const best = ordered.findIndex(({ proposal }) => startsWith(proposal.filterWord, typed) || (proposal.alias !== undefined && startsWith(proposal.alias, typed)));
  if (best >= 0) items[best].preselect = true;
  return { isIncomplete: false, items };
}

function completionsFor(context: CursorContext, payload: ParsedPayload, offset: number, catalog: PropertyCatalog): Completions | undefined {
  const { slot, token } = context;
  const target: Target = token ? { span: token, quoted: token.quoted } : { span: { offset, length: 0 }, quoted: false };
  switch (slot.kind) {
    case 'emptyDocument':
      return { target, proposals: PAYLOAD_SHAPES.map(newDocumentProposal) };
    case 'propertyName':
      return { target, proposals: propertyNameProposals(payload, slot.assignment, catalog) };
    case 'newAssignment':
      return { target, proposals: newAssignmentProposals(payload, catalog, context) };
    case 'value':
      return valueCompletions(payload, slot.assignment, token, offset, target, catalog);
    case 'topLevelKey':
    case 'assignmentKey':
      return { target, proposals: keyProposals(payload, slot, context) };
  }
}

// ── Property names ────────────────────────────────────────────────────────────────────────────────

function propertyNameProposals(payload: ParsedPayload, assignment: PropertyAssignment, catalog: PropertyCatalog): Proposal[] {
  const used = usedNameCounts(payload);
  const proposals: Proposal[] = [];
  for (const definition of catalog.properties.values()) {
    const usedElsewhere = (used.get(definition.name) ?? 0) - (assignment.name === definition.name ? 1 : 0) > 0;
    proposals.push({
      label: definition.name,
      kind: CompletionItemKind.Property,
      detail: propertyDetail(definition, usedElsewhere && shapeOf(payload).scope),
      documentation: propertyMarkdown(definition),
      readOnly: isReadOnly(definition),
      text: JSON.stringify(definition.name),
      filterWord: definition.name,
      rank: propertyRank(definition, usedElsewhere),
    });
  }
  return proposals;
}

function newAssignmentProposals(payload: ParsedPayload, catalog: PropertyCatalog, context: CursorContext): Proposal[] {
  const used = usedNameCounts(payload);
  const shape = shapeOf(payload);
  const proposals: Proposal[] = [];
  for (const definition of catalog.properties.values()) {
    const usedElsewhere = used.has(definition.name);
    const name = JSON.stringify(definition.name);
    proposals.push({
      label: definition.name,
      kind: CompletionItemKind.Struct,
      detail: `New entry · ${propertyDetail(definition, usedElsewhere && shapeOf(payload).scope)}`,
      documentation: propertyMarkdown(definition),
      readOnly: isReadOnly(definition),
      text: withSeparators(context, shape.plainNewAssignment(name)),
      snippet: withSeparators(context, shape.newAssignment(escapeSnippetText(name), `"${valuePlaceholder(definition)}"`)),
      filterWord: definition.name,
      rank: propertyRank(definition, usedElsewhere),
    });
  }
  return proposals;
}

function propertyRank(definition: PropertyDefinition, usedElsewhere: boolean): number {
  if (usedElsewhere) return RANK_ALREADY_USED;
  return isReadOnly(definition) ? RANK_READ_ONLY : RANK_FIRST;
}

/** `usedIn`: where the name is already set ("in this file"), or false. */
function propertyDetail(definition: PropertyDefinition, usedIn: string | false): string {
  const parts = [shortened(definition.label, MAX_LABEL_LENGTH), shortened(typeLabel(definition), MAX_LABEL_LENGTH)];
  if (definition.groupName) parts.push(`group ${shortened(definition.groupName, MAX_LABEL_LENGTH)}`);
  if (readOnlyReason(definition)) parts.push(definition.calculated ? 'calculated, read-only' : 'read-only');
  if (usedIn) parts.push(`already set ${usedIn}`);
  return parts.join(' · ');
}

/** The entry snippet's value: a choice of the options when they are few, else an empty tab stop. */
function valuePlaceholder(definition: PropertyDefinition): string {
  const options = choosableOptions(definition);
  if (options.length === 0 || options.length > MAX_SNIPPET_CHOICES) return '$1';
  return `\${1|${options.map((option) => escapeSnippetChoice(jsonStringContent(option.value))).join(',')}|}`;
}

const usedNamesByPayload = new WeakMap<ParsedPayload, ReadonlyMap<string, number>>();

/** How many entries set each property name; computed once per parse, since a file can hold 100 000 entries. */
function usedNameCounts(payload: ParsedPayload): ReadonlyMap<string, number> {
  let counts = usedNamesByPayload.get(payload);
  if (!counts) {
    const tally = new Map<string, number>();
    const assignments = shapeOf(payload).assignments(payload);
    for (let index = 0; index < assignments.length; index++) {
      const { name } = assignments[index];
      if (name !== undefined) tally.set(name, (tally.get(name) ?? 0) + 1);
    }
    usedNamesByPayload.set(payload, tally);
    counts = tally;
  }
  return counts;
}

// ── Values ────────────────────────────────────────────────────────────────────────────────────────

function valueCompletions(payload: ParsedPayload, assignment: PropertyAssignment, token: CursorToken | undefined, offset: number, target: Target, catalog: PropertyCatalog): Completions | undefined {
  const definition = assignment.name === undefined ? undefined : catalog.properties.get(assignment.name);
  const options = definition ? choosableOptions(definition) : [];
  if (!definition || options.length === 0) return undefined;

  const part = token && isMultiSelect(definition) ? multiSelectPart(payload.text, token, offset) : undefined;
  const chosenElsewhere = new Set(part?.otherParts ?? []);
  const proposals: Proposal[] = [];
  for (const option of options) {
    if (chosenElsewhere.has(option.value)) continue;
    const showsLabel = option.label !== option.value;
    const label = shortened(option.label, MAX_LABEL_LENGTH);
    proposals.push({
      label: option.value,
      kind: CompletionItemKind.EnumMember,
      ...(showsLabel ? { detail: label, description: label } : {}),
      ...(option.description ? { documentation: descriptionMarkdown(option.description) } : {}),
      text: part ? jsonStringContent(option.value) + (part.closesString ? '"' : '') : JSON.stringify(option.value),
      filterWord: option.value,
      ...(showsLabel ? { alias: label } : {}),
      rank: RANK_FIRST,
    });
  }
  return { target: part ? { span: part.span, quoted: false } : target, proposals };
}

interface MultiSelectPart {
  /** The part of the string between the `;` around the cursor (quotes excluded). */
  readonly span: Span;
  /** The other values already chosen in the string. */
  readonly otherParts: readonly string[];
  /** The string has no closing quote and the part runs to its end: the completion adds the quote. */
  readonly closesString: boolean;
}

/** For a multi-select value such as `"a;b|"`, the part after the last `;` before the cursor. Undefined when the cursor is outside the quotes. */
function multiSelectPart(text: string, token: CursorToken, offset: number): MultiSelectPart | undefined {
  if (!token.quoted) return undefined;
  const contentStart = token.offset + 1;
  const contentEnd = token.terminated ? spanEnd(token) - 1 : spanEnd(token);
  if (offset < contentStart || offset > contentEnd) return undefined;
  let partStart = offset;
  while (partStart > contentStart && text[partStart - 1] !== ';') partStart--;
  let partEnd = offset;
  while (partEnd < contentEnd && text[partEnd] !== ';') partEnd++;
  const otherParts = [text.slice(contentStart, partStart), text.slice(partEnd, contentEnd)]
    .flatMap((side) => side.split(';'))
    .filter((raw) => raw !== '')
    .map(decodeJsonStringContent);
  return { span: { offset: partStart, length: partEnd - partStart }, otherParts, closesString: !token.terminated && partEnd === contentEnd };
}

// ── Keys ──────────────────────────────────────────────────────────────────────────────────────────

function keyProposals(payload: ParsedPayload, slot: Extract<CursorSlot, { kind: 'topLevelKey' | 'assignmentKey' }>, context: CursorContext): Proposal[] {
  const members: readonly Member[] = slot.kind === 'assignmentKey' ? slot.assignment.members : payload.topMembers;
  const shape = shapeOf(payload);
  const keys = slot.kind === 'assignmentKey' ? shape.assignmentKeys : shape.topLevelKeys;
  const present = new Set(members.filter((member) => member !== slot.member).map((member) => member.key));
  // Renaming the key of a member that already has its colon: replace the key alone.
  const keyOnly = slot.member !== undefined && (slot.member.value !== undefined || nextSignificantChar(payload.text, spanEnd(context.token ?? slot.member.keySpan)) === ':');
  const proposals: Proposal[] = [];
  for (const [key, keySchema] of keys) {
    if (present.has(key)) continue;
    const name = JSON.stringify(key);
    const value = emptyValueFor(keySchema.type);
    proposals.push({
      label: key,
      kind: CompletionItemKind.Property,
      detail: keySchema.description,
      text: keyOnly ? name : withSeparators(context, `${name}: ${value.text}`),
      ...(keyOnly ? {} : { snippet: withSeparators(context, `${escapeSnippetText(name)}: ${value.snippet}`) }),
      filterWord: key,
      rank: RANK_FIRST,
    });
  }
  return proposals;
}

/** What a new key's value starts as: valid JSON for plain-text clients, a tab stop for snippet clients. */
function emptyValueFor(type: string | readonly string[]): { readonly text: string; readonly snippet: string } {
  const types = typeof type === 'string' ? [type] : type;
  if (types.includes('string')) return { text: '""', snippet: '"$1"' };
  if (types.includes('array')) return { text: '[]', snippet: '[$1]' };
  if (types.includes('object')) return { text: '{}', snippet: '{$1}' };
  // A number the user must still supply: null is valid JSON and the validator points at it.
  return { text: 'null', snippet: '$1' };
}

// ── A new document ────────────────────────────────────────────────────────────────────────────────

/** A whole batch file in either form, each with one contact. */
function newBatchCompletions(offset: number): Completions {
  const proposals = NEW_BATCH_DOCUMENTS.map((form) => ({ ...newDocumentProposal(form), label: `New batch of contacts (${form.name === 'objects' ? 'CRM objects' : 'v1'})` }));
  return { target: { span: { offset, length: 0 }, quoted: false }, proposals };
}

/** The batch forms as new documents (the label is what the proposal shows). */
const NEW_BATCH_DOCUMENTS: readonly Pick<PayloadShape, 'name' | 'newDocument'>[] = [
  {
    name: 'objects',
    newDocument: {
      detail: '{ "inputs": [ … ] }: contacts for the CRM objects API',
      documentation: 'The body of a HubSpot CRM objects batch request (`/crm/objects/…/contacts/batch/create`): one object per contact.',
      text: '{\n  "inputs": [\n    { "properties": { "email": "" } }\n  ]\n}',
      snippet: '{\n\t"inputs": [\n\t\t{ "properties": { "email": "$1" } }$0\n\t]\n}',
    },
  },
  {
    name: 'v1',
    newDocument: {
      detail: '[ … ]: contacts for the v1 batch API',
      documentation: 'The body of a HubSpot Contacts v1 batch request (`/contacts/v1/contact/batch`): one object per contact, found by its `email`.',
      text: '[\n  { "email": "", "properties": [] }\n]',
      snippet: '[\n\t{ "email": "$1", "properties": [$2] }$0\n]',
    },
  },
];

function newDocumentProposal(shape: Pick<PayloadShape, 'name' | 'newDocument'>): Proposal {
  return {
    label: `New contact payload (${shape.name === 'objects' ? 'CRM objects' : 'v1'})`,
    kind: CompletionItemKind.Snippet,
    ...shape.newDocument,
    filterWord: 'properties',
    rank: RANK_FIRST,
  };
}

// ── Text helpers ──────────────────────────────────────────────────────────────────────────────────

/** Editors match what was typed from the start of the replaced range, the opening quote included. Typing part of an alias finds the item too. */
function filterText(proposal: Proposal, target: Target): string {
  const words = proposal.alias === undefined ? proposal.filterWord : `${proposal.filterWord} ${proposal.alias}`;
  return target.quoted ? JSON.stringify(words) : words;
}

function startsWith(text: string, lowerCasePrefix: string): boolean {
  return text.toLowerCase().startsWith(lowerCasePrefix);
}

function withSeparators(context: CursorContext, text: string): string {
  return `${context.commaBefore ? ', ' : ''}${text}${context.commaAfter ? ',' : ''}`;
}

/** The characters of a JSON string literal without its quotes: what goes inside `"…"`. */
function jsonStringContent(value: string): string {
  return JSON.stringify(value).slice(1, -1);
}

/** Snippet syntax gives `$`, `}` and `\` a meaning; outside placeholders they are escaped with `\`. */
function escapeSnippetText(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

/** Inside a choice `${1|a,b|}`, `,`, `|` and `\` are escaped with `\`. */
function escapeSnippetChoice(text: string): string {
  return text.replace(/[,|\\]/g, '\\$&');
}

function nextSignificantChar(text: string, from: number): string | undefined {
  for (let i = from; i < text.length; i++) {
    if (!/\s/.test(text[i])) return text[i];
  }
  return undefined;
}
