// The account a seed set goes to, as the plan, the confirmation and the journal name it: HubSpot's
// host and the portal (hub) id the token belongs to, read before anything is planned, and the name
// the user gave the account (which identifies nothing: the journal and a saved plan go by the rest).
import { asObject, positiveInteger } from '../hubspot/bodyReaders';
import type { ApiVersion } from '../hubspot/contactsObjects';
import type { HubSpotClient } from '../hubspot/hubspotClient';
import { ACCOUNT_DETAILS_PATH } from '../hubspot/propertyDefinitions';

export interface SeedAccount {
  readonly origin: string;
  /** Undefined when the account details could not be read; the journal then keys by origin alone. */
  readonly portalId: number | undefined;
  readonly apiVersion: ApiVersion;
  /** The user's name for the account (the editor's active account, the CLI's --account). */
  readonly name?: string | undefined;
}

/** "Staging (portal 62515 at https://api.hubapi.com)": what a person confirms. */
export function accountLabel(account: SeedAccount): string {
  const where = account.portalId === undefined ? account.origin : `portal ${account.portalId} at ${account.origin}`;
  return account.name === undefined ? where : `${account.name} (${where})`;
}

/** The account behind the client's token: its portal id from the account details, when they can be read. */
export async function readSeedAccount(client: HubSpotClient, apiVersion: ApiVersion, signal?: AbortSignal, name?: string): Promise<SeedAccount> {
  const details = await client.getJson(ACCOUNT_DETAILS_PATH, { signal });
  const portalId = details.ok ? positiveInteger(asObject(details.body)?.portalId) : undefined;
  return { origin: client.baseUrl.origin, portalId, apiVersion, ...(name === undefined ? {} : { name }) };
}
