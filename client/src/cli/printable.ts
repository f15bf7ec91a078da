// Text from a payload file and the names of files reach terminals and CI logs: in source lines, in
// messages (a property name is quoted in them) and as paths. Characters that would break the
// one-line format, drive the terminal (ESC, and the C1 controls such as U+009B, a one-character
// ESC [) or reorder what is shown (the bidirectional overrides of "Trojan Source", CVE-2021-42574)
// are shown visibly instead. C0 controls become their Unicode control picture (␀, ␊, ␛…), one
// column wide like the character they stand for; the others have no picture and are written as
// <U+202E>, the way git quotes odd file names rather than print them.

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const C0_CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f]/g;
/** C1 controls, bidirectional marks, embeddings, overrides and isolates, and the Unicode line and paragraph separators. */
const UNPICTURED = /[\u0080-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Tabs are kept: they are layout, and the marker under a source line copies them. */
export function printable(text: string): string {
  return text
    .replace(C0_CONTROL, (character) => String.fromCharCode(character === '\u007f' ? 0x2421 : 0x2400 + character.charCodeAt(0)))
    .replace(UNPICTURED, (character) => `<U+${hex(character)}>`);
}

/**
 * A file name or a command-line argument as printed. Tabs are shown too: in a name they are not
 * layout. A name that starts with `::` gets `./` before it: at the start of a line (leading blanks
 * aside), GitHub Actions runs `::warning …::` and the like as a workflow command.
 */
export function printablePath(name: string): string {
  const shown = printable(name).replaceAll('\t', '\u2409');
  return shown.trimStart().startsWith('::') ? `./${shown}` : shown;
}

/**
 * JSON as printed. JSON.stringify escapes the C0 controls but writes C1 controls, bidirectional
 * overrides and line separators as they are; here they are escaped too (`\u202e`). They can only
 * occur inside strings, and an escape there leaves the value the same.
 */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(UNPICTURED, (character) => `\\u${hex(character).toLowerCase()}`);
}

function hex(character: string): string {
  return character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
}
