// Benchmark payloads: `*.contact.json` texts of any size with realistic names and values, about 5 % of
// the entries invalid in ways both servers can see, laid out as JSON.stringify(…, null, 2) writes
// them (the shape tools and people produce). Deterministic for a given size and shape, so runs compare.
// Two shapes: the v1 body (an array of {"property", "value"} entries, the 30 names repeated) and the
// CRM objects body (bench/objectsPayloads.ts: one member per property, every name distinct).
import { seededRandom, type Random } from '../test/unit/service/randomPayloads';
import type { Position, Range } from 'vscode-languageserver-protocol';
import type { CatalogParams } from '../server/src/protocol';
import { objectsLayout } from './objectsPayloads';
import { COMPANIES, EDITABLE, FIRST_NAMES, LAST_NAMES, NAMES, pick, valueFor } from './payloadValues';

/** Share of entries made invalid. */
const INVALID_SHARE = 0.05;
/** Edits and completions per size. */
export const SAMPLES = 20;

/** The single-file bodies, and batch files of either form (bench/batchPayloads.ts). */
export type BenchShape = 'v1' | 'objects' | 'batch-objects' | 'batch-v1';
export const BENCH_SHAPES: readonly BenchShape[] = ['v1', 'objects', 'batch-objects', 'batch-v1'];

export function isBatchShape(shape: BenchShape): shape is 'batch-objects' | 'batch-v1' {
  return shape.startsWith('batch-');
}

export interface ValueEdit {
  readonly range: Range;
  readonly text: string;
}

export interface GeneratedPayload {
  readonly shape: BenchShape;
  readonly text: string;
  readonly entryCount: number;
  /** Indexes of the entries made invalid. */
  readonly invalidEntries: ReadonlySet<number>;
  /** The entry (index) that the given zero-based line belongs to, or undefined outside entries. */
  entryOnLine(line: number): number | undefined;
  /** Single-value edits on valid entries, spread over the document, to be applied in order. */
  readonly edits: readonly ValueEdit[];
  /** Cursor positions inside option values (lifecyclestage), spread over the document. */
  readonly completionPositions: readonly Position[];
  /** The portal's properties, for our server before the file opens; undefined: the bundled defaults serve. */
  readonly catalog?: CatalogParams;
}

/** One entry as the shape writes it. */
export interface WrittenEntry {
  /** The property (as in the catalog's defaults) whose values it holds: what edits and completions look for. */
  readonly base: string;
  /** The property name as the file writes it. */
  readonly name: string;
  /** Its lines, indented, without the comma that separates it from the next. */
  readonly lines: string[];
  /** Where its value's string content starts, when the value is a string: line within `lines`, character. */
  readonly stringValueAt?: { readonly line: number; readonly character: number };
  readonly value: unknown;
}

/** What differs between the shapes: the lines around the entries, and how an entry is written. */
export interface PayloadLayout {
  readonly head: readonly string[];
  readonly tail: readonly string[];
  /** Entry `index`, valid, or invalid in the `invalidKind`-th way (the layout cycles through its ways). */
  entry(index: number, invalidKind: number | undefined, random: Random): WrittenEntry;
  /** Called once all entries are written, for the catalog they need. */
  catalog?(entries: readonly WrittenEntry[]): CatalogParams;
}

type Entry = Record<string, unknown>;

/** The ways a v1 entry is made invalid; each is an error for our server and a schema violation for the peer. */
const V1_INVALID_KINDS: readonly ((name: string, random: Random) => Entry)[] = [
  (name) => ({ property: name }), // no value
  (_, random) => ({ property: 'email', value: `${pick(random, FIRST_NAMES).toLowerCase()}.${pick(random, LAST_NAMES).toLowerCase()}@` }),
  (_, random) => ({ property: 'lifecyclestage', value: pick(random, ['Lead', 'Marketing Qualified Lead', 'Customer', 'Sales Qualified Lead']) }),
  (name, random) => ({ property: name, value: { text: pick(random, COMPANIES) } }), // an object as a value
  (_, random) => ({ property: 'closedate', value: `2024-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 10)}T09:30:00Z` }),
  (name, random) => ({ property: name, value: valueFor(name, random), timestamp: 'yesterday' }),
];

const V1_VALUE_PREFIX = '      "value": "';

