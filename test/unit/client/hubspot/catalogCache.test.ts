import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { CatalogCache, needsRefresh, portalIdFor, type CachedCatalog } from '../../../../client/src/hubspot/catalogCache';

let directory: string;
before(async () => { directory = await mkdtemp(path.join(tmpdir(), 'catalog-cache-')); });
after(() => rm(directory, { recursive: true, force: true }));

const catalog = (origin: string, portalId: number | undefined, fetchedAt: number): CachedCatalog => ({
  origin, portalId, api: 'v3', fetchedAt, properties: [{ name: 'favorite_color', label: 'Favorite color', type: 'string', fieldType: 'text' }],
});

test('the latest catalog of each origin comes back, per account', async () => {
  const cache = new CatalogCache(directory);
  assert.equal(await cache.latest('https://api.hubapi.com'), undefined);
  await cache.save(catalog('https://api.hubapi.com', 62515, 1000));
  await cache.save(catalog('http://127.0.0.1:4010', undefined, 2000));
  await cache.save(catalog('https://api.hubapi.com', 99999, 3000));
  assert.deepEqual(await cache.latest('https://api.hubapi.com'), catalog('https://api.hubapi.com', 99999, 3000));
  assert.equal((await cache.latest('http://127.0.0.1:4010'))?.fetchedAt, 2000);
  const files = (await readdir(directory)).sort();
  assert.deepEqual(files, [
    'http_127.0.0.1_4010--latest.json', 'http_127.0.0.1_4010--unknown.json',
    'https_api.hubapi.com--62515.json', 'https_api.hubapi.com--99999.json', 'https_api.hubapi.com--latest.json',
  ]);
});

test('a damaged or foreign cache file is ignored, not trusted', async () => {
  const cache = new CatalogCache(directory);
  await writeFile(path.join(directory, 'https_api.hubapi.com--latest.json'), '{"file": "../../etc/passwd"}');
  assert.equal(await cache.latest('https://api.hubapi.com'), undefined);
  await writeFile(path.join(directory, 'https_api.hubapi.com--latest.json'), '{"file": "https_api.hubapi.com--62515.json"}');
  await writeFile(path.join(directory, 'https_api.hubapi.com--62515.json'), '{"format": 1, "origin": "https://evil.example", "properties": []}');
  assert.equal(await cache.latest('https://api.hubapi.com'), undefined);
  await writeFile(path.join(directory, 'https_api.hubapi.com--62515.json'), '{ not json');
  assert.equal(await cache.latest('https://api.hubapi.com'), undefined);
});

test('a cache file whose fields have the wrong types is ignored, and malformed definitions are dropped', async () => {
  const cache = new CatalogCache(directory);
  const origin = 'https://typed.example';
  const file = 'https_typed.example--1.json';
  await writeFile(path.join(directory, 'https_typed.example--latest.json'), JSON.stringify({ file }));
  const good = { format: 1, origin, portalId: 1, api: 'v3', fetchedAt: 5, properties: [{ name: 'a', label: 'A', type: 'string', fieldType: 'text' }] };
  const variants: Record<string, unknown>[] = [
    { fetchedAt: '5' }, { fetchedAt: null }, { fetchedAt: Number.MAX_VALUE * 2 }, { portalId: '1' }, { portalId: -1 }, { portalId: 1.5 },
    { api: 'v9' }, { properties: {} }, { format: 2 }, { tokenId: 7 },
  ];
  for (const variant of variants) {
    await writeFile(path.join(directory, file), JSON.stringify({ ...good, ...variant }));
    assert.equal(await cache.latest(origin), undefined, JSON.stringify(variant));
  }
  await writeFile(path.join(directory, file), JSON.stringify({ ...good, properties: [...good.properties, { name: 7 }, null, 'x'] }));
  assert.deepEqual(await cache.latest(origin), { origin, portalId: 1, api: 'v3', fetchedAt: 5, properties: good.properties });
});

test('a save that fails leaves no temporary file behind', async () => {
  const cache = new CatalogCache(directory);
  // A directory where the catalog file should go: the rename onto it fails.
  await mkdir(path.join(directory, 'https_blocked.example--7.json', 'inside'), { recursive: true });
  await assert.rejects(cache.save(catalog('https://blocked.example', 7, 1)));
  assert.deepEqual((await readdir(directory)).filter((name) => name.endsWith('.tmp')), []);
});

test('a catalog is refreshed when missing or older than the allowed age', () => {
  assert.equal(needsRefresh(undefined, 10_000, 1000), true);
  assert.equal(needsRefresh(catalog('o', 1, 9_500), 10_000, 1000), false);
  assert.equal(needsRefresh(catalog('o', 1, 8_000), 10_000, 1000), true);
});

test('a catalog names its portal only for the token it was fetched with', async () => {
  const cache = new CatalogCache(directory);
  await cache.save({ ...catalog('https://api.hubapi.com', 62515, 4000), tokenId: 'token-a' });
  const saved = await cache.latest('https://api.hubapi.com');
  assert.ok(saved);
  assert.equal(portalIdFor(saved, 'https://api.hubapi.com', 'token-a'), 62515);
  assert.equal(portalIdFor(saved, 'https://api.hubapi.com', 'token-b'), undefined, 'after a token change');
  assert.equal(portalIdFor(saved, 'https://api.hubapi.com', undefined), undefined, 'no token');
  assert.equal(portalIdFor(saved, 'http://127.0.0.1:4010', 'token-a'), undefined, 'another host');
  assert.equal(portalIdFor(catalog('https://api.hubapi.com', 62515, 4000), 'https://api.hubapi.com', 'token-a'), undefined, 'fetched before tokens had ids');
});

test("an account whose portal is known gets that portal's catalog, not the origin's latest", async () => {
  const cache = new CatalogCache(await mkdtemp(path.join(directory, 'portals-')));
  await cache.save(catalog('https://api.hubapi.com', 111, 1000));
  await cache.save(catalog('https://api.hubapi.com', 222, 2000));
  assert.equal((await cache.latest('https://api.hubapi.com'))?.portalId, 222);
  assert.equal((await cache.ofPortal('https://api.hubapi.com', 111))?.fetchedAt, 1000);
  assert.equal(await cache.ofPortal('https://api.hubapi.com', 333), undefined, 'never fetched');
  assert.equal(await cache.ofPortal('http://127.0.0.1:4010', 111), undefined, 'another origin');
});
