// Parses a `*.contact.json` text (or each contact of a `*.contacts.json`) and locates what the other services need: the top-level members,
// `properties` (v1's array with each entry's `property` and `value`, or the CRM objects' object and its
// members), all with their offsets. Only those
// levels are modelled; deeper content is never walked (it is wrong in a payload anyway).
// Two readers build the same model: a fast strict scanner for plain JSON (payloadScanner.ts), and
// jsonc-parser for everything else, for its recovery from syntax errors and its messages. Between
// versions of an open document the model is updated entry by entry (payloadUpdate.ts).
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { limitNesting } from './nesting';
import type { DocumentKind } from './documentKind';
import { LocatedMember, MAX_NESTING, lastMember, type JsonKind, type JsonSyntaxProblem, type JsonValue, type Member, type ParsedBatch, type ParsedDocument, type ParsedPayload, PayloadEntry, PropertyMember, type Span } from './payloadModel';
import { scanPlainBatch, scanPlainPayload } from './payloadScanner';

/** The payload model: read by the fast scanner when the text is plain JSON (nearly always), else by the tolerant parser. */
export function parsePayload(text: string): ParsedPayload {
  return scanPlainPayload(withoutByteOrderMark(text), text, MAX_NESTING) ?? parsePayloadTolerantly(text);
}

/** A batch file's model (`*.contacts.json`), read as parsePayload reads a single file. */
export function parseBatch(text: string): ParsedBatch {
  return scanPlainBatch(withoutByteOrderMark(text), text, MAX_NESTING) ?? parseBatchTolerantly(text);
}

/** The model of a document of either kind; the file's name decides the kind (documentKind.ts). */
export function parseDocument(text: string, kind: DocumentKind): ParsedDocument {
  return kind === 'batch' ? parseBatch(text) : parsePayload(text);
}

/**
 * The payload model through jsonc-parser, which recovers from syntax errors and explains them. Gives
 * the same model as the fast scanner on plain JSON (a unit test compares them on random documents).
 */
export function parsePayloadTolerantly(text: string): ParsedPayload {
  const { tree, syntaxErrors, nestingCut } = tolerantTree(text);
  if (!tree) return { text, syntaxErrors, nestingCut, topMembers: [], entries: [], propertyMembers: [], fromPlainJson: false };
  if (tree.type !== 'object') return { text, syntaxErrors, nestingCut, root: toValue(tree), topMembers: [], properties: undefined, entries: [], propertyMembers: [], fromPlainJson: false };
  return { ...contactOf(tree), text, syntaxErrors, nestingCut, fromPlainJson: false };
}

/** A batch file's model through jsonc-parser: the same model as the fast scanner on plain JSON. */
export function parseBatchTolerantly(text: string): ParsedBatch {
  const { tree, syntaxErrors, nestingCut } = tolerantTree(text);
  const none = { text, syntaxErrors, nestingCut, topMembers: [], elements: [], contacts: [], fromPlainJson: false };
  if (!tree) return none;
  const root = toValue(tree);
  const topMembers = tree.type === 'object' ? membersOf(tree, toLocatedMember) : [];
  const listNode = tree.type === 'array' ? tree : tree.type === 'object' ? lastMemberNode(tree, 'inputs') : undefined;
  const inputs = lastMember(topMembers, 'inputs');
  if (listNode?.type !== 'array') return { ...none, root, topMembers, inputs, list: undefined };
  const elementNodes = listNode.children ?? [];
  const contacts: ParsedPayload[] = [];
  elementNodes.forEach((node, batchIndex) => {
    if (node.type === 'object') contacts.push({ ...contactOf(node), text, syntaxErrors: [], nestingCut: undefined, fromPlainJson: false, batchIndex });
  });
  return { ...none, root, topMembers, inputs, list: toValue(listNode), elements: elementNodes.map(toValue), contacts };
}

function tolerantTree(text: string): { tree: Node | undefined; syntaxErrors: JsonSyntaxProblem[]; nestingCut: Span | undefined } {
  const limited = limitNesting(withoutByteOrderMark(text), MAX_NESTING);
  const errors: ParseError[] = [];
  const tree = parseTree(limited.text, errors, { allowTrailingComma: false, disallowComments: true });
  const syntaxErrors = errors.map((e) => ({ offset: e.offset, length: e.length, message: syntaxMessage(e) }));
  return { tree, syntaxErrors, nestingCut: limited.cut };
}

