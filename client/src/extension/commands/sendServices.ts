import type { HubSpotConnection } from '../hubspot/hubspotConnection';
import type { LanguageServerHost } from '../languageServer/languageServerHost';
import type { ResponseView } from '../views/responseView';

/** What the send and token commands share. */
export interface SendServices {
  readonly connection: HubSpotConnection;
  readonly server: LanguageServerHost;
  readonly responses: ResponseView;
  /** Accounts (by id) the user confirmed a send to since VS Code started. */
  readonly confirmedAccounts: Set<string>;
}
