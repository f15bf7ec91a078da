// The payload JSON Schemas, one per shape and one per batch form, compiled with ajv. Bundles replace
// this module with the same validators generated at build time (ajv's standalone code, see
// esbuild.mjs), so the server starts without compiling anything and ajv's compiler is not shipped;
// tests run this compiled-on-load version. The two lists of exports must stay alike.
import Ajv, { type ValidateFunction } from 'ajv';
import options from '../../../schemas/ajv-options.json';
import objectsSchema from '../../../schemas/contact-objects.schema.json';
import v1Schema from '../../../schemas/contact.schema.json';
import objectsBatchSchema from '../../../schemas/contacts-objects-batch.schema.json';
import v1BatchSchema from '../../../schemas/contacts-v1-batch.schema.json';

const ajv = new Ajv(options);
for (const schema of [v1Schema, objectsSchema, objectsBatchSchema, v1BatchSchema]) ajv.addSchema(schema);
const compiled = (ref: string): ValidateFunction => ajv.getSchema(ref)!;

/** v1: schemas/contact.schema.json. */
export const validateContactPayload = compiled(v1Schema.$id);

/** CRM objects: schemas/contact-objects.schema.json. */
export const validateObjectsPayload = compiled(objectsSchema.$id);

/** A CRM objects batch's top level, `{"inputs": […]}`: schemas/contacts-objects-batch.schema.json. */
export const validateObjectsBatch = compiled(objectsBatchSchema.$id);

/** One contact of `inputs` in a CRM objects batch. */
export const validateObjectsBatchInput = compiled(`${objectsBatchSchema.$id}#/definitions/input`);

/** One contact of a v1 batch (`[{"email": …, "properties": […]}, …]`): schemas/contacts-v1-batch.schema.json. */
export const validateV1BatchContact = compiled(`${v1BatchSchema.$id}#/definitions/contact`);
