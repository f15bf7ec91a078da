// Which shape a payload has, from the kind of its `properties`: an object is the CRM objects shape
// (`{"properties":{"email":"…"}}`), anything else v1 (`{"properties":[…]}`), whose structure check then
// says what is missing or wrong in words that name both shapes.
import type { ParsedPayload } from '../payloadModel';
import { objectsShape } from './objects';
import type { PayloadShape } from './payloadShape';
import { v1Shape } from './v1';

export type { PayloadShape } from './payloadShape';

/** Every shape, the one HubSpot is moving to first: what a new document can be. */
export const PAYLOAD_SHAPES: readonly PayloadShape[] = [objectsShape, v1Shape];

export function shapeOf(payload: ParsedPayload): PayloadShape {
  return payload.properties?.value?.kind === 'object' ? objectsShape : v1Shape;
}

/** The contact id saved in the file (v1's `vid`, the CRM objects' `id`), when it can be used. */
export function savedContactId(payload: ParsedPayload): number | undefined {
  return shapeOf(payload).savedContactId(payload);
}
