// Hover on a property name (what the property is and which values it takes) and on an enumeration
// value (the label of the option it names, part by part for a multi-select).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import type { PropertyCatalog } from './catalog';
import { decodeJsonStringContent, type CursorToken } from './cursor';
import { contactAt, type ParsedDocument } from './payloadModel';
import { choosableOptions, descriptionMarkdown, inlineCode, propertyMarkdown, valueMarkdown } from './propertyDocs';
import { offsetAt, rangeOf, spanEnd } from './ranges';
import { shapeOf } from './shapes';

/** In a batch file, inside the contact at the position. */
export function hover(document: TextDocument, parsed: ParsedDocument, position: Position, catalog: PropertyCatalog): Hover | null {
  const offset = offsetAt(document, position);
  const payload = contactAt(parsed, offset);
  if (!payload) return null;
  const context = shapeOf(payload).cursorContext(payload, offset);
  const token = context?.token;
  // A hover position names the character after it: a caret just past the closing quote is not on the string.
  if (!context || !token?.quoted || offset >= spanEnd(token)) return null;

  const text = stringValue(payload.text, token);
  let markdown: string | undefined;
  if (context.slot.kind === 'propertyName') {
    const definition = catalog.properties.get(text);
    markdown = definition
      ? propertyMarkdown(definition)
      : `${inlineCode(text)} is not in the property catalog (${descriptionMarkdown(catalog.source.description)}).`;
  } else if (context.slot.kind === 'value' && text !== '') {
    const name = context.slot.assignment.name;
    const definition = name === undefined ? undefined : catalog.properties.get(name);
    if (definition && choosableOptions(definition).length > 0) markdown = valueMarkdown(definition, text);
  }
  return markdown === undefined ? null : { contents: { kind: MarkupKind.Markdown, value: markdown }, range: rangeOf(document, token) };
}

/** The value of a string token, also when its closing quote is missing. */
function stringValue(text: string, token: CursorToken): string {
  return decodeJsonStringContent(text.slice(token.offset + 1, token.terminated ? spanEnd(token) - 1 : spanEnd(token)));
}
