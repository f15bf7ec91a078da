// The per-contact baseline of the seed benchmark, run as its own process: what a person writes with
// plain fetch (undici) when there is no batch sender. One create (`POST /crm/v3/objects/contacts`) per
// contact, one after the other; after a 429 it waits as long as X-HubSpot-RateLimit-Interval-Milliseconds
// says (else 10 s) and sends that contact again; any other failure is counted and it goes on.
// `node --import tsx bench/seed/perContact.ts <folder> <contacts>`: the first <contacts> of the set.
// Token and URL as for the peer (HUBSPOT_ACCESS_TOKEN, SEED_BENCH_BASE_URL). Prints {sent, created, failed}.
import { setTimeout as sleep } from 'node:timers/promises';
import { readSeedFiles } from './seedFiles';

const FALLBACK_WAIT_MS = 10_000;
const REQUEST_DEADLINE_MS = 30_000;

async function main(): Promise<void> {
  const [folder, count] = process.argv.slice(2);
  if (!folder || !Number.isInteger(Number(count))) throw new Error('usage: perContact.ts <folder> <contacts>');
  const url = `${process.env.SEED_BENCH_BASE_URL}/crm/v3/objects/contacts`;
  const headers = { authorization: `Bearer ${process.env.HUBSPOT_ACCESS_TOKEN}`, 'content-type': 'application/json' };
  let created = 0;
  let failed = 0;
  const contacts = readSeedFiles(folder).slice(0, Number(count));
  for (const properties of contacts) {
    for (;;) {
      const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ properties }), signal: AbortSignal.timeout(REQUEST_DEADLINE_MS) });
      await response.arrayBuffer();
      if (response.status === 429) {
        await sleep(Number(response.headers.get('x-hubspot-ratelimit-interval-milliseconds') ?? FALLBACK_WAIT_MS));
        continue;
      }
      if (response.ok) created++;
      else failed++;
      break;
    }
  }
  process.stdout.write(`${JSON.stringify({ sent: contacts.length, created, failed })}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 2;
});