const v1Layout: PayloadLayout = {
  head: ['{', '  "properties": ['],
  tail: ['  ]', '}', ''],
  entry(index, invalidKind, random) {
    const name = NAMES[index % NAMES.length];
    const entry = invalidKind === undefined ? { property: name, value: valueFor(name, random) } : V1_INVALID_KINDS[invalidKind % V1_INVALID_KINDS.length](name, random);
    const lines = JSON.stringify(entry, null, 2).split('\n').map((line) => `    ${line}`);
    const valueLine = lines.findIndex((line) => line.startsWith(V1_VALUE_PREFIX));
    const stringValueAt = typeof entry.value === 'string' ? { line: valueLine, character: V1_VALUE_PREFIX.length } : undefined;
    return { base: String(entry.property), name: String(entry.property), lines, stringValueAt, value: entry.value };
  },
};

const LAYOUTS: Readonly<Record<'v1' | 'objects', PayloadLayout>> = { v1: v1Layout, objects: objectsLayout };

export function generatePayload(entryCount: number, shape: 'v1' | 'objects' = 'v1'): GeneratedPayload {
  const layout = LAYOUTS[shape];
  const random = seededRandom(entryCount);
  const invalidEntries = chooseInvalid(entryCount, random);
  const lines = [...layout.head];
  /** First line of each entry; an entry runs to the line before the next one's first line. */
  const entryStartLines: number[] = [];
  const written: WrittenEntry[] = [];
  const editableValues: { line: number; character: number; initialValue: string; name: string }[] = [];
  const optionValues: { line: number; character: number; length: number }[] = [];
  let invalidKind = 0;
  for (let index = 0; index < entryCount; index++) {
    const entry = layout.entry(index, invalidEntries.has(index) ? invalidKind++ : undefined, random);
    written.push(entry);
    const block = [...entry.lines];
    if (index < entryCount - 1) block[block.length - 1] += ',';
    entryStartLines.push(lines.length);
    if (!invalidEntries.has(index) && entry.stringValueAt) {
      const escaped = JSON.stringify(entry.value).slice(1, -1);
      const location = { line: lines.length + entry.stringValueAt.line, character: entry.stringValueAt.character, length: escaped.length };
      if (EDITABLE.has(entry.base)) editableValues.push({ line: location.line, character: location.character, initialValue: escaped, name: entry.base });
      if (entry.base === 'lifecyclestage') optionValues.push(location);
    }
    lines.push(...block);
  }
  lines.push(...layout.tail);
  const lastEntryLine = lines.length - layout.tail.length - 1;

  // A value edited twice is replaced where it now ends: edits stay on their own line, so they never move one another.
  const currentValue = new Map<number, string>();
  const edits = cycle(spread(editableValues, SAMPLES), SAMPLES).map(({ line, character, initialValue, name }): ValueEdit => {
    const current = currentValue.get(line) ?? initialValue;
    let text = JSON.stringify(valueFor(name, random)).slice(1, -1);
    if (text === current) text += 'a'; // an edit that changes nothing is no edit
    const end = character + current.length;
    currentValue.set(line, text);
    return { range: { start: { line, character }, end: { line, character: end } }, text };
  });
  const completionPositions = cycle(spread(optionValues, SAMPLES), SAMPLES).map(({ line, character, length }) => ({ line, character: character + length }));
  return {
    shape,
    text: lines.join('\n'),
    entryCount,
    invalidEntries,
    entryOnLine(line) {
      if (line < entryStartLines[0] || line > lastEntryLine) return undefined;
      let low = 0;
      let high = entryStartLines.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (entryStartLines[mid] <= line) low = mid;
        else high = mid - 1;
      }
      return low;
    },
    edits,
    completionPositions,
    catalog: layout.catalog?.(written),
  };
}

/** About 5 % of the entries, at least one, spread evenly with some jitter; never the first (it is the email). */
function chooseInvalid(entryCount: number, random: Random): Set<number> {
  const count = Math.max(1, Math.round(entryCount * INVALID_SHARE));
  const stride = entryCount / count;
  const chosen = new Set<number>();
  for (let k = 0; k < count; k++) chosen.add(Math.min(entryCount - 1, Math.max(1, Math.floor(k * stride + random() * stride))));
  return chosen;
}

/** The items repeated in order up to `count` (a small document has fewer places than samples). */
function cycle<T>(items: readonly T[], count: number): T[] {
  return items.length === 0 ? [] : Array.from({ length: count }, (_, k) => items[k % items.length]);
}

/** `count` items taken evenly from the whole list (all of them when there are fewer). */
function spread<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  return Array.from({ length: count }, (_, k) => items[Math.floor(((k + 0.5) * items.length) / count)]);
}
