// The payload's JSON Schema compiled with ajv. Bundles replace this module with the same validator
// generated at build time (ajv's standalone code, see esbuild.mjs), so the server starts without
// compiling anything and ajv's compiler is not shipped; tests run this compiled-on-load version.
import Ajv, { type ValidateFunction } from 'ajv';
import options from '../../../schemas/ajv-options.json';
import schema from '../../../schemas/contact.schema.json';

export const validateContactPayload: ValidateFunction = new Ajv(options).compile(schema);
