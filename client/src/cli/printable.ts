// Text from a payload file reaches the terminal in source lines and in messages (a property name is
// quoted in them). Control characters would break the one-line format or, like ESC, drive the
// terminal; each is shown as its Unicode control picture (␀, ␊, ␛…), one column wide like the
// character it stands for, so columns still line up.

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f]/g;

/** Tabs are kept: they are layout, and the marker under a source line copies them. */
export function printable(text: string): string {
  return text.replace(CONTROL, (character) => String.fromCharCode(character === '\u007f' ? 0x2421 : 0x2400 + character.charCodeAt(0)));
}
