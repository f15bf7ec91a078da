// The edit that writes a contact's `vid` into a payload file: the top-level `vid` is replaced, or
// added as the first key, and nothing else in the file changes. No vscode import: the extension's
// "Save vid to file" and the command line's `create --save-vid` both use it.
import { applyEdits, modify, type Edit, type FormattingOptions } from 'jsonc-parser';

export type VidFormatting = Required<Pick<FormattingOptions, 'insertSpaces' | 'tabSize' | 'eol'>>;

/**
 * The edits that set the top-level `vid`. jsonc-parser formats an inserted member with the file's
 * indentation, but for an object written on one line it re-formats the whole object; then the
 * member is inserted as it is, so that no other character of the file changes.
 */
export function vidEdits(text: string, vid: number, formatting: VidFormatting): Edit[] {
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
