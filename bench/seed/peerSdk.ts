// The peer of the seed benchmark, run as its own process: HubSpot's official Node SDK
// (@hubspot/api-client) sending the seed set by batch upsert (100 contacts a batch, by email), with
// its own retry option, as its documentation shows. `node --import tsx bench/seed/peerSdk.ts <folder>
// sequential|all`: one batch after the other, or every batch at once (Promise.all). The token comes
// from HUBSPOT_ACCESS_TOKEN, the sandbox's URL from SEED_BENCH_BASE_URL. A batch that still throws
// after the SDK's retries is counted and the others go on, so the peer is reported with what it
// managed. Prints {batches, failedBatches, failures} as JSON; the benchmark counts from the sandbox.
import { Client } from '@hubspot/api-client';
import { readSeedFiles } from './seedFiles';

/** The most the SDK allows (0 to 6); it counts attempts, so 6 is at most 6 calls a batch. */
const NUMBER_OF_API_CALL_RETRIES = 6;
const BATCH_SIZE = 100;

async function main(): Promise<void> {
  const [folder, mode] = process.argv.slice(2);
  if (!folder || (mode !== 'sequential' && mode !== 'all')) throw new Error('usage: peerSdk.ts <folder> sequential|all');
  const client = new Client({ accessToken: process.env.HUBSPOT_ACCESS_TOKEN, basePath: process.env.SEED_BENCH_BASE_URL, numberOfApiCallRetries: NUMBER_OF_API_CALL_RETRIES });
  const contacts = readSeedFiles(folder);
  const batches = Array.from({ length: Math.ceil(contacts.length / BATCH_SIZE) }, (_, index) => contacts.slice(index * BATCH_SIZE, (index + 1) * BATCH_SIZE));
  const failures: string[] = [];
  const upsert = (batch: typeof contacts) =>
    client.crm.contacts.batchApi
      .upsert({ inputs: batch.map((properties) => ({ idProperty: 'email', id: properties.email, properties: { ...properties } })) })
      .then(
        () => undefined,
        (error: unknown) => {
          failures.push(describe(error));
        },
      );
  if (mode === 'all') await Promise.all(batches.map(upsert));
  else for (const batch of batches) await upsert(batch);
  process.stdout.write(`${JSON.stringify({ batches: batches.length, failedBatches: failures.length, failures: [...new Set(failures)] })}\n`);
}

/** The SDK throws an ApiException (`code`: the status) for an answer, a plain Error for a dropped connection. */
function describe(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'number') return `HTTP ${error.code}`;
  return error instanceof Error ? error.message : String(error);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 2;
});
