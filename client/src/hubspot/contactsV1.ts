// The legacy Contacts v1 API, the one this project sends to: its paths, its request body
// `{"properties":[{"property","value"}]}`, and what its successes look like (a create answers 200
// with the whole record, an update 204 with nothing). Readers take `unknown` and treat every field
// as optional, as HubSpot asks of clients.
import { asObject, positiveInteger, text } from './bodyReaders';
import type { ContactPropertyValue, ContactTarget, ContactsApi, CreatedContact, SuccessRead } from './contactsApi';

const CREATE_CONTACT_PATH = '/contacts/v1/contact';

/** The contact's profile: POST updates it, GET reads it. */
function contactProfilePath(vid: number): string {
  return `/contacts/v1/contact/vid/${vid}/profile`;
}

export const CONTACTS_V1: ContactsApi = {
  endpoint: (target: ContactTarget) => ({ method: 'POST', path: target.operation === 'create' ? CREATE_CONTACT_PATH : contactProfilePath(target.id) }),

  /** Exactly `{"properties":[…]}`, each entry as the file has it. */
  body: (properties: readonly ContactPropertyValue[]) => JSON.stringify({ properties }),

  readSuccess(target: ContactTarget, status: number, body: unknown): SuccessRead {
    if (target.operation === 'create') {
      const created = readCreatedContact(body);
      if (status === 200 && created) return { kind: 'created', ...created };
      return { kind: 'unexpectedResponse', message: 'the answer has no contact id; the contact may have been created' };
    }
    // Only 204 means the update happened: HubSpot once answered 200 with an empty body for a bad vid.
    if (status === 204) return { kind: 'updated', vid: target.id };
    return { kind: 'unexpectedResponse', message: 'expected 204 No Content; the update may not have been applied' };
  },

  /** `identityProfile.vid`, else the "Existing ID: 123" of newer messages. */
  readExistingId(body: unknown): number | undefined {
    const error = asObject(body);
    const fromProfile = positiveInteger(asObject(error?.identityProfile)?.vid);
    if (fromProfile !== undefined) return fromProfile;
    const match = /Existing ID: (\d+)/.exec(text(error?.message) ?? '');
    return match ? positiveInteger(Number(match[1])) : undefined;
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
