// The CRM objects body for the benchmark, `{"properties": {"email": "…", "firstname_31": "…"}}`: one
// member per property, so a file of 100 000 members names 100 000 distinct properties. The first 30
// are HubSpot's defaults (payloadValues NAMES); past them, and for every invalid member, the name is
// the default's followed by `_` and the member's index (`lifecyclestage_4506`), which no two members
// share. Those are the portal's custom properties, each a copy of its default's definition (type,
// options): our server is given that catalog, and the peer's schema gives the same rules to the same
// names by pattern (bench/peerSchema.ts).
import { bundledDefaultCatalog, type PropertyDefinition } from '../server/src/service/catalog';
import type { Random } from '../test/unit/service/randomPayloads';
import type { PayloadLayout, WrittenEntry } from './payloads';
import { COMPANIES, FIRST_NAMES, NAMES, pick, valueFor } from './payloadValues';

interface Member {
  readonly base: string;
  readonly value: unknown;
}

/**
 * The ways a member is made invalid, one for each of the v1 generator's, in its order; each is an error
 * for our server and a schema violation for the peer. Where the v1 way cannot be written in this shape
 * or is no longer wrong, the nearest one that is takes its place:
 * - v1's entry without a value: a member always has one; an array as the value instead;
 * - v1's bad email: only `email` itself is checked as an address, and it is one member; a number
 *   property with thousands separators instead (HubSpot answers 400 to both);
 * - v1's ISO closedate: the CRM objects API accepts ISO 8601; a date-time without its time zone instead;
 * - v1's `timestamp` on the entry: members have no such key; an option's label on hs_lead_status instead.
 */
const INVALID_KINDS: readonly ((base: string, random: Random) => Member)[] = [
  (base, random) => ({ base, value: [pick(random, FIRST_NAMES), pick(random, FIRST_NAMES)] }),
  (_, random) => ({ base: 'associatedcompanyid', value: (1_000_000 + Math.floor(random() * 1e9)).toLocaleString('en-US') }),
  (_, random) => ({ base: 'lifecyclestage', value: pick(random, ['Lead', 'Marketing Qualified Lead', 'Customer', 'Sales Qualified Lead']) }),
  (base, random) => ({ base, value: { text: pick(random, COMPANIES) } }), // an object as a value
  (_, random) => ({ base: 'closedate', value: `2024-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 10)}T09:30:00` }),
  (_, random) => ({ base: 'hs_lead_status', value: pick(random, ['New', 'In Progress', 'Open Deal', 'Attempted to Contact']) }),
];

const MEMBER_INDENT = '    ';

export const objectsLayout: PayloadLayout = {
  head: ['{', '  "properties": {'],
  tail: ['  }', '}', ''],
  entry(index, invalidKind, random): WrittenEntry {
    const base = NAMES[index % NAMES.length];
    const member = invalidKind === undefined ? { base, value: valueFor(base, random) } : INVALID_KINDS[invalidKind % INVALID_KINDS.length](base, random);
    const key = memberName(index, member.base);
    const start = `${MEMBER_INDENT}${JSON.stringify(key)}: `;
    const lines = `${start}${JSON.stringify(member.value, null, 2)}`.split('\n').map((line, k) => (k === 0 ? line : `${MEMBER_INDENT}${line}`));
    const stringValueAt = typeof member.value === 'string' ? { line: 0, character: start.length + 1 } : undefined;
    return { base: member.base, name: key, lines, stringValueAt, value: member.value };
  },
  catalog(entries) {
    const defaults = bundledDefaultCatalog().properties;
    const custom = entries.flatMap(({ base, name }): PropertyDefinition[] => {
      const definition = defaults.get(base)!;
      return name === base ? [] : [{ ...definition, name, label: `${definition.label} (${name.slice(base.length + 1)})` }];
    });
    return { source: { kind: 'portal', description: `a portal of ${defaults.size + custom.length} properties` }, properties: [...defaults.values(), ...custom] };
  },
};

/** The default's own name for the first 30 members that hold their default; `${base}_${index}` otherwise, unique by the index. */
function memberName(index: number, base: string): string {
  return index < NAMES.length && NAMES[index] === base ? base : `${base}_${index}`;
}
