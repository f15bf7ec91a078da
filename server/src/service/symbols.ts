// The outline: a `properties` symbol with one child per assignment (`firstname = Adrian`), and the saved id (v1's `vid`, the CRM objects' `id`).
// In a batch file, one symbol per contact (its email, else "Contact N") with those as its children.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import { contactEmail } from './contactEmail';
import { isBatch, lastMember, type JsonValue, type ParsedDocument, type ParsedPayload, type PropertyAssignment } from './payloadModel';
import { shapeOf } from './shapes';
import { rangeOf } from './ranges';

/** Values longer than this are cut in symbol names. */
export const MAX_SHOWN_VALUE_LENGTH = 60;

export function documentSymbols(document: TextDocument, parsed: ParsedDocument): DocumentSymbol[] {
  if (!isBatch(parsed)) return contactSymbols(document, parsed);
  return parsed.contacts.map((contact) => {
    const email = contactEmail(contact)?.email;
    const properties = shapeOf(contact).assignments(contact).length;
    return {
      name: email !== undefined ? truncate(email) : `Contact ${contact.batchIndex! + 1}`,
      detail: countOf(properties, contact.properties?.value?.kind === 'array' ? 'entry' : 'property'),
      kind: SymbolKind.Object,
      range: rangeOf(document, contact.root!),
      selectionRange: rangeOf(document, { offset: contact.root!.offset, length: 1 }),
      children: contactSymbols(document, contact),
    };
  });
}

/** A single file's symbols, or one contact's in a batch file. */
function contactSymbols(document: TextDocument, payload: ParsedPayload): DocumentSymbol[] {
  const symbols: DocumentSymbol[] = [];
  const shape = shapeOf(payload);
  const savedId = lastMember(payload.topMembers, shape.savedIdKey);
  for (const member of payload.topMembers) {
    if (member === payload.properties) {
      const assignments = shape.assignments(payload);
      const holder = shape.assignmentsHolder(payload);
      const isArray = member.value?.kind === 'array';
      symbols.push({
        name: 'properties',
        detail: holder ? countOf(assignments.length, isArray ? 'entry' : 'property') : 'neither an array nor an object',
        kind: isArray || !holder ? SymbolKind.Array : SymbolKind.Object,
        range: rangeOf(document, member.span),
        selectionRange: rangeOf(document, member.keySpan),
        children: assignments.map((assignment) => assignmentSymbol(document, payload, assignment)),
      });
    } else if (member === savedId) {
      symbols.push({
        name: `${shape.savedIdKey} = ${member.value ? shownValue(payload.text, member.value) : '?'}`,
        kind: SymbolKind.Number,
        range: rangeOf(document, member.span),
        selectionRange: rangeOf(document, member.keySpan),
      });
    }
  }
  return symbols;
}

function assignmentSymbol(document: TextDocument, payload: ParsedPayload, assignment: PropertyAssignment): DocumentSymbol {
  const value = assignment.assignedValue;
  const name = assignment.name !== undefined && assignment.name !== ''
    ? `${flatten(assignment.name)} = ${value ? shownValue(payload.text, value) : '?'}`
    : `(entry ${assignment.index + 1})`;
  return {
    name,
    kind: SymbolKind.Property,
    range: rangeOf(document, assignment.extent),
    selectionRange: rangeOf(document, assignment.nameSpan ?? assignment.extent),
  };
}

/** A value as the user wrote it: a string's text without quotes, anything else as its JSON text. */
function shownValue(text: string, value: JsonValue): string {
  switch (value.kind) {
    case 'object':
      return '{…}';
    case 'array':
      return '[…]';
    case 'string': {
      const content = truncate(String(value.value));
      return content === '' ? '""' : content;
    }
    default:
      // One character more than truncate looks at, so it still sees that there was more.
      return truncate(text.slice(value.offset, value.offset + Math.min(value.length, MAX_SHOWN_VALUE_LENGTH * 4 + 1)));
  }
}

function truncate(text: string): string {
  // Only the start is looked at: a value can be megabytes long.
  const head = text.slice(0, MAX_SHOWN_VALUE_LENGTH * 4);
  const flat = flatten(head);
  if (flat.length <= MAX_SHOWN_VALUE_LENGTH && head.length === text.length) return flat;
  let cut = Math.min(flat.length, MAX_SHOWN_VALUE_LENGTH - 1);
  // Never split an emoji (a surrogate pair) in two.
  if (cut > 0 && /[\uD800-\uDBFF]/.test(flat[cut - 1])) cut--;
  return `${flat.slice(0, cut)}…`;
}

/** Symbol names are one line: line breaks, tabs and other control characters become spaces. */
function flatten(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is replaced
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ');
}

/** `unit`: what one assignment is called in the shape (a v1 entry, a CRM objects property). */
function countOf(count: number, unit: 'entry' | 'property'): string {
  if (count === 1) return `1 ${unit}`;
  return `${count} ${unit === 'entry' ? 'entries' : 'properties'}`;
}
