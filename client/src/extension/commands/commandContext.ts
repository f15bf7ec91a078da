import type { EditingSide } from '../extensionRuntime';
import type { RequestHistory } from '../history/requestHistory';
import type { PortalCatalog } from '../hubspot/portalCatalog';
import type { SeedSession } from '../seed/seedSession';
import type { SendServices } from './sendServices';

/** What a command's factory builds its handler from. */
export interface CommandContext extends EditingSide {
  readonly services: SendServices;
  readonly catalog: PortalCatalog;
  readonly seeds: SeedSession;
  readonly history: RequestHistory;
}
