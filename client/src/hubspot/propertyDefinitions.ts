// The portal's own contact property definitions, fetched with the user's token and normalised to the
// catalog shape the language server uses. The current API (v3) first; the v1 properties API when
// v3 is refused (a token whose scopes allow only v1, or an account without it).
import { asObject, positiveInteger, text } from './bodyReaders';
import type { PropertyDefinition, PropertyOption } from '../../../server/src/service/catalog';
import type { HubSpotClient, SendOptions } from './hubspotClient';

export const PROPERTIES_V3_PATH = '/crm/v3/properties/contacts';
export const PROPERTIES_V1_PATH = '/properties/v1/contacts/properties';
export const ACCOUNT_DETAILS_PATH = '/account-info/v3/details';

export interface PortalProperties {
  /** HubSpot's portal (hub) id, when the account details could be read. */
  readonly portalId: number | undefined;
  readonly api: 'v3' | 'v1';
  readonly properties: readonly PropertyDefinition[];
}

export type PortalPropertiesResult = { readonly ok: true; readonly portal: PortalProperties } | { readonly ok: false; readonly message: string };

export async function fetchPortalProperties(client: HubSpotClient, options: SendOptions = {}): Promise<PortalPropertiesResult> {
  const v3 = await client.getJson(PROPERTIES_V3_PATH, options);
  let api: PortalProperties['api'] = 'v3';
  let properties: PropertyDefinition[] | undefined = v3.ok ? normaliseV3(v3.body) : undefined;
  let failure = v3.ok ? 'the v3 answer was not a property list' : v3.message;
  if (!properties && !options.signal?.aborted) {
    const v1 = await client.getJson(PROPERTIES_V1_PATH, options);
    api = 'v1';
    properties = v1.ok ? normaliseV1(v1.body) : undefined;
    if (!properties) failure = `${failure}; v1: ${v1.ok ? 'the answer was not a property list' : v1.message}`;
  }
  if (!properties) return { ok: false, message: `Could not read the portal's contact properties: ${failure}` };
  const account = options.signal?.aborted ? undefined : await client.getJson(ACCOUNT_DETAILS_PATH, options);
  const portalId = account?.ok ? positiveInteger(asObject(account.body)?.portalId) : undefined;
  return { ok: true, portal: { portalId, api, properties } };
}

/** `GET /crm/v3/properties/contacts`: `{ results: [...] }`, read-only flags under `modificationMetadata`. */
export function normaliseV3(body: unknown): PropertyDefinition[] | undefined {
  const results = asObject(body)?.results;
  if (!Array.isArray(results)) return undefined;
  return results.flatMap((item) => {
    const raw = asObject(item);
    if (!raw || raw.archived === true) return [];
    const metadata = asObject(raw.modificationMetadata);
    return definition(raw, metadata?.readOnlyValue === true) ?? [];
  });
}

/** `GET /properties/v1/contacts/properties`: a bare array, `readOnlyValue` at the top. */
export function normaliseV1(body: unknown): PropertyDefinition[] | undefined {
  if (!Array.isArray(body)) return undefined;
  return body.flatMap((item) => {
    const raw = asObject(item);
    if (!raw || raw.deleted === true) return [];
    return definition(raw, raw.readOnlyValue === true) ?? [];
  });
}

function definition(raw: Readonly<Record<string, unknown>>, readOnlyValue: boolean): PropertyDefinition | undefined {
  const name = text(raw.name);
  const type = text(raw.type);
  if (!name || !type) return undefined;
  const options = Array.isArray(raw.options) ? raw.options.flatMap(option) : [];
  return {
    name,
    label: text(raw.label) || name,
    type,
    fieldType: text(raw.fieldType) ?? 'text',
    ...(text(raw.description) ? { description: text(raw.description) } : {}),
    ...(text(raw.groupName) ? { groupName: text(raw.groupName) } : {}),
    ...(options.length ? { options } : {}),
    ...(readOnlyValue ? { readOnlyValue: true } : {}),
    ...(raw.calculated === true ? { calculated: true } : {}),
    ...(raw.externalOptions === true ? { externalOptions: true } : {}),
  };
}

function option(item: unknown): PropertyOption[] {
  const raw = asObject(item);
  const value = text(raw?.value);
  if (!raw || value === undefined) return [];
  return [{
    value,
    label: text(raw.label) ?? value,
    ...(text(raw.description) ? { description: text(raw.description) } : {}),
    ...(raw.hidden === true ? { hidden: true } : {}),
  }];
}
