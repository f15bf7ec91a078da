// A contact of a batch file (`*.contacts.json`) is written as a single file's body is, in either
// shape, with the keys that find it in a batch: v1's `email` and `vid`, the CRM objects' `id`. Each
// batch shape is its single-file shape with the batch's schema; everything else (assignments, cursor,
// dates, saved id) is the same module's.
import v1BatchSchema from '../../../../schemas/contacts-v1-batch.schema.json';
import objectsBatchSchema from '../../../../schemas/contacts-objects-batch.schema.json';
import { checkStructure, V1_BATCH_RULES } from '../schemaCheck';
import { objectsShape } from './objects';
import { checkObjectsStructure, OBJECTS_BATCH_RULES } from './objectsStructure';
import type { KeySchema, PayloadShape } from './payloadShape';
import { v1Shape } from './v1';

export const v1BatchContactShape: PayloadShape = {
  ...v1Shape,
  scope: 'in this contact',
  topLevelKeys: new Map<string, KeySchema>(Object.entries(v1BatchSchema.definitions.contact.properties)),
  structureFindings: (payload) => checkStructure(payload, V1_BATCH_RULES),
};

export const objectsBatchInputShape: PayloadShape = {
  ...objectsShape,
  scope: 'in this contact',
  topLevelKeys: new Map<string, KeySchema>(Object.entries(objectsBatchSchema.definitions.input.properties)),
  structureFindings: (payload) => checkObjectsStructure(payload, OBJECTS_BATCH_RULES),
};
