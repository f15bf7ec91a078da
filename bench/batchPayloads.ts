// Batch files for the benchmark (`*.contacts.json`): contacts of 10 values each — the first ten
// default properties, every contact its own email — in the CRM objects form `{"inputs": [...]}` or v1's
// `[...]`, laid out as JSON.stringify(…, null, 2) writes them. About 5 % of the values are invalid in
// ways both servers see (an address without its domain, an option's label for its value); a
// 100 000-value file is 10 000 contacts. Same interface as the single-file payloads (payloads.ts).
import type { Position } from 'vscode-languageserver-protocol';
import { seededRandom } from '../test/unit/service/randomPayloads';
import { SAMPLES, type GeneratedPayload, type ValueEdit } from './payloads';
import { EDITABLE, NAMES, pick, valueFor } from './payloadValues';

export type BatchForm = 'objects' | 'v1';
export const VALUES_PER_CONTACT = 10;
const CONTACT_NAMES = NAMES.slice(0, VALUES_PER_CONTACT);
const INVALID_SHARE = 0.05;

/** `valueCount`: the values of the whole file (contacts × 10). */
export function generateBatchPayload(valueCount: number, form: BatchForm): GeneratedPayload {
  const random = seededRandom(valueCount + (form === 'v1' ? 1 : 0));
  const contacts = Math.max(1, Math.round(valueCount / VALUES_PER_CONTACT));
  const lines = form === 'objects' ? ['{', '  "inputs": ['] : ['['];
  const indent = form === 'objects' ? '    ' : '  ';
  const invalidEntries = new Set<number>();
  /** Per value: its line; a value is one line in both forms. */
  const valueLines: number[] = [];
  const editable: { line: number; character: number; value: string; name: string }[] = [];
  const optionValues: { line: number; character: number }[] = [];
  for (let contact = 0; contact < contacts; contact++) {
    const values = CONTACT_NAMES.map((name) => ({ name, value: name === 'email' ? `person${contact}.${valueFor(name, random)}` : valueFor(name, random) }));
    const block = JSON.stringify({ properties: Object.fromEntries(values.map(({ name, value }) => [name, value])) }, null, 2).split('\n');
    // v1 entries one to a line, as the examples write them.
    const written = form === 'objects' ? block : ['{', '  "properties": [', ...values.map(({ name, value }, k) => `    { "property": ${JSON.stringify(name)}, "value": ${JSON.stringify(value)} }${k < values.length - 1 ? ',' : ''}`), '  ]', '}'];
    const firstValueLine = lines.length + 2;
    values.forEach(({ name, value }, k) => {
      const index = contact * VALUES_PER_CONTACT + k;
      const line = firstValueLine + k;
      valueLines.push(line);
      const text = `${indent}${written[2 + k]}`;
      const character = text.indexOf(JSON.stringify(value)) + 1;
      // Two of the ten names can be made invalid: each is, a quarter of the time, so about 5 % of all values are.
      if ((name === 'email' || name === 'lifecyclestage') && random() < (INVALID_SHARE * VALUES_PER_CONTACT) / 2) {
        invalidEntries.add(index);
        const bad = name === 'email' ? value.replace(/@.*$/, '@') : pick(random, ['Lead', 'Customer', 'Marketing Qualified Lead']);
        written[2 + k] = written[2 + k].replace(JSON.stringify(value), JSON.stringify(bad));
        return;
      }
      if (EDITABLE.has(name)) editable.push({ line, character, value, name });
      if (name === 'lifecyclestage') optionValues.push({ line, character: character + value.length });
    });
    const contactLines = written.map((line) => `${indent}${line}`);
    if (contact < contacts - 1) contactLines[contactLines.length - 1] += ',';
    lines.push(...contactLines);
  }
  lines.push(...(form === 'objects' ? ['  ]', '}', ''] : [']', '']));

  const edits = spread(editable, SAMPLES).map(({ line, character, value, name }): ValueEdit => {
    let text = valueFor(name, random);
    if (text === value) text += 'a';
    return { range: { start: { line, character }, end: { line, character: character + value.length } }, text };
  });
  const completionPositions: Position[] = spread(optionValues, SAMPLES);
  const lineToValue = new Map(valueLines.map((line, index) => [line, index]));
  return {
    shape: form === 'objects' ? 'batch-objects' : 'batch-v1',
    text: lines.join('\n'),
    entryCount: valueLines.length,
    invalidEntries,
    entryOnLine: (line) => lineToValue.get(line),
    edits,
    completionPositions,
  };
}

/** `count` items taken evenly from the whole list, each once (edits must not overlap one another). */
function spread<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  return Array.from({ length: count }, (_, k) => items[Math.floor(((k + 0.5) * items.length) / count)]);
}
