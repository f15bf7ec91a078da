// An iterative guard against deep nesting. jsonc-parser's parser recurses and overflows the stack
// somewhere between 5 000 and 10 000 levels; JSON.parse does not. Every bracketed region that opens
// deeper than the limit is emptied: its content becomes spaces (line breaks kept, so offsets and lines
// stay put) and its own brackets stay, so valid JSON stays valid.

export interface LimitedText {
  readonly text: string;
  /** The first region that was blanked, if any. */
  readonly cut?: { readonly offset: number; readonly length: number };
}

const OPEN_BRACE = 0x7b, CLOSE_BRACE = 0x7d, OPEN_BRACKET = 0x5b, CLOSE_BRACKET = 0x5d, QUOTE = 0x22, BACKSLASH = 0x5c;

export function limitNesting(text: string, maxDepth: number): LimitedText {
  const chunks: string[] = [];
  let depth = 0;
  let inString = false;
  let keptFrom = 0;
  let cutFrom = -1;
  let firstCut: { offset: number; length: number } | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth === maxDepth + 1) {
        chunks.push(text.slice(keptFrom, i));
        cutFrom = i;
      }
    } else if ((c === CLOSE_BRACE || c === CLOSE_BRACKET) && depth > 0) {
      if (depth-- === maxDepth + 1) {
        chunks.push(emptied(text.slice(cutFrom, i + 1)));
        firstCut ??= { offset: cutFrom, length: i + 1 - cutFrom };
        keptFrom = i + 1;
        cutFrom = -1;
      }
    }
  }
  if (cutFrom !== -1) {
    // The deep region never closes: blank to the end; the parser then reports the missing closers.
    chunks.push(text[cutFrom] + blankOut(text.slice(cutFrom + 1)));
    firstCut ??= { offset: cutFrom, length: text.length - cutFrom };
  } else {
    if (!firstCut) return { text };
    chunks.push(text.slice(keptFrom));
  }
  return { text: chunks.join(''), cut: firstCut };
}

/** `[[1]]` → `[   ]`: the region keeps its brackets, so a value that was valid JSON stays valid. */
function emptied(region: string): string {
  return region[0] + blankOut(region.slice(1, -1)) + region[region.length - 1];
}

function blankOut(region: string): string {
  return region.replace(/[^\r\n]/g, ' ');
}
