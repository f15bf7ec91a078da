// Which API a file is sent to: its shape decides, since each body shape belongs to one API. A v1 file
// goes to Contacts v1 as it always did; a CRM objects file to the date-based (or v3) objects path of
// the version chosen (contactPayloads.apiVersion, --api-version).
import type { ContactsApi } from '../hubspot/contactsApi';
import { API_VERSIONS, contactsObjectsApi, type ApiVersion } from '../hubspot/contactsObjects';
import { CONTACTS_V1 } from '../hubspot/contactsV1';
import type { PayloadShapeName } from './payloadBody';

export function contactsApiFor(shape: PayloadShapeName, version: ApiVersion): ContactsApi {
  return shape === 'v1' ? CONTACTS_V1 : contactsObjectsApi(version);
}

/** The version, when the text names one this client knows (a setting or --api-version may hold anything). */
export function knownApiVersion(value: unknown): ApiVersion | undefined {
  return API_VERSIONS.find((version) => version === value);
}
