// The fastest any client can send N requests under a limit of `max` per rolling `interval`: the first
// request of the last window cannot start before floor((N − 1) / max) × interval, and it still has to
// be answered, which takes one request's latency (measured on a sandbox without a limit).
import { median } from '../measureSize';
import { startSandbox } from '../../test/sandbox/sandbox';
import { seedContact } from './seedFiles';

export interface RateLimit {
  readonly max: number;
  readonly intervalMs: number;
}

export function lowerBoundMs(requests: number, limit: RateLimit, latencyMs: number): number {
  if (requests < 1) return 0;
  return Math.floor((requests - 1) / limit.max) * limit.intervalMs + latencyMs;
}

const LATENCY_SAMPLES = 21;
const BATCH_SIZE = 100;
const REQUEST_DEADLINE_MS = 30_000;

/** The median time of a batch upsert of 100 new contacts, sent one after the other to a sandbox without a limit. */
export async function medianBatchUpsertMs(): Promise<number> {
  const sandbox = await startSandbox({ rateLimits: { burst: 1_000_000, daily: 100_000_000 } });
  try {
    const times: number[] = [];
    for (let sample = 0; sample < LATENCY_SAMPLES; sample++) {
      const inputs = Array.from({ length: BATCH_SIZE }, (_, offset) => {
        const properties = seedContact(sample * BATCH_SIZE + offset);
        return { idProperty: 'email', id: properties.email, properties };
      });
      const started = performance.now();
      const response = await fetch(`${sandbox.url}/crm/v3/objects/contacts/batch/upsert`, {
        method: 'POST',
        headers: { authorization: `Bearer ${sandbox.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ inputs }),
        signal: AbortSignal.timeout(REQUEST_DEADLINE_MS),
      });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`the latency probe's batch upsert answered ${response.status}`);
      times.push(performance.now() - started);
    }
    return median(times);
  } finally {
    await sandbox.stop();
  }
}
