import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validateContactPayload } from '../../../server/src/service/contactSchemaValidator';
import { parsePayload, parsePayloadTolerantly } from '../../../server/src/service/payload';
import { parseBatch } from '../../../server/src/service/payload';
import type { ParsedPayload } from '../../../server/src/service/payloadModel';
import { plainlyValid, plainTopLevel, V1_BATCH_RULES, V1_RULES, type StructureRules } from '../../../server/src/service/schemaCheck';
import { OBJECTS_BATCH_RULES, OBJECTS_RULES } from '../../../server/src/service/shapes/objectsStructure';
import { randomBatch, randomPayload, seededRandom } from './randomPayloads';

// checkStructure gives ajv only the entries that plainlyValid does not vouch for: it must never vouch
// for an entry that the schema rejects.
test('an entry taken as plainly valid passes the schema, on random payloads read by both parsers', () => {
  const random = seededRandom(11);
  let vouched = 0;
  for (let run = 0; run < 400; run++) {
    const text = randomPayload(random, 30);
    for (const model of [parsePayload(text), parsePayloadTolerantly(text)]) {
      for (const entry of model.entries) {
        if (!plainlyValid(entry)) continue;
        vouched++;
        const value: unknown = JSON.parse(text.slice(entry.offset, entry.offset + entry.length));
        assert.ok(validateContactPayload({ properties: [value] }), `entry ${entry.index} of ${text}`);
      }
    }
  }
  assert.ok(vouched > 1000, `only ${vouched} entries were plainly valid: the test checks too little`);
});

// The structure checks give ajv no top level that plainTopLevel vouches for (a batch file has 10 000):
// it must never vouch for one the schema rejects.
test('a top level taken as plainly valid passes its schema (properties emptied), for single files and batch contacts', () => {
  const random = seededRandom(21);
  let vouched = 0;
  const rulesFor = (contact: ParsedPayload): StructureRules => {
    const objects = contact.properties?.value?.kind === 'object';
    if (contact.batchIndex === undefined) return objects ? OBJECTS_RULES : V1_RULES;
    return objects ? OBJECTS_BATCH_RULES : V1_BATCH_RULES;
  };
  const check = (contact: ParsedPayload, what: string) => {
    const rules = rulesFor(contact);
    if (!contact.root || !plainTopLevel(contact, rules)) return;
    vouched++;
    const value = JSON.parse(contact.text.slice(contact.root.offset, contact.root.offset + contact.root.length)) as Record<string, unknown>;
    value.properties = contact.properties?.value?.kind === 'object' ? {} : [];
    assert.ok(rules.validate(value), `${what}: ${JSON.stringify(rules.validate.errors)}`);
  };
  for (let run = 0; run < 2000; run++) {
    const single = parsePayload(randomPayload(random, 3));
    if (single.fromPlainJson) check(single, `single ${run}: ${single.text}`);
    const batch = parseBatch(randomBatch(random, 3));
    if (batch.fromPlainJson) for (const contact of batch.contacts) check(contact, `batch ${run}: ${batch.text}`);
  }
  assert.ok(vouched > 500, `the fast path is exercised: only ${vouched} top levels vouched for`);
});
