// Text that comes from the portal (labels, descriptions, option labels) reaches hovers, completion
// items and messages. A portal may hold anything there, so it is cut to what a person reads before it
// is shown: a 100 000-character label would otherwise travel in every completion item.

export const MAX_LABEL_LENGTH = 200;
export const MAX_DESCRIPTION_LENGTH = 2_000;

/** The text, or its first `max` UTF-16 code units ending in "…" (never half a surrogate pair). */
export function shortened(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}
