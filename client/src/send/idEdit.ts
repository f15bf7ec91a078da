// The edit that writes a contact's id into a payload file, under its shape's key (`"vid": 61574` in a
// v1 file, `"id": "61574"` in a CRM objects file, see savedId.ts): that top-level key is replaced, or
// added as the first key, and nothing else in the file changes. No vscode import: the extension's
// "Save id to file" and the command line's `create --save-id` both use it.
import { modify, parseTree, type Edit, type FormattingOptions, type Node as JsonNode } from 'jsonc-parser';
import type { PayloadShapeName } from './payloadBody';
import { SAVED_ID_KEYS, writtenId } from './savedId';

export type IdFormatting = Required<Pick<FormattingOptions, 'insertSpaces' | 'tabSize' | 'eol'>>;

/**
 * The edits that set the shape's top-level id key. jsonc-parser formats an inserted member with the
 * file's indentation, but for an object written on one line it re-formats the whole object; then the
 * member is inserted as it is, so that no other character of the file changes.
 */
export function idEdits(text: string, shape: PayloadShapeName, id: number, formatting: IdFormatting): Edit[] {
  const key = SAVED_ID_KEYS[shape];
  const value = writtenId(shape, id);
  const { members, ids } = topLevelMembers(text, key);
  if (ids.length > 1) return withoutDuplicateIds(members, ids, JSON.stringify(value));
  // First key, so the id reads before the properties it belongs to.
  const formatted = modify(text, [key], value, { formattingOptions: formatting, getInsertionIndex: () => 0 });
  if (formatted.every((edit) => keepsWhatItReplaces(text, edit))) return formatted;
  return modify(text, [key], value, { getInsertionIndex: () => 0 });
}

/**
 * The whole text with the id set, for a file read from disk (without its byte order mark): the
 * line ends and indentation are the file's own. Throws when the top level is not an object.
 */
export function withId(text: string, shape: PayloadShapeName, id: number): string {
  return withEdits(text, idEdits(text, shape, id, formattingOf(text)));
}

/** The edits (which never overlap) applied in one pass: jsonc-parser's applyEdits copies the whole text once per edit. */
export function withEdits(text: string, edits: readonly Edit[]): string {
  let result = '';
  let copiedUpTo = 0;
  for (const edit of [...edits].sort((a, b) => a.offset - b.offset)) {
    result += text.slice(copiedUpTo, edit.offset) + edit.content;
    copiedUpTo = edit.offset + edit.length;
  }
  return result + text.slice(copiedUpTo);
}

/** The indentation and line end a file already uses: the first indented line decides. */
export function formattingOf(text: string): IdFormatting {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indent = /^([ \t]+)\S/m.exec(text)?.[1];
  if (indent?.startsWith('\t')) return { insertSpaces: false, tabSize: 4, eol };
  return { insertSpaces: true, tabSize: indent ? indent.length : 2, eol };
}

/** True when the replaced text survives at the start or end of the new content (a pure insertion around it). */
function keepsWhatItReplaces(text: string, edit: Edit): boolean {
  const replaced = text.slice(edit.offset, edit.offset + edit.length);
  return edit.content.startsWith(replaced) || edit.content.endsWith(replaced);
}

/** The members of the top-level object, and the indexes of those named `key`: one parse. */
function topLevelMembers(text: string, key: string): { readonly members: readonly JsonNode[]; readonly ids: readonly number[] } {
  const root = parseTree(text);
  const members = root?.type === 'object' ? (root.children ?? []) : [];
  return { members, ids: members.flatMap((member, index) => (member.children?.[0]?.value === key ? [index] : [])) };
}

/**
 * Several top-level id keys: the last one is what counts when the file is read, but an edit of the
 * first would leave a stale id in force. The last is kept and set to the new id (`json`, as written);
 * each other one goes with the comma that separates it. All from the one parse: a file can hold
 * thousands of them.
 */
function withoutDuplicateIds(members: readonly JsonNode[], ids: readonly number[], json: string): Edit[] {
  const keptValue = members[ids[ids.length - 1] ?? -1]?.children?.[1];
  if (!keptValue) throw new Error('The last saved id has no value.');
  const removed = new Set(ids.slice(0, -1));
  const end = (node: JsonNode) => node.offset + node.length;
  const edits: Edit[] = [];
  // Ids that open the object go, with their commas, up to the first member that stays.
  let firstKept = 0;
  while (removed.has(firstKept)) firstKept++;
  const [first] = members;
  const stays = members[firstKept];
  if (first && stays && firstKept > 0) edits.push({ offset: first.offset, length: stays.offset - first.offset, content: '' });
  // A later one goes with the comma before it: from the end of the member before it.
  for (let index = firstKept + 1; index < members.length; index++) {
    const member = members[index];
    const before = members[index - 1];
    if (member && before && removed.has(index)) edits.push({ offset: end(before), length: end(member) - end(before), content: '' });
  }
  edits.push({ offset: keptValue.offset, length: keptValue.length, content: json });
  return edits;
}
