import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validateContactPayload } from '../../../server/src/service/contactSchemaValidator';
import { parsePayload, parsePayloadTolerantly } from '../../../server/src/service/payload';
import { plainlyValid } from '../../../server/src/service/schemaCheck';
import { randomPayload, seededRandom } from './randomPayloads';

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