/** One contact's object (a single file's root, an element of a batch's list): its members and `properties`. */
function contactOf(node: Node): Pick<ParsedPayload, 'root' | 'topMembers' | 'properties' | 'entries' | 'propertyMembers'> {
  const topMembers = membersOf(node, toLocatedMember);
  const propertiesNode = lastMemberNode(node, 'properties');
  const entries = propertiesNode?.type === 'array' ? (propertiesNode.children ?? []).map(toEntry) : [];
  const propertyMembers = propertiesNode?.type === 'object' ? membersOf(propertiesNode, toPropertyMember) : [];
  return { root: toValue(node), topMembers, properties: lastMember(topMembers, 'properties'), entries, propertyMembers };
}

/** A byte order mark is not JSON, but editors keep it and HubSpot never sees it (the body is re-serialised). */
function withoutByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
}

function lastMemberNode(object: Node, key: string): Node | undefined {
  const children = object.children ?? [];
  for (let i = children.length - 1; i >= 0; i--) {
    const [keyNode, valueNode] = children[i].children ?? [];
    if (keyNode?.value === key) return valueNode;
  }
  return undefined;
}

function toEntry(node: Node, index: number): PayloadEntry {
  const members = node.type === 'object' ? membersOf(node, toLocatedMember) : [];
  const property = lastMember(members, 'property');
  const value = lastMember(members, 'value');
  const name = property?.value?.kind === 'string' ? (property.value.value as string) : undefined;
  return new PayloadEntry(index, node.offset, node.length, node.type as JsonKind, members, property, value, name);
}

/** Builds a member of the model from its syntax nodes; `index` is its place among the object's members. */
type MemberBuilder<M extends Member> = (key: Node, value: Node | undefined, member: Node, index: number) => M;

function membersOf<M extends Member>(node: Node, toMember: MemberBuilder<M>): M[] {
  const members: M[] = [];
  for (const child of node.children ?? []) {
    const [keyNode, valueNode] = child.children ?? [];
    if (!keyNode) continue;
    members.push(toMember(keyNode, valueNode, child, members.length));
  }
  return members;
}

function toLocatedMember(key: Node, value: Node | undefined, member: Node): LocatedMember {
  return new LocatedMember(String(key.value), key.offset, key.length, value && toValue(value), member.length);
}

function toPropertyMember(key: Node, value: Node | undefined, member: Node, index: number): PropertyMember {
  return new PropertyMember(String(key.value), key.offset, key.length, value && toValue(value), member.length, index);
}

function toValue(node: Node): JsonValue {
  const kind = node.type as JsonKind;
  const scalar = kind !== 'object' && kind !== 'array';
  return scalar ? { kind, offset: node.offset, length: node.length, value: node.value as JsonValue['value'] } : { kind, offset: node.offset, length: node.length };
}

function syntaxMessage(error: ParseError): string {
  switch (printParseErrorCode(error.error)) {
    case 'InvalidSymbol': return 'Invalid symbol: this is not JSON.';
    case 'InvalidNumberFormat': return 'Invalid number format.';
    case 'PropertyNameExpected': return 'Property name expected (a double-quoted string).';
    case 'ValueExpected': return 'Value expected.';
    case 'ColonExpected': return 'Colon expected.';
    case 'CommaExpected': return 'Comma expected.';
    case 'CloseBraceExpected': return 'Closing brace `}` expected.';
    case 'CloseBracketExpected': return 'Closing bracket `]` expected.';
    case 'EndOfFileExpected': return 'End of file expected: there is text after the JSON value.';
    case 'InvalidCommentToken': return 'Comments are not allowed in JSON.';
    case 'UnexpectedEndOfComment': return 'Unexpected end of comment.';
    case 'UnexpectedEndOfString': return 'Unterminated string: a closing `"` is missing.';
    case 'UnexpectedEndOfNumber': return 'Unexpected end of number.';
    case 'InvalidUnicode': return 'Invalid unicode escape sequence.';
    case 'InvalidEscapeCharacter': return 'Invalid escape character in string.';
    case 'InvalidCharacter': return 'Invalid character in string (control characters must be escaped).';
    default: return 'Invalid JSON.';
  }
}
