// Regenerates schemas/default-properties.json from the reference catalog in ../shared/reference.
// Run by hand when the reference changes: `node schemas/build-default-properties.mjs [path]`.
// The output is committed, so neither the build nor the extension needs ../shared.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const source = process.argv[2] ?? fileURLToPath(new URL('../../shared/reference/default-contact-properties.json', import.meta.url));
const reference = JSON.parse(readFileSync(source, 'utf8'));

// Enumerations whose options live elsewhere (owners) or differ per portal: their values cannot be checked offline.
const OPTIONS_ELSEWHERE = new Set(['hubspot_owner_id']);

const properties = reference.map((p) => ({
  name: p.name,
  label: p.label,
  type: p.type,
  fieldType: p.fieldType,
  description: p.description,
  ...(p.options?.length ? { options: p.options.map((o) => ({ value: o.value, label: o.label })) } : {}),
  ...(p.readOnly ? { readOnlyValue: true } : {}),
  ...(OPTIONS_ELSEWHERE.has(p.name) ? { externalOptions: true } : {}),
}));

const out = fileURLToPath(new URL('./default-properties.json', import.meta.url));
writeFileSync(out, JSON.stringify({ source: 'HubSpot default contact properties (bundled)', properties }, null, 2) + '\n');
console.log(`wrote ${properties.length} properties to ${out}`);
