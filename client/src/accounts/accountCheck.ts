// Asks HubSpot whose a token is and what it may do: the account details (portal id, app domain) and
// the token's scopes (tokenInfo.ts), to the account's own base URL only. The editor does it when an
// account is added or its token replaced, the command line in `contact-payloads account`.
import { asObject, positiveInteger, text } from '../hubspot/bodyReaders';
import type { HubSpotClient } from '../hubspot/hubspotClient';
import { ACCOUNT_DETAILS_PATH } from '../hubspot/propertyDefinitions';
import { missingContactScopes, readTokenInfo, type TokenInfo } from '../hubspot/tokenInfo';
import type { PortalFacts } from './account';

export type AccountCheck =
  | {
      readonly kind: 'checked';
      readonly portal: PortalFacts;
      readonly tokenInfo: TokenInfo;
      /** Undefined when the account details were read; else why not (the portal id is then not known). */
      readonly detailsProblem: string | undefined;
      readonly missing: ReturnType<typeof missingContactScopes>;
    }
  /** 401: HubSpot refused the token. */
  | { readonly kind: 'refused'; readonly message: string }
  | { readonly kind: 'unreachable'; readonly message: string };

export async function checkAccount(client: HubSpotClient, token: string, signal?: AbortSignal): Promise<AccountCheck> {
  const details = await client.getJson(ACCOUNT_DETAILS_PATH, { signal });
  if (!details.ok && details.status === 401) return { kind: 'refused', message: `HubSpot refused the token (401): ${details.message}` };
  if (!details.ok && details.status === undefined) return { kind: 'unreachable', message: `HubSpot could not be reached: ${details.message}` };
  const body = details.ok ? asObject(details.body) : undefined;
  const tokenInfo = await readTokenInfo(client, token, signal);
  const scopes = tokenInfo.kind === 'described' ? tokenInfo.scopes : undefined;
  return {
    kind: 'checked',
    portal: {
      portalId: positiveInteger(body?.portalId) ?? (tokenInfo.kind === 'described' ? tokenInfo.portalId : undefined),
      domain: text(body?.uiDomain),
      scopes,
      checkedAt: Date.now(),
    },
    tokenInfo,
    detailsProblem: details.ok ? (body?.portalId === undefined ? 'no portal id in the account details' : undefined) : details.message,
    missing: scopes === undefined ? [] : missingContactScopes(scopes),
  };
}

/** True when the token cannot create or update contacts, as far as HubSpot said. */
export function cannotWriteContacts(check: Extract<AccountCheck, { kind: 'checked' }>): boolean {
  return check.missing.some(({ scope }) => scope === 'crm.objects.contacts.write');
}
