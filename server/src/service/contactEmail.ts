// A contact's email, as HubSpot finds the contact by it: the `email` property's value (the last one,
// as HubSpot reads duplicates), else a v1 batch contact's own `email` key. Trimmed, as HubSpot trims.
import { lastMember, type JsonValue, type ParsedPayload, type Span } from './payloadModel';
import { shapeOf } from './shapes';

export interface WrittenEmail {
  /** Trimmed; never empty. */
  readonly email: string;
  /** Where it is written: the string value. */
  readonly span: Span;
}

export function contactEmail(payload: ParsedPayload): WrittenEmail | undefined {
  const assignments = shapeOf(payload).assignments(payload);
  for (let i = assignments.length - 1; i >= 0; i--) {
    if (assignments[i].name !== 'email') continue;
    return written(assignments[i].assignedValue);
  }
  return payload.batchIndex !== undefined ? written(lastMember(payload.topMembers, 'email')?.value) : undefined;
}

function written(value: JsonValue | undefined): WrittenEmail | undefined {
  if (value?.kind !== 'string') return undefined;
  const email = (value.value as string).trim();
  return email === '' ? undefined : { email, span: { offset: value.offset, length: value.length } };
}
