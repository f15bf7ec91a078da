// `npm run bench:seed`: sending a seed set of 10 000 contacts under a rate limit of 20 requests per
// 2 s, ours (the CLI's `seed` command) against HubSpot's official Node SDK and against one request per
// contact, then the same with random 5xx and lost answers, then our CLI's peak memory at 10 000 and
// 100 000 contacts. Every side is a child process against a fresh sandbox in this process, which counts
// what it was sent. Prints the tables and rewrites the seed sets section of bench/RESULTS.md.
// `--sample 400`: contacts the per-contact baseline sends; `--peer-all no` leaves out the peer sending
// every batch at once (about 100 s); `--fault-seed 13`: the sandbox's seed for the random faults;
// `--cli path/to/cli.js` measures another build of our CLI; `--serial` runs the peer and the baseline
// one after another instead of at the same time (about 4 minutes more); `--no-write` leaves RESULTS.md alone.
import os from 'node:os';
import { parseArgs } from 'node:util';
import type { SandboxOptions } from '../../test/sandbox/sandbox';
import { medianBatchUpsertMs, type RateLimit } from './lowerBound';
import { interval, reportSeedBench, seconds, type SeedBenchResult } from './report';
import { writeSeedSection } from './resultsSection';
import { writeSeedFiles, type SeedFolder } from './seedFiles';
import { runOurs, runOursReviewed, runPeer, runPerContact, type PeerMode } from './sides';

const CONTACTS = 10_000;
const MEMORY_CONTACTS = [10_000, 100_000];
const LIMIT: RateLimit = { max: 20, intervalMs: 2_000 };
/** Far above what any side sends, so that only the ten-second-style window limits. */
const DAILY = 100_000_000;
const LIMITED: SandboxOptions = { rateLimits: { burst: LIMIT.max, intervalMs: LIMIT.intervalMs, daily: DAILY } };
const UNLIMITED: SandboxOptions = { rateLimits: { burst: 1_000_000, daily: DAILY } };
const FAULT_RATES = { serverError: 0.05, lost: 0.03 };
/**
 * V8 grows its young generation (up to 64 MiB semi-spaces here) the longer a process allocates, so
 * a run ten times as long has a larger one whatever it holds; measured once more with it fixed.
 */
const FIXED_SEMI_SPACE_MIB = 16;
/** The old-space limits tried, smallest first, to find the heap a run needs (what it holds at its fullest). */
const HEAP_LIMITS_MIB = [16, 20, 24, 28, 32, 40, 48, 64, 96, 128, 192, 256];

/** The smallest --max-old-space-size (of HEAP_LIMITS_MIB) under which the run sends every contact; undefined if none. */
async function smallestHeap(folder: SeedFolder, cli: string | undefined): Promise<number | undefined> {
  for (const limit of HEAP_LIMITS_MIB) {
    const run = await runOurs(folder, UNLIMITED, cli, [`--max-old-space-size=${limit}`]);
    if (run.child.code === 0 && run.tally.contacts === folder.contacts) return limit;
  }
  return undefined;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      sample: { type: 'string', default: '400' },
      'peer-all': { type: 'string', default: 'yes' },
      'fault-seed': { type: 'string', default: '13' },
      'no-write': { type: 'boolean', default: false },
      cli: { type: 'string' },
      serial: { type: 'boolean', default: false },
    },
  });
  const sample = Number(values.sample);
  const faultSeed = Number(values['fault-seed']);
  if (!Number.isInteger(sample) || sample < 1 || sample > CONTACTS) throw new Error(`--sample takes a whole number from 1 to ${CONTACTS}, not "${values.sample}"`);
  if (!Number.isInteger(faultSeed)) throw new Error(`--fault-seed takes a whole number, not "${values['fault-seed']}"`);
  if (values['peer-all'] !== 'yes' && values['peer-all'] !== 'no') throw new Error(`--peer-all takes yes or no, not "${values['peer-all']}"`);
  const peerModes: PeerMode[] = values['peer-all'] === 'yes' ? ['sequential', 'all'] : ['sequential'];

  const startedAt = new Date();
  const began = performance.now();
  const step = async <T>(what: string, measure: () => Promise<T>): Promise<T> => {
    const stepBegan = performance.now();
    const result = await measure();
    console.log(`${what}: ${seconds(performance.now() - stepBegan)}`);
    return result;
  };
  const folders: SeedFolder[] = [];
  const seedFolder = (contacts: number) => {
    const folder = writeSeedFiles(contacts);
    folders.push(folder);
    return folder;
  };
  try {
    const seed = seedFolder(CONTACTS);
    const latencyMs = await step('latency of a batch upsert', medianBatchUpsertMs);
    const faulty: SandboxOptions = { ...LIMITED, randomFaults: FAULT_RATES, seed: faultSeed };
    const ours = await step('ours', () => runOurs(seed, LIMITED, values.cli));
    const reviewed = await step('ours, a saved plan sent once confirmed', () => runOursReviewed(seed, LIMITED, LIMIT.intervalMs, values.cli));
    const faultsOurs = await step('ours with faults', () => runOurs(seed, faulty, values.cli));
    // The other sides spend their time waiting out the limit (the SDK sleeps 10 s × attempt after a 429),
    // so they run at the same time, each against its own sandbox, unless --serial; ours always runs alone.
    let queue: Promise<unknown> = Promise.resolve();
    const schedule = <T>(run: () => Promise<T>): Promise<T> => {
      if (!values.serial) return run();
      const next = queue.then(run);
      queue = next.catch(() => undefined);
      return next;
    };
    const [peers, faultsPeer, perContact] = await Promise.all([
      Promise.all(peerModes.map(async (mode) => ({ mode, run: await schedule(() => step(`peer (${mode})`, () => runPeer(seed, mode, LIMITED))) }))),
      schedule(() => step('peer with faults', () => runPeer(seed, 'sequential', faulty))),
      schedule(() => step(`one request per contact (${sample})`, () => runPerContact(seed, sample, LIMITED))),
    ]);
    const memory = [];
    for (const contacts of MEMORY_CONTACTS) {
      const folder = contacts === CONTACTS ? seed : seedFolder(contacts);
      const run = await step(`ours at ${contacts} contacts, no limit`, () => runOurs(folder, UNLIMITED, values.cli));
      const fixedYoung = await step(`  with a young generation of ${FIXED_SEMI_SPACE_MIB} MiB semi-spaces`, () => runOurs(folder, UNLIMITED, values.cli, [`--max-semi-space-size=${FIXED_SEMI_SPACE_MIB}`]));
      const heapNeeded = await step('  the smallest heap it completes in', () => smallestHeap(folder, values.cli));
      memory.push({ contacts, files: folder.files, bytes: folder.bytes, run, fixedYoung, heapNeeded });
    }
    const result: SeedBenchResult = {
      contacts: CONTACTS, limit: LIMIT, latencyMs, ours, reviewed, peers, perContact, perContactSample: sample,
      faults: { ...FAULT_RATES, seed: faultSeed, ours: faultsOurs, peer: faultsPeer }, memory,
    };
    const report = reportSeedBench(result);
    const summary = report.problems.length > 0 ? `**The figures are not comparable:** ${report.problems.join('; ')}.` : `Targets missed: ${report.targetsMissed}.`;
    const markdown = [introduction(startedAt, performance.now() - began, sample, values.cli), report.markdown, summary].join('\n\n');
    console.log(`\n${markdown}`);
    if (!values['no-write']) writeSeedSection(markdown);
    return report.problems.length > 0 ? 1 : 0;
  } finally {
    for (const folder of folders) folder.remove();
  }
}

