import type { ExtensionScope } from '../extensionContext';
import type { RequestHistory } from '../history/requestHistory';
import type { PortalCatalog } from '../hubspot/portalCatalog';
import type { SeedSession } from '../seed/seedSession';
import type { LanguageServerHost } from '../languageServer/languageServerHost';
import type { SendServices } from './sendServices';

/** What a command's factory builds its handler from. */
export interface CommandContext {
  readonly scope: ExtensionScope;
  readonly services: SendServices;
  readonly host: LanguageServerHost;
  readonly catalog: PortalCatalog;
  readonly seeds: SeedSession;
  readonly history: RequestHistory;
}
