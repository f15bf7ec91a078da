// The JSON Schema the peer (VS Code's JSON language server) validates the benchmark payloads with:
// our payload schema, plus the catalog's value rules for the properties the generator makes invalid
// (email format, lifecyclestage option values, closedate as epoch milliseconds), written as JSON Schema
// if/then. With it the peer diagnoses every invalid entry the generator writes, as ours does.
// `enumerations`: more enumerations whose option values are checked the same way (the hostile documents).
import payloadSchema from '../schemas/contact.schema.json';
import { bundledDefaultCatalog } from '../server/src/service/catalog';

export function peerSchema(enumerations: readonly string[] = []): Record<string, unknown> {
  const optionValues = (name: string) => (bundledDefaultCatalog().properties.get(name)?.options ?? []).map((option) => option.value);
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
          valueRule('email', { type: 'string', format: 'email' }),
          // An empty string clears a property: allowed, as our server allows it.
          valueRule('lifecyclestage', { enum: ['', ...optionValues('lifecyclestage')] }),
          valueRule('closedate', { type: 'string', pattern: '^(-?\\d+)?$' }),
          ...enumerations.map((name) => valueRule(name, { enum: ['', ...optionValues(name)] })),
        ],
      },
    },
  };
}
