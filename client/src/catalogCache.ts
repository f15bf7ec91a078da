// The portal catalogs kept between sessions: one JSON file per account (host + portal id) in the
// extension's global storage, with the time it was fetched. No vscode import: tests use a temp dir.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PropertyDefinition } from '../../server/src/service/catalog';

export interface CachedCatalog {
  readonly origin: string;
  readonly portalId: number | undefined;
  readonly api: 'v3' | 'v1';
  /** Epoch milliseconds. */
  readonly fetchedAt: number;
  /** The id (AccessTokens.idOf) of the token it was fetched with; absent in catalogs fetched before ids existed. */
  readonly tokenId?: string | undefined;
  readonly properties: readonly PropertyDefinition[];
}

const FORMAT = 1;

/** True when there is nothing cached or it is older than the allowed age. */
export function needsRefresh(cached: CachedCatalog | undefined, nowMs: number, maxAgeMs: number): boolean {
  return !cached || nowMs - cached.fetchedAt > maxAgeMs;
}

/**
 * The catalog's portal id when it is known to be the portal of the token `tokenId` names: fetched from
 * `origin` with that very token. After a token change it is only a stand-in for the new token's portal.
 */
export function portalIdFor(catalog: CachedCatalog, origin: string, tokenId: string | undefined): number | undefined {
  return tokenId !== undefined && catalog.tokenId === tokenId && catalog.origin === origin ? catalog.portalId : undefined;
}

export class CatalogCache {
  constructor(private readonly directory: string) {}

  /** The catalog last fetched from this origin, whichever portal it was; undefined when none or unreadable. */
  async latest(origin: string): Promise<CachedCatalog | undefined> {
    try {
      const pointer = JSON.parse(await readFile(this.pointerFile(origin), 'utf8')) as { file?: unknown };
      if (typeof pointer.file !== 'string' || pointer.file.includes('/') || pointer.file.includes('\\')) return undefined;
      const cached = JSON.parse(await readFile(path.join(this.directory, pointer.file), 'utf8')) as CachedCatalog & { format?: number };
      return cached.format === FORMAT && cached.origin === origin && Array.isArray(cached.properties) ? cached : undefined;
    } catch {
      return undefined; // none yet, or damaged: a fresh fetch or the bundled defaults will do
    }
  }

  async save(catalog: CachedCatalog): Promise<void> {
    await mkdir(this.directory, { recursive: true });
    const file = `${safeName(catalog.origin)}--${catalog.portalId ?? 'unknown'}.json`;
    await writeAtomically(path.join(this.directory, file), JSON.stringify({ format: FORMAT, ...catalog }));
    await writeAtomically(this.pointerFile(catalog.origin), JSON.stringify({ file }));
  }

  private pointerFile(origin: string): string {
    return path.join(this.directory, `${safeName(origin)}--latest.json`);
  }
}

/** `https://api.hubapi.com` → `https_api.hubapi.com`: a file name on every platform. */
function safeName(origin: string): string {
  return origin.replace(/[^a-zA-Z0-9.-]+/g, '_');
}

/** A reader never sees half a file, even if VS Code stops mid-write. */
async function writeAtomically(file: string, text: string): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, file);
}
