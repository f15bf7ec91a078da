// The edit that writes a contact's `vid` into a payload file: the top-level `vid` is replaced, or
// added as the first key, and nothing else in the file changes. No vscode import: the extension's
// "Save vid to file" and the command line's `create --save-vid` both use it.
import { applyEdits, modify, parseTree, type Edit, type FormattingOptions } from 'jsonc-parser';

export type VidFormatting = Required<Pick<FormattingOptions, 'insertSpaces' | 'tabSize' | 'eol'>>;

/**
 * The edits that set the top-level `vid`. jsonc-parser formats an inserted member with the file's
 * indentation, but for an object written on one line it re-formats the whole object; then the
 * member is inserted as it is, so that no other character of the file changes.
 */
export function vidEdits(text: string, vid: number, formatting: VidFormatting): Edit[] {
  if (topLevelVidCount(text) > 1) return withoutDuplicateVids(text, vid, formatting);
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
  return applyEdits(text, vidEdits(text, vid, formattingOf(text)));
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

function topLevelVidCount(text: string): number {
  const root = parseTree(text);
  return root?.type === 'object' ? (root.children ?? []).filter((member) => member.children?.[0]?.value === 'vid').length : 0;
}

/**
 * Several top-level `vid` keys: the last one is what counts when the file is read, but an edit of the
 * first would leave a stale id in force. One `vid` is kept, set to the new id; the result is one edit
 * over the span that changed.
 */
function withoutDuplicateVids(text: string, vid: number, formatting: VidFormatting): Edit[] {
  let result = text;
  while (topLevelVidCount(result) > 1) result = applyEdits(result, modify(result, ['vid'], undefined, { formattingOptions: formatting }));
  result = applyEdits(result, modify(result, ['vid'], vid, { formattingOptions: formatting }));
  let start = 0;
  while (start < text.length && start < result.length && text[start] === result[start]) start++;
  let end = 0;
  while (end < text.length - start && end < result.length - start && text[text.length - 1 - end] === result[result.length - 1 - end]) end++;
  return [{ offset: start, length: text.length - start - end, content: result.slice(start, result.length - end) }];
}
