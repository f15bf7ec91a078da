// Which property catalog is in force: the bundled defaults until the client pushes the portal's own.
import { CatalogNotification } from '../protocol';
import { bundledDefaultCatalog, createCatalog, type PropertyCatalog } from '../service/catalog';
import type { ServerContext } from './context';

export class CatalogStore {
  private current: PropertyCatalog = bundledDefaultCatalog();

  get(): PropertyCatalog {
    return this.current;
  }

  /** Takes catalogs pushed by the client and calls `changed` so open documents are checked again. */
  listen(ctx: ServerContext, changed: () => void): void {
    ctx.connection.onNotification(CatalogNotification, ({ source, properties }) => {
      this.current = properties ? createCatalog(properties, source) : bundledDefaultCatalog();
      ctx.connection.console.info(`Property catalog: ${source.description} (${this.current.properties.size} properties)`);
      changed();
    });
  }
}
