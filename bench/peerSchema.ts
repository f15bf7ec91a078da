// The JSON Schemas the peer (VS Code's JSON language server) validates the benchmark payloads with:
// our payload schema, plus the catalog's value rules for the properties the generator makes invalid,
// written as JSON Schema. With them the peer diagnoses every invalid entry the generator writes, as ours does.
// v1: email format, lifecyclestage option values, closedate as epoch milliseconds, as if/then on the
// entry's `property`; `enumerations`: more enumerations whose option values are checked the same way
// (the hostile documents).
// CRM objects: the same rules by name, as patternProperties on `properties`, for each default and its
// portal copies (`lifecyclestage_4506`, bench/objectsPayloads.ts), with dates as that API reads them.
import payloadSchema from '../schemas/contact.schema.json';
import objectsPayloadSchema from '../schemas/contact-objects.schema.json';
import { bundledDefaultCatalog } from '../server/src/service/catalog';
import type { BenchShape } from './payloads';

const optionValues = (name: string) => (bundledDefaultCatalog().properties.get(name)?.options ?? []).map((option) => option.value);
/** An empty string clears a property: allowed, as our server allows it. */
const optionRule = (name: string) => ({ enum: ['', ...optionValues(name)] });
const EMAIL_RULE = { type: 'string', format: 'email' };
const EPOCH_MS = '-?\\d+';

export function peerSchema(shape: BenchShape, enumerations: readonly string[] = []): Record<string, unknown> {
  switch (shape) {
    case 'v1': return v1PeerSchema(enumerations);
    case 'objects': return objectsPeerSchema();
    case 'batch-objects': return { type: 'object', required: ['inputs'], properties: { inputs: listOf(objectsPeerSchema()) }, definitions: objectsPeerSchema().definitions };
    case 'batch-v1': {
      const contact = v1PeerSchema(enumerations);
      const properties = { ...(contact.properties as Record<string, unknown>), email: { type: 'string' } };
      return { ...listOf({ ...contact, properties }), definitions: contact.definitions };
    }
  }
}

/**
 * A batch file's list of contacts, each checked with a single file's schema (its own keys only: the
 * `definitions` it refers to are hoisted to the root by the caller, where `#/definitions/…` finds them).
 */
function listOf(contactSchema: Record<string, unknown>): Record<string, unknown> {
  const contact = Object.fromEntries(Object.entries(contactSchema).filter(([key]) => !['$schema', '$id', 'definitions'].includes(key)));
  return { type: 'array', items: contact };
}

function v1PeerSchema(enumerations: readonly string[]): Record<string, unknown> {
  const valueRule = (name: string, value: Record<string, unknown>) => ({
    if: { properties: { property: { const: name } }, required: ['property'] },
    then: { properties: { value } },
  });
  return {
    ...payloadSchema,
    definitions: {
      entry: {
        ...payloadSchema.definitions.entry,
        allOf: [
          valueRule('email', EMAIL_RULE),
          valueRule('lifecyclestage', optionRule('lifecyclestage')),
          valueRule('closedate', { type: 'string', pattern: `^(${EPOCH_MS})?$` }),
          ...enumerations.map((name) => valueRule(name, optionRule(name))),
        ],
      },
    },
  };
}

/** A date-time with its time zone, or a date (YYYY-MM-DD), or epoch milliseconds: what the CRM objects API takes for a datetime. */
const ISO_OR_EPOCH_MS = `^(${EPOCH_MS}|\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2}))?)?$`;
/** Digits, one leading "-" and one ".": what HubSpot takes for a number property. */
const NUMBER = '^(-?(\\d+(\\.\\d*)?|\\.\\d+))?$';

function objectsPeerSchema(): Record<string, unknown> {
  // Only `email` itself is checked as an address (its portal copies are plain text, as for our server).
  const byName: Record<string, unknown> = { '^email$': EMAIL_RULE };
  const copies = (name: string) => `^${name}(_\\d+)?$`;
  byName[copies('lifecyclestage')] = optionRule('lifecyclestage');
  byName[copies('hs_lead_status')] = optionRule('hs_lead_status');
  byName[copies('closedate')] = { type: 'string', pattern: ISO_OR_EPOCH_MS };
  byName[copies('associatedcompanyid')] = { type: 'string', pattern: NUMBER };
  const assignments = objectsPayloadSchema.properties.properties;
  return {
    ...objectsPayloadSchema,
    properties: { ...objectsPayloadSchema.properties, properties: { ...assignments, patternProperties: byName } },
  };
}
