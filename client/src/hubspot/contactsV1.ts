// The legacy Contacts v1 API: its paths, its request body `{"properties":[{"property","value"}]}`,
// and what its successes look like (a create answers 200 with the whole record, an update 204 with
// nothing). Readers take `unknown` and treat every field as optional, as HubSpot asks of clients.
import { asObject, positiveInteger, text } from './bodyReaders';
import type { ContactPropertyValue, ContactTarget, ContactsApi, CreatedContact, SuccessRead } from './contactsApi';
import { readExistingIdInMessage } from './errorBodies';

const CREATE_CONTACT_PATH = '/contacts/v1/contact';

/** The contact's profile: POST updates it, GET reads it. */
function contactProfilePath(vid: number): string {
  return `/contacts/v1/contact/vid/${vid}/profile`;
}

function endpointPath(target: ContactTarget): string {
  if (target.operation === 'create') return CREATE_CONTACT_PATH;
  return target.email === undefined ? contactProfilePath(target.id) : `/contacts/v1/contact/email/${encodeURIComponent(target.email)}/profile`;
}

export const CONTACTS_V1: ContactsApi = {
  label: 'Contacts v1',
  payloadShape: 'v1',

  endpoint: (target: ContactTarget) => ({ method: 'POST', path: endpointPath(target) }),

  /** Exactly `{"properties":[…]}`, each entry as the file has it. v1 has no associations: the extras are left out. */
  body: (properties: readonly ContactPropertyValue[]) => JSON.stringify({ properties }),

  readSuccess(target: ContactTarget, status: number, body: unknown): SuccessRead {
    if (target.operation === 'create') {
      const created = readCreatedContact(body);
      if (status === 200 && created) return { kind: 'created', ...created };
      return { kind: 'unexpectedResponse', message: 'the answer has no contact id; the contact may have been created' };
    }
    // Only 204 means the update happened: HubSpot once answered 200 with an empty body for a bad vid.
    if (status === 204) return target.email === undefined ? { kind: 'updated', vid: target.id } : { kind: 'updated', vid: undefined, email: target.email };
    return { kind: 'unexpectedResponse', message: 'expected 204 No Content; the update may not have been applied' };
  },

  /** `identityProfile.vid`, else the "Existing ID: 123" of newer messages. */
  readExistingId(body: unknown): number | undefined {
    const error = asObject(body);
    const fromProfile = positiveInteger(asObject(error?.identityProfile)?.vid);
    return fromProfile ?? readExistingIdInMessage(body);
  },

  readPath: contactProfilePath,

  readContact: readCreatedContact,

  /**
   * `addedAt`, else the `createdate` property. `addedAt` comes first because `createdate` is a
   * property an import may have back-dated.
   */
  readCreatedAt(body: unknown): number | undefined {
    const record = asObject(body);
    const addedAt = positiveInteger(record?.addedAt);
    if (addedAt !== undefined) return addedAt;
    const createdate = text(asObject(asObject(record?.properties)?.createdate)?.value);
    return createdate !== undefined && /^\d+$/.test(createdate) ? positiveInteger(Number(createdate)) : undefined;
  },
};

/** The 200 body of a create, or of a read: the full contact record. */
function readCreatedContact(body: unknown): CreatedContact | undefined {
  const record = asObject(body);
  const vid = positiveInteger(record?.vid);
  if (vid === undefined) return undefined;
  return { vid, portalId: positiveInteger(record?.['portal-id']), profileUrl: text(record?.['profile-url']) };
}
