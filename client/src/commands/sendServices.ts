import type { AccessTokens } from '../accessTokens';
import type { HubSpotConnection } from '../hubspotConnection';
import type { LanguageServerHost } from '../languageServerHost';
import type { ResponseView } from '../views/responseView';

/** What the send and token commands share. */
export interface SendServices {
  readonly tokens: AccessTokens;
  readonly connection: HubSpotConnection;
  readonly server: LanguageServerHost;
  readonly responses: ResponseView;
  /** The portal behind an origin, as far as its property catalog says ("portal 62515"). */
  readonly portalOf: (origin: string) => string | undefined;
  /** Origins the user confirmed a send to since VS Code started. */
  readonly confirmedOrigins: Set<string>;
}
