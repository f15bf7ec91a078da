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
  /** Origins the user confirmed a send to since VS Code started. */
  readonly confirmedOrigins: Set<string>;
}
