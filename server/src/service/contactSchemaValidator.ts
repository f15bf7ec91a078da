// The payload JSON Schemas, one per shape, compiled with ajv. Bundles replace this module with the same
// validators generated at build time (ajv's standalone code, see esbuild.mjs), so the server starts
// without compiling anything and ajv's compiler is not shipped; tests run this compiled-on-load version.
import Ajv, { type ValidateFunction } from 'ajv';
import options from '../../../schemas/ajv-options.json';
import objectsSchema from '../../../schemas/contact-objects.schema.json';
import v1Schema from '../../../schemas/contact.schema.json';

const ajv = new Ajv(options);

/** v1: schemas/contact.schema.json. */
export const validateContactPayload: ValidateFunction = ajv.compile(v1Schema);

/** CRM objects: schemas/contact-objects.schema.json. */
export const validateObjectsPayload: ValidateFunction = ajv.compile(objectsSchema);
