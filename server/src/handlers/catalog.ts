// Which property catalog is in force: the bundled defaults until the client pushes the portal's own.
import { CatalogNotification } from '../protocol';
import { bundledDefaultCatalog, createCatalog, wellFormedDefinitions, type CatalogSource, type PropertyCatalog, propertyNameIndex } from '../service';
import type { ServerContext } from './context';

export class CatalogStore {
  private current: PropertyCatalog = bundledDefaultCatalog();

  get(): PropertyCatalog {
    return this.current;
  }

  /** Takes catalogs pushed by the client and calls `changed` so open documents are checked again. */
  listen(ctx: ServerContext, changed: () => void): void {
    ctx.connection.onNotification(CatalogNotification, (params: unknown) => {
      const { source, properties } = (typeof params === 'object' && params !== null ? params : {}) as Partial<Record<string, unknown>>;
      const description = typeof (source as { description?: unknown } | undefined)?.description === 'string' ? (source as CatalogSource).description : 'a catalog from the client';
      this.current = Array.isArray(properties)
        ? createCatalog(wellFormedDefinitions(properties), { kind: 'portal', description })
        : bundledDefaultCatalog();
      // Indexed for "did you mean" now rather than in the first validation: at 100 000 properties it takes a moment.
      propertyNameIndex(this.current);
      ctx.connection.console.info(`Property catalog: ${this.current.source.description} (${this.current.properties.size} properties)`);
      changed();
    });
  }
}
