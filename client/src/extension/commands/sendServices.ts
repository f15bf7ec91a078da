import type { AccessTokens } from '../hubspot/accessTokens';
import type { HubSpotConnection } from '../hubspot/hubspotConnection';
import type { LanguageServerHost } from '../languageServer/languageServerHost';
import type { ResponseView } from '../views/responseView';

/** What the send and token commands share. */
export interface SendServices {
  readonly tokens: AccessTokens;
  readonly connection: HubSpotConnection;
  readonly server: LanguageServerHost;
  readonly responses: ResponseView;
  /**
   * The portal behind an origin ("portal 62515"), when its property catalog was fetched with the
   * token `tokenId` names: after a token change the catalog in force may be the previous token's.
   */
  readonly portalOf: (origin: string, tokenId: string | undefined) => string | undefined;
  /** Origins the user confirmed a send to since VS Code started. */
  readonly confirmedOrigins: Set<string>;
}
