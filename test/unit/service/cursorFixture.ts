// Shared by the feature-service tests: a document written with `|` where the cursor is, its parse,
// and a catalog with the bundled defaults plus the awkward definitions the defaults lack.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, TextEdit } from 'vscode-languageserver-types';
import { bundledDefaultCatalog, createCatalog, type PropertyCatalog, type PropertyDefinition } from '../../../server/src/service/catalog';
import { parsePayload } from '../../../server/src/service/payload';
import { type ParsedPayload } from '../../../server/src/service/payloadModel';

export const CURSOR = '|';

export interface Fixture {
  readonly document: TextDocument;
  readonly payload: ParsedPayload;
  /** Where `|` was, or the document start when there was none. */
  readonly position: Position;
}

/** The text with its first `|` taken out as the cursor. */
export function fixture(textWithCursor: string): Fixture {
  const at = textWithCursor.indexOf(CURSOR);
  const text = at < 0 ? textWithCursor : textWithCursor.slice(0, at) + textWithCursor.slice(at + 1);
  const document = TextDocument.create('file:///work/test.contact.json', 'json', 1, text);
  return { document, payload: parsePayload(text), position: document.positionAt(Math.max(0, at)) };
}

export function applied(document: TextDocument, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(document, [...edits]);
}

/** A writable bool, an enumeration with a hidden option, names that collide with Object.prototype, snippet metacharacters. */
export const EXTRA_DEFINITIONS: readonly PropertyDefinition[] = [
  {
    name: 'newsletter_opt_in', label: 'Newsletter opt-in', type: 'bool', fieldType: 'booleancheckbox',
    options: [{ value: 'true', label: 'Yes' }, { value: 'false', label: 'No' }],
  },
  {
    name: 'favourite_colour', label: 'Favourite colour', type: 'enumeration', fieldType: 'select',
    options: [{ value: 'red', label: 'Red' }, { value: 'legacy_teal', label: 'Teal (retired)', hidden: true }, { value: 'blue', label: 'Blue' }],
  },
  {
    name: 'constructor', label: 'Constructor', type: 'enumeration', fieldType: 'radio',
    options: [{ value: '__proto__', label: 'Prototype' }, { value: 'toString', label: 'To string' }],
  },
  { name: 'price$}', label: 'Price [USD] <b>', type: 'number', fieldType: 'number', description: 'Costs *a lot*; see [docs](http://example.com).' },
];

export function testCatalog(): PropertyCatalog {
  return createCatalog([...bundledDefaultCatalog().properties.values(), ...EXTRA_DEFINITIONS], { kind: 'bundled', description: 'test catalog' });
}

/** `{"properties":[…]}` with the given entries, one per line, indented like a hand-written file. */
export function payloadText(entries: readonly string[], newline = '\n'): string {
  return `{${newline}  "properties": [${newline}${entries.map((e) => `    ${e}`).join(`,${newline}`)}${newline}  ]${newline}}${newline}`;
}

export function entryText(property: string, value: string): string {
  return `{ "property": ${JSON.stringify(property)}, "value": ${JSON.stringify(value)} }`;
}
