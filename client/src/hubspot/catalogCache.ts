// The portal catalogs kept between sessions: one JSON file per account (host + portal id) in the
// extension's global storage, with the time it was fetched. No vscode import: tests use a temp dir.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { wellFormedDefinitions, type PropertyDefinition } from '../../../server/src/service/catalog';

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
      return await this.read(pointer.file, origin);
    } catch {
      return undefined; // none yet, or damaged: a fresh fetch or the bundled defaults will do
    }
  }

  /** The catalog last fetched from this portal at this origin (an account whose portal is known); undefined when none or unreadable. */
  async ofPortal(origin: string, portalId: number): Promise<CachedCatalog | undefined> {
    return this.read(catalogFile(origin, portalId), origin).catch(() => undefined);
  }

  private async read(file: string, origin: string): Promise<CachedCatalog | undefined> {
    return checkedCatalog(JSON.parse(await readFile(path.join(this.directory, file), 'utf8')), origin);
  }

  async save(catalog: CachedCatalog): Promise<void> {
    await mkdir(this.directory, { recursive: true });
    const file = catalogFile(catalog.origin, catalog.portalId);
    await writeAtomically(path.join(this.directory, file), JSON.stringify({ format: FORMAT, ...catalog }));
    await writeAtomically(this.pointerFile(catalog.origin), JSON.stringify({ file }));
  }

  private pointerFile(origin: string): string {
    return path.join(this.directory, `${safeName(origin)}--latest.json`);
  }
}

/**
 * The cached catalog when every field has the type it was written with; undefined otherwise. The
 * file is on disk, where anything may have changed it: a wrong type here would surface later as a
 * crash far from the cause (a fetch time that is a string never needs a refresh).
 */
function checkedCatalog(raw: unknown, origin: string): CachedCatalog | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { format, origin: cachedOrigin, portalId, api, fetchedAt, properties, tokenId } = raw as Record<string, unknown>;
  if (format !== FORMAT || cachedOrigin !== origin) return undefined;
  if (tokenId !== undefined && typeof tokenId !== 'string') return undefined;
  if (portalId !== undefined && !(Number.isSafeInteger(portalId) && (portalId as number) > 0)) return undefined;
  if (api !== 'v3' && api !== 'v1') return undefined;
  if (typeof fetchedAt !== 'number' || !Number.isFinite(fetchedAt) || !Array.isArray(properties)) return undefined;
  return { origin, portalId: portalId as number | undefined, api, fetchedAt, properties: wellFormedDefinitions(properties), ...(tokenId === undefined ? {} : { tokenId }) };
}

/** `https://api.hubapi.com` → `https_api.hubapi.com`: a file name on every platform. */
function catalogFile(origin: string, portalId: number | undefined): string {
  return `${safeName(origin)}--${portalId ?? 'unknown'}.json`;
}

function safeName(origin: string): string {
  return origin.replace(/[^a-zA-Z0-9.-]+/g, '_');
}

/** A reader never sees half a file, even if VS Code stops mid-write; a write that fails leaves nothing behind. */
async function writeAtomically(file: string, text: string): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, text);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
