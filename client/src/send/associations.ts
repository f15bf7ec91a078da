// A CRM objects file's `associations` (links to companies, deals…) go with a create. An update is a
// PATCH that takes none, so they cannot be sent with one: that is said wherever the update is
// confirmed or reported (the editor's question and notification, the CLI's stderr), never dropped silently.
import type { BodyExtras, ContactOperation } from '../hubspot/contactsApi';
import type { Payload } from './payloadBody';

export const ASSOCIATIONS_NOT_SENT = 'The file\'s "associations" are not sent: HubSpot takes associations on a create only; an update (PATCH) has none.';

export interface BodyExtrasChoice {
  /** What the body carries besides the properties. */
  readonly extras: BodyExtras | undefined;
  /** Set when the file holds something that this send leaves out. */
  readonly notSent: string | undefined;
}

export function bodyExtrasFor(payload: Pick<Payload, 'associations'>, operation: ContactOperation): BodyExtrasChoice {
  if (payload.associations === undefined) return { extras: undefined, notSent: undefined };
  if (operation === 'create') return { extras: { associations: payload.associations }, notSent: undefined };
  return { extras: undefined, notSent: ASSOCIATIONS_NOT_SENT };
}
