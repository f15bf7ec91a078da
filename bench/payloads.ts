// Benchmark payloads: `*.contact.json` texts of any size with realistic names and values, about 5 % of
// the entries invalid in ways both servers can see, laid out as JSON.stringify(…, null, 2) writes
// them (the shape tools and people produce). Deterministic for a given size, so runs compare.
import { seededRandom, type Random } from '../test/unit/service/randomPayloads';
import type { Position, Range } from 'vscode-languageserver-protocol';
import { bundledDefaultCatalog } from '../server/src/service/catalog';

/** Share of entries made invalid. */
const INVALID_SHARE = 0.05;
/** Edits and completions per size. */
export const SAMPLES = 20;

export interface ValueEdit {
  readonly range: Range;
  readonly text: string;
}

export interface GeneratedPayload {
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
}

type Entry = Record<string, unknown>;

/** The ways an entry is made invalid; each is an error for our server and a schema violation for the peer. */
const INVALID_KINDS: readonly ((name: string, random: Random) => Entry)[] = [
  (name) => ({ property: name }), // no value
  (_, random) => ({ property: 'email', value: `${pick(random, FIRST_NAMES).toLowerCase()}.${pick(random, LAST_NAMES).toLowerCase()}@` }),
  (_, random) => ({ property: 'lifecyclestage', value: pick(random, ['Lead', 'Marketing Qualified Lead', 'Customer', 'Sales Qualified Lead']) }),
  (name, random) => ({ property: name, value: { text: pick(random, COMPANIES) } }), // an object as a value
  (_, random) => ({ property: 'closedate', value: `2024-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 10)}T09:30:00Z` }),
  (name, random) => ({ property: name, value: valueFor(name, random), timestamp: 'yesterday' }),
];

