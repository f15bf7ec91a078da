// What a private app's access token may do, as HubSpot says it (POST
// /oauth/v2/private-apps/get/access-token-info with the token as `tokenKey`, to the account's own
// base URL only): its portal and its scopes, so that a token that cannot write contacts is flagged
// when it is added, not at the first 403. A token HubSpot does not describe may still work: the
// answer says so rather than calling it bad.
import { asObject, positiveInteger } from './bodyReaders';
import type { HubSpotClient } from './hubspotClient';

export const TOKEN_INFO_PATH = '/oauth/v2/private-apps/get/access-token-info';

/** The scopes this extension's features need, and what each is for. */
export const CONTACT_SCOPES = [
  { scope: 'crm.objects.contacts.write', needed: 'to create and update contacts' },
  { scope: 'crm.objects.contacts.read', needed: 'to read contacts (a seed plan, a lost create settled)' },
  { scope: 'crm.schemas.contacts.read', needed: "to read the portal's contact properties" },
] as const;

export type TokenInfo =
  | { readonly kind: 'described'; readonly portalId: number | undefined; readonly scopes: readonly string[] }
  | { readonly kind: 'undescribed'; readonly message: string };

export async function readTokenInfo(client: HubSpotClient, token: string, signal?: AbortSignal): Promise<TokenInfo> {
  const attempt = await client.requestJson('POST', TOKEN_INFO_PATH, JSON.stringify({ tokenKey: token }), { signal });
  if (attempt.kind !== 'response') return { kind: 'undescribed', message: attempt.kind === 'cancelled' ? 'cancelled' : attempt.message };
  const body = asObject(attempt.body);
  const scopes = body?.scopes;
  if (attempt.status !== 200 || !Array.isArray(scopes) || !scopes.every((scope) => typeof scope === 'string')) {
    return { kind: 'undescribed', message: `HubSpot answered ${attempt.status} without the token's scopes` };
  }
  return { kind: 'described', portalId: positiveInteger(body?.hubId ?? body?.hub_id), scopes };
}

/** The needed scopes a token lacks, each with what it is for. */
export function missingContactScopes(scopes: readonly string[]): readonly (typeof CONTACT_SCOPES)[number][] {
  const granted = new Set(scopes);
  return CONTACT_SCOPES.filter(({ scope }) => !granted.has(scope));
}
