// Parses a `*.contact.json` text and locates what the other services need: the top-level members,
// `properties` (v1's array with each entry's `property` and `value`, or the CRM objects' object and its
// members), all with their offsets. Only those
// levels are modelled; deeper content is never walked (it is wrong in a payload anyway).
// Two readers build the same model: a fast strict scanner for plain JSON (payloadScanner.ts), and
// jsonc-parser for everything else, for its recovery from syntax errors and its messages. Between
// versions of an open document the model is updated entry by entry (payloadUpdate.ts).
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { limitNesting } from './nesting';
import { LocatedMember, MAX_NESTING, lastMember, type JsonKind, type JsonValue, type Member, type ParsedPayload, PayloadEntry, PropertyMember } from './payloadModel';
import { scanPlainPayload } from './payloadScanner';

/** The payload model: read by the fast scanner when the text is plain JSON (nearly always), else by the tolerant parser. */
export function parsePayload(text: string): ParsedPayload {
  return scanPlainPayload(withoutByteOrderMark(text), text, MAX_NESTING) ?? parsePayloadTolerantly(text);
}

/**
 * The payload model through jsonc-parser, which recovers from syntax errors and explains them. Gives
 * the same model as the fast scanner on plain JSON (a unit test compares them on random documents).
 */
export function parsePayloadTolerantly(text: string): ParsedPayload {
  const withoutBom = withoutByteOrderMark(text);
  const limited = limitNesting(withoutBom, MAX_NESTING);
  const errors: ParseError[] = [];
  const tree = parseTree(limited.text, errors, { allowTrailingComma: false, disallowComments: true });
  const syntaxErrors = errors.map((e) => ({ offset: e.offset, length: e.length, message: syntaxMessage(e) }));
  if (!tree) return { text, syntaxErrors, nestingCut: limited.cut, topMembers: [], entries: [], propertyMembers: [], fromPlainJson: false };

  const root = toValue(tree);
  const topMembers = tree.type === 'object' ? membersOf(tree, toLocatedMember) : [];
  const propertiesNode = tree.type === 'object' ? lastMemberNode(tree, 'properties') : undefined;
  const entries = propertiesNode?.type === 'array' ? (propertiesNode.children ?? []).map(toEntry) : [];
  const propertyMembers = propertiesNode?.type === 'object' ? membersOf(propertiesNode, toPropertyMember) : [];
  return { text, syntaxErrors, nestingCut: limited.cut, root, topMembers, properties: lastMember(topMembers, 'properties'), entries, propertyMembers, fromPlainJson: false };
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
