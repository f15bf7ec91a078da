// Which shape a payload has. One is known today (v1); the CRM objects shape (`{"properties":{"email":"…"}}`)
// is told apart here, by the kind of its `properties`, when it is added.
import type { ParsedPayload } from '../payloadModel';
import type { PayloadShape } from './payloadShape';
import { v1Shape } from './v1';

export type { PayloadShape } from './payloadShape';

export function shapeOf(_payload: ParsedPayload): PayloadShape {
  return v1Shape;
}
