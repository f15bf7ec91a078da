// The edit that writes a contact's `vid` into a payload file: the top-level `vid` is replaced, or
// added as the first key, and nothing else in the file changes. No vscode import: the extension's
// "Save vid to file" and the command line's `create --save-vid` both use it.
import { modify, parseTree, type Edit, type FormattingOptions, type Node as JsonNode } from 'jsonc-parser';

export type VidFormatting = Required<Pick<FormattingOptions, 'insertSpaces' | 'tabSize' | 'eol'>>;

/**
 * The edits that set the top-level `vid`. jsonc-parser formats an inserted member with the file's
 * indentation, but for an object written on one line it re-formats the whole object; then the
 * member is inserted as it is, so that no other character of the file changes.
 */
export function vidEdits(text: string, vid: number, formatting: VidFormatting): Edit[] {
  const { members, vids } = topLevelMembers(text);
  if (vids.length > 1) return withoutDuplicateVids(members, vids, vid);
  // First key, so the id reads before the properties it belongs to.
  const formatted = modify(text, ['vid'], vid, { formattingOptions: formatting, getInsertionIndex: () => 0 });
  if (formatted.every((edit) => keepsWhatItReplaces(text, edit))) return formatted;
  return modify(text, ['vid'], vid, { getInsertionIndex: () => 0 });
}

/**
 * The whole text with the vid set, for a file read from disk (without its byte order mark): the
 * line ends and indentation are the file's own. Throws when the top level is not an object.
 */
export function withVid(text: string, vid: number): string {
  return applied(text, vidEdits(text, vid, formattingOf(text)));
}

/** The edits (which never overlap) applied in one pass: jsonc-parser's applyEdits copies the whole text once per edit. */
function applied(text: string, edits: readonly Edit[]): string {
  let result = '';
  let copiedUpTo = 0;
  for (const edit of [...edits].sort((a, b) => a.offset - b.offset)) {
    result += text.slice(copiedUpTo, edit.offset) + edit.content;
    copiedUpTo = edit.offset + edit.length;
  }
  return result + text.slice(copiedUpTo);
}

/** The indentation and line end a file already uses: the first indented line decides. */
export function formattingOf(text: string): VidFormatting {
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

/** The members of the top-level object, and the indexes of those named `vid`: one parse. */
function topLevelMembers(text: string): { readonly members: readonly JsonNode[]; readonly vids: readonly number[] } {
  const root = parseTree(text);
  const members = root?.type === 'object' ? (root.children ?? []) : [];
  return { members, vids: members.flatMap((member, index) => (member.children?.[0]?.value === 'vid' ? [index] : [])) };
}

/**
 * Several top-level `vid` keys: the last one is what counts when the file is read, but an edit of the
 * first would leave a stale id in force. The last is kept and set to the new id; each other one goes
 * with the comma that separates it. All from the one parse: a file can hold thousands of them.
 */
function withoutDuplicateVids(members: readonly JsonNode[], vids: readonly number[], vid: number): Edit[] {
  const keptValue = members[vids[vids.length - 1] ?? -1]?.children?.[1];
  if (!keptValue) throw new Error('The last "vid" has no value.');
  const removed = new Set(vids.slice(0, -1));
  const end = (node: JsonNode) => node.offset + node.length;
  const edits: Edit[] = [];
  // Vids that open the object go, with their commas, up to the first member that stays.
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
  edits.push({ offset: keptValue.offset, length: keptValue.length, content: String(vid) });
  return edits;
}
