// The sandbox portal's contacts, in memory, and their two shapes: v1's record (every value a string,
// each property with its `versions`, an identity profile holding the email and a LEAD_GUID) and the
// CRM objects API's object (the same contact; its id is the vid as a string).
import { randomBytes, randomUUID } from 'node:crypto';
import type { PropertyWrite } from './validateProperties';

export interface StoredValue {
  readonly value: string;
  readonly timestamp: number;
}

export interface StoredContact {
  readonly vid: number;
  readonly createdAt: number;
  updatedAt: number;
  readonly leadGuid: string;
  readonly profileToken: string;
  readonly properties: Map<string, StoredValue>;
}

export interface ContactStore {
  get(vid: number): StoredContact | undefined;
  /** Case-insensitive, as HubSpot de-duplicates. */
  findByEmail(email: string): StoredContact | undefined;
  all(): readonly StoredContact[];
  readonly size: number;
  /** Stores a new contact; also how tests seed one without a request, `createdAt` earlier than now if they like. */
  create(writes: readonly PropertyWrite[] | Readonly<Record<string, string>>, createdAt?: number): StoredContact;
  update(contact: StoredContact, writes: readonly PropertyWrite[]): void;
}

export function createContactStore(firstVid: number, now: () => number): ContactStore {
  const contacts = new Map<number, StoredContact>();
  let nextVid = firstVid;

  // By lower-cased email, the first contact to hold it: batch upserts of 100 000 contacts look every
  // email up, which a scan of all contacts would make quadratic.
  const byEmail = new Map<string, StoredContact>();

  const apply = (contact: StoredContact, writes: readonly PropertyWrite[], at: number): void => {
    const before = contact.properties.get('email')?.value.toLowerCase();
    for (const { name, value } of writes) contact.properties.set(name, { value, timestamp: at });
    contact.updatedAt = at;
    const after = contact.properties.get('email')?.value.toLowerCase();
    if (before === after) return;
    if (before !== undefined && byEmail.get(before) === contact) byEmail.delete(before);
    if (after !== undefined && after !== '' && !byEmail.has(after)) byEmail.set(after, contact);
  };

  return {
    get: (vid) => contacts.get(vid),
    findByEmail: (email) => byEmail.get(email.toLowerCase()),
    all: () => [...contacts.values()],
    get size() {
      return contacts.size;
    },
    create(writes, createdAt) {
      const at = createdAt ?? now();
      const contact: StoredContact = {
        vid: nextVid++,
        createdAt: at,
        updatedAt: at,
        leadGuid: randomUUID(),
        profileToken: `AO_T-m${randomBytes(24).toString('base64url')}`,
        properties: new Map(),
      };
      apply(contact, isWriteList(writes) ? writes : Object.entries(writes).map(([name, value]) => ({ name, value })), at);
      contacts.set(contact.vid, contact);
      return contact;
    },
    update: (contact, writes) => apply(contact, writes, now()),
  };
}

/** The contact a path names: by its id (digits only), or by its email when `idProperty` is email; undefined for any other idProperty. */
export function findContact(store: ContactStore, id: string | undefined, idProperty: string | undefined): StoredContact | undefined {
  if (idProperty === 'email') return id ? store.findByEmail(id) : undefined;
  return idProperty === undefined && /^\d+$/.test(id ?? '') ? store.get(Number(id)) : undefined;
}

/** The contact that already has the email these writes set, if any: a create or update with it conflicts. */
export function emailOwner(store: ContactStore, writes: readonly PropertyWrite[]): StoredContact | undefined {
  const email = writes.find((write) => write.name === 'email')?.value;
  return email ? store.findByEmail(email) : undefined;
}

function isWriteList(writes: readonly PropertyWrite[] | Readonly<Record<string, string>>): writes is readonly PropertyWrite[] {
  return Array.isArray(writes);
}

/** The body of a create's 200 and of `GET …/vid/{vid}/profile`. */
export function contactRecord(contact: StoredContact, portalId: number, profileUrl: string): Record<string, unknown> {
  const system: [string, StoredValue][] = [
    ['createdate', { value: String(contact.createdAt), timestamp: contact.createdAt }],
    ['lastmodifieddate', { value: String(contact.updatedAt), timestamp: contact.updatedAt }],
    ['hs_object_id', { value: String(contact.vid), timestamp: contact.createdAt }],
  ];
  const properties = Object.fromEntries(
    [...contact.properties, ...system].map(([name, stored]) => [
      name,
      {
        value: stored.value,
        versions: [{ value: stored.value, 'source-type': 'API', 'source-id': null, 'source-label': null, timestamp: stored.timestamp, selected: false }],
      },
    ]),
  );
  return {
    vid: contact.vid,
    'canonical-vid': contact.vid,
    'merged-vids': [],
    'portal-id': portalId,
    'is-contact': true,
    'profile-token': contact.profileToken,
    'profile-url': profileUrl,
    properties,
    'form-submissions': [],
    'list-memberships': [],
    'identity-profiles': [
      {
        vid: contact.vid,
        'is-deleted': false,
        'is-contact': false,
        'pointer-vid': 0,
        'previous-vid': 0,
        'linked-vids': [],
        'saved-at-timestamp': 0,
        'deleted-changed-timestamp': 0,
        identities: identities(contact).map(({ type, value, timestamp, isPrimary }) => ({
          type,
          value,
          timestamp,
          ...(isPrimary ? { 'is-primary': true } : {}),
          source: 'UNSPECIFIED',
        })),
      },
    ],
    'merge-audits': [],
  };
}

/** The body of a CRM objects create's 201, an update's 200 and a read: `{id, properties, createdAt, updatedAt, archived}`. */
export function contactObject(contact: StoredContact): Record<string, unknown> {
  const createdAt = new Date(contact.createdAt).toISOString();
  const updatedAt = new Date(contact.updatedAt).toISOString();
  const properties = Object.fromEntries([...contact.properties].map(([name, stored]) => [name, stored.value]));
  return {
    id: String(contact.vid),
    properties: { ...properties, createdate: createdAt, lastmodifieddate: updatedAt, hs_object_id: String(contact.vid) },
    createdAt,
    updatedAt,
    archived: false,
  };
}

/** The `identityProfile` of a 409 CONTACT_EXISTS: the same identities, camelCase. */
export function identityProfile(contact: StoredContact): Record<string, unknown> {
  return {
    vid: contact.vid,
    identity: identities(contact).map(({ type, value, timestamp, isPrimary }) => ({ value, type, timestamp, ...(isPrimary ? { isPrimary } : {}) })),
    linkedVid: [],
    isContact: true,
    savedAtTimestamp: contact.updatedAt,
  };
}

interface Identity {
  readonly type: 'EMAIL' | 'LEAD_GUID';
  readonly value: string;
  readonly timestamp: number;
  readonly isPrimary: boolean;
}

function identities(contact: StoredContact): Identity[] {
  const email = contact.properties.get('email');
  const list: Identity[] = [];
  if (email && email.value !== '') list.push({ type: 'EMAIL', value: email.value, timestamp: email.timestamp, isPrimary: true });
  list.push({ type: 'LEAD_GUID', value: contact.leadGuid, timestamp: contact.createdAt, isPrimary: false });
  return list;
}