export function generatePayload(entryCount: number): GeneratedPayload {
  const random = seededRandom(entryCount);
  const invalidEntries = chooseInvalid(entryCount, random);
  const lines = ['{', '  "properties": ['];
  /** First line of each entry; an entry runs to the line before the next one's first line. */
  const entryStartLines: number[] = [];
  const editableValues: { line: number; character: number; initialValue: string; name: string }[] = [];
  const optionValues: { line: number; character: number; length: number }[] = [];
  let invalidKind = 0;
  for (let index = 0; index < entryCount; index++) {
    const name = NAMES[index % NAMES.length];
    const entry = invalidEntries.has(index) ? INVALID_KINDS[invalidKind++ % INVALID_KINDS.length](name, random) : { property: name, value: valueFor(name, random) };
    const block = JSON.stringify(entry, null, 2).split('\n').map((line) => `    ${line}`);
    if (index < entryCount - 1) block[block.length - 1] += ',';
    entryStartLines.push(lines.length);
    if (!invalidEntries.has(index) && typeof entry.value === 'string') {
      const valueLine = block.findIndex((line) => line.startsWith('      "value": "'));
      const location = { line: lines.length + valueLine, character: '      "value": "'.length, length: JSON.stringify(entry.value).length - 2 };
      if (EDITABLE.has(name)) editableValues.push({ line: location.line, character: location.character, initialValue: JSON.stringify(entry.value).slice(1, -1), name });
      if (name === 'lifecyclestage') optionValues.push(location);
    }
    lines.push(...block);
  }
  lines.push('  ]', '}', '');
  const lastEntryLine = lines.length - 4;

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

// ── Realistic names and values ────────────────────────────────────────────────────────────────────

/** Writable default properties, in the order a person fills a contact in; a long file repeats them. */
const NAMES = [
  'email', 'firstname', 'lastname', 'phone', 'company', 'jobtitle', 'lifecyclestage', 'city', 'country', 'website',
  'hs_lead_status', 'mobilephone', 'address', 'state', 'zip', 'industry', 'numemployees', 'annualrevenue', 'closedate',
  'salutation', 'date_of_birth', 'twitterhandle', 'hs_linkedin_url', 'seniority', 'school', 'degree', 'field_of_study',
  'associatedcompanyid', 'message', 'work_email',
];
/** Free-text properties whose values the edits change. */
const EDITABLE = new Set(['firstname', 'lastname', 'city', 'company', 'jobtitle', 'address']);

const FIRST_NAMES = ['Ada', 'Grace', 'Alan', 'Katherine', 'Linus', 'Margaret', 'Edsger', 'Barbara', 'Donald', 'Frances', 'Ken', 'Radia', 'Tim', 'Hedy', 'Dennis', 'Sophie'];
const LAST_NAMES = ['Lovelace', 'Hopper', 'Turing', 'Johnson', 'Torvalds', 'Hamilton', 'Dijkstra', 'Liskov', 'Knuth', 'Allen', 'Thompson', 'Perlman', 'Berners-Lee', 'Lamarr', 'Ritchie', 'Wilson'];
const COMPANIES = ['Acme Corp', 'Globex', 'Initech', 'Umbrella GmbH', 'Stark Industries', 'Wayne Enterprises', 'Hooli', 'Pied Piper', 'Vandelay Industries', 'Soylent SA'];
const CITIES = ['Boston', 'Dublin', 'Berlin', 'São Paulo', 'Singapore', 'Nairobi', 'Toronto', 'Kraków', 'Lyon', 'Osaka'];
const COUNTRIES = ['United States', 'Ireland', 'Germany', 'Brazil', 'Singapore', 'Kenya', 'Canada', 'Poland', 'France', 'Japan'];
const JOB_TITLES = ['VP Engineering', 'Head of Growth', 'Account Executive', 'CTO', 'Marketing Manager', 'Data Analyst', 'Office Manager'];
const INDUSTRIES = ['Computer Software', 'Financial Services', 'Hospital & Health Care', 'Retail', 'Logistics and Supply Chain'];

function valueFor(name: string, random: Random): string {
  const first = pick(random, FIRST_NAMES);
  const last = pick(random, LAST_NAMES);
  switch (name) {
    case 'email':
    case 'work_email': return `${first}.${last}${Math.floor(random() * 1000)}@example.com`.toLowerCase();
    case 'firstname': return first;
    case 'lastname': return last;
    case 'salutation': return pick(random, ['Dr.', 'Ms.', 'Mr.', 'Mx.']);
    case 'phone':
    case 'mobilephone': return `+1 617-555-${String(Math.floor(random() * 10_000)).padStart(4, '0')}`;
    case 'company': return pick(random, COMPANIES);
    case 'jobtitle':
    case 'seniority': return pick(random, JOB_TITLES);
    case 'city': return pick(random, CITIES);
    case 'country': return pick(random, COUNTRIES);
    case 'state': return pick(random, ['MA', 'CA', 'NY', 'Leinster', 'Bavaria']);
    case 'zip': return String(10_000 + Math.floor(random() * 89_999));
    case 'address': return `${1 + Math.floor(random() * 400)} ${pick(random, ['Main Street', 'Harbour Road', 'Elm Avenue', 'Rua Augusta'])}`;
    case 'website': return `https://www.${pick(random, COMPANIES).toLowerCase().replace(/\W+/g, '')}.example`;
    case 'industry': return pick(random, INDUSTRIES);
    case 'annualrevenue': return String(Math.floor(random() * 50) * 100_000);
    case 'closedate': return String(1_700_000_000_000 + Math.floor(random() * 1e10));
    case 'date_of_birth': return `19${60 + Math.floor(random() * 40)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 10)}`;
    case 'twitterhandle': return `@${first.toLowerCase()}_${last.toLowerCase()}`;
    case 'hs_linkedin_url': return `https://www.linkedin.com/in/${first.toLowerCase()}-${last.toLowerCase()}`;
    case 'associatedcompanyid': return String(Math.floor(random() * 1e9));
    case 'school': return pick(random, ['MIT', 'Trinity College Dublin', 'TU München', 'USP']);
    case 'degree': return pick(random, ['BSc', 'MSc', 'PhD', 'MBA']);
    case 'field_of_study': return pick(random, ['Computer Science', 'Mathematics', 'Economics']);
    case 'message': return `Met ${first} at the ${pick(random, CITIES)} meetup; follow up about pricing.`;
    default: return optionValueFor(name, random) ?? `${first} ${last}`;
  }
}

/** A valid option value for enumerations (lifecyclestage, hs_lead_status, numemployees), from the bundled catalog. */
function optionValueFor(name: string, random: Random): string | undefined {
  const options = bundledDefaultCatalog().properties.get(name)?.options;
  return options && options.length > 0 ? pick(random, options).value : undefined;
}


function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}
