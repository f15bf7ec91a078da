// Which shape a payload has, from the kind of its `properties` (and, for a contact of a batch file, its batch variant): an object is the CRM objects shape
// (`{"properties":{"email":"…"}}`), anything else v1 (`{"properties":[…]}`), whose structure check then
// says what is missing or wrong in words that name both shapes.
import type { ParsedPayload } from '../payloadModel';
import { objectsBatchInputShape, v1BatchContactShape } from './batchContacts';
import { objectsShape } from './objects';
import type { PayloadShape } from './payloadShape';
import { v1Shape } from './v1';

export type { PayloadShape } from './payloadShape';

/** Every shape, the one HubSpot is moving to first: what a new document can be. */
export const PAYLOAD_SHAPES: readonly PayloadShape[] = [objectsShape, v1Shape];

/** A contact of a batch file (`batchIndex` set) gets its shape's batch variant: the same module, the batch's keys and schema. */
export function shapeOf(payload: ParsedPayload): PayloadShape {
  const objects = payload.properties?.value?.kind === 'object';
  if (payload.batchIndex !== undefined) return objects ? objectsBatchInputShape : v1BatchContactShape;
  return objects ? objectsShape : v1Shape;
}

/** The contact id saved in the file (v1's `vid`, the CRM objects' `id`), when it can be used. */
export function savedContactId(payload: ParsedPayload): number | undefined {
  return shapeOf(payload).savedContactId(payload);
}