function introduction(startedAt: Date, durationMs: number, sample: number, otherCli: string | undefined): string {
  const memory = `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`;
  return [
    '## Seed sets (issue 13)',
    '',
    ...(otherCli ? [`Our CLI: ${otherCli}.`, ''] : []),
    `Run ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC with \`npm run bench:seed\` (${seconds(durationMs)} in all) on ${os.availableParallelism()} CPUs (${os.cpus()[0]?.model.trim() ?? 'unknown'}), ${memory}, Node ${process.version}.`,
    '',
    `**How** (bench/seed/). The seed set is batch files in the CRM objects batch body form (\`{"inputs":[{"properties":{…}}]}\`, email, first and`,
    'last name, company), 1 000 contacts a file, unique emails, written to a temporary folder and deleted afterwards. The sandbox',
    `(test/sandbox) runs in the benchmark's process, a fresh one per side, with a rolling limit of ${LIMIT.max} requests per ${interval(LIMIT)} and a daily`,
    'limit no side reaches; every side is a child process of its own, timed from spawn to exit (Node\'s start-up included), its peak RSS',
    'taken by GNU time. Requests, 429s and the contacts at the end (distinct emails; duplicates: contacts whose email an older contact',
    'has) are counted from the sandbox\'s request log and store, never from what a side says. **Ours**: `node dist/cli.js seed <folder>',
    '--base-url <sandbox> --api-version v3 --yes --json --journal <temp file>`; it plans first (batch reads of the portal), so the',
    'table gives the whole run and the send phase its JSON reports (`sendElapsedMs`); then as a person runs it, `seed --dry-run',
    '--save-plan P`, and `seed --plan P` on a terminal (util-linux `script`) confirmed one interval after it asks. **The peer**: `@hubspot/api-client`',
    '(bench/seed/peerSdk.ts), `crm.contacts.batchApi.upsert` by email, 100 contacts a batch, `numberOfApiCallRetries: 6`, one batch',
    'after another as its documentation shows, and every batch at once; a batch that throws after its retries is counted and the',
    `others go on. **One request per contact** (bench/seed/perContact.ts): plain fetch, one create after another, after a 429 a wait`,
    `of X-HubSpot-RateLimit-Interval-Milliseconds; it sends the first ${sample} contacts, and the ${CONTACTS.toLocaleString('en-US').replace(',', ' ')} figure is extrapolated at the measured rate.`,
    'Ours runs alone; the peer\'s runs and the baseline, which spend their time waiting out the limit, run at the same time, each',
    'against its own sandbox (`--serial`: one after another). The peer and the baseline run under tsx, which their peak RSS includes.',
    'The memory runs send to a sandbox without a limit: 2 000 requests at 20 per 2 s would take more than 3 minutes on their own.',
  ].join('\n');
}

main().then(
  (code) => { process.exitCode = code; },
  (error: unknown) => { console.error(error); process.exitCode = 2; },
);
