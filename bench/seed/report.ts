// Turns the seed benchmark's runs into the tables `npm run bench:seed` prints and writes to
// bench/RESULTS.md, with issue 13's targets marked met or not.
import { formatBytes } from '../report';
import { lowerBoundMs, type RateLimit } from './lowerBound';
import type { SandboxTally } from './sandboxTally';
import type { OurRunReport, PeerMode, PeerReport, PerContactReport, SideRun } from './sides';

export interface SeedBenchResult {
  readonly contacts: number;
  readonly limit: RateLimit;
  /** Median batch upsert of 100 on a sandbox without a limit: the bound's last request. */
  readonly latencyMs: number;
  readonly ours: SideRun<OurRunReport>;
  /** Ours planned with --save-plan, then the plan sent with --plan, confirmed on a terminal an interval later. */
  readonly reviewed: SideRun<OurRunReport>;
  readonly peers: readonly { readonly mode: PeerMode; readonly run: SideRun<PeerReport> }[];
  readonly perContact: SideRun<PerContactReport>;
  readonly perContactSample: number;
  readonly faults: {
    readonly serverError: number;
    readonly lost: number;
    readonly seed: number;
    readonly ours: SideRun<OurRunReport>;
    readonly peer: SideRun<PeerReport>;
  };
  readonly memory: readonly MemoryRun[];
}

export interface MemoryRun {
  readonly contacts: number;
  readonly files: number;
  readonly bytes: number;
  readonly run: SideRun<OurRunReport>;
  /** The same with V8's young generation fixed (--max-semi-space-size). */
  readonly fixedYoung: SideRun<OurRunReport>;
  /** The smallest --max-old-space-size, in MiB, the run completed in; undefined when none tried did. */
  readonly heapNeeded: number | undefined;
}

export interface SeedBenchReport {
  readonly markdown: string;
  readonly targetsMissed: number;
  /** What makes the figures untrustworthy: a side that crashed, or our CLI's output that was not its JSON. */
  readonly problems: readonly string[];
}

/** The send phase's target against the bound for 100 requests (issue 13). */
const MAX_BOUND_RATIO = 1.1;
/** "Flat in the number of contacts", as the benchmark reads it: ten times the contacts, at most 1.5 times the memory. */
const MAX_MEMORY_GROWTH = 1.5;
const ISSUE_REQUESTS = 100;

export function reportSeedBench(result: SeedBenchResult): SeedBenchReport {
  const problems: string[] = [];
  let targetsMissed = 0;
  const verdict = (met: boolean, what: string): string => {
    if (!met) targetsMissed++;
    return `${what} ${met ? '✔' : '✘'}`;
  };
  const check = (label: string, run: SideRun<unknown>) => {
    if (run.says === undefined) problems.push(`${label} printed no report it could be read from (exit ${run.child.code}): ${tail(run.child.stderr)}`);
  };
  const { ours, limit, latencyMs } = result;
  check('ours', ours);
  check('ours, a saved plan sent', result.reviewed);
  for (const { mode, run } of result.peers) check(`the peer (${PEER_LABEL[mode]})`, run);
  check('the per-contact baseline', result.perContact);
  check('ours with faults', result.faults.ours);
  check('the peer with faults', result.faults.peer);
  for (const { contacts, run, fixedYoung } of result.memory) {
    check(`ours at ${count(contacts)} contacts`, run);
    check(`ours at ${count(contacts)} contacts with a fixed young generation`, fixedYoung);
  }

  const bound = (requests: number) => lowerBoundMs(requests, limit, latencyMs);
  const writes = (tally: SandboxTally) => (tally.byRoute.batchUpsert ?? 0) + (tally.byRoute.batchCreate ?? 0) + (tally.byRoute.batchUpdate ?? 0);
  const writeRateLimited = (tally: SandboxTally) => (tally.rateLimitedByRoute.batchUpsert ?? 0) + (tally.rateLimitedByRoute.batchCreate ?? 0) + (tally.rateLimitedByRoute.batchUpdate ?? 0);
  const sendMs = ours.says?.sendElapsedMs ?? NaN;
  const { reviewed } = result;
  const reviewedSendMs = reviewed.says?.sendElapsedMs ?? NaN;
  const reviewedRatio = reviewedSendMs / bound(ISSUE_REQUESTS);
  const steadyMs = (ISSUE_REQUESTS / limit.max) * limit.intervalMs;
  const fastestPeer = Math.min(...result.peers.map(({ run }) => run.child.wallMs));
  const fewest429 = Math.min(...result.peers.map(({ run }) => run.tally.rateLimited));
  const sample = result.perContact;
  const perSecond = result.perContactSample / (sample.child.wallMs / 1000);

  const lines = [
    `### ${count(result.contacts)} contacts at ${limit.max} requests per ${interval(limit)}`,
    '',
    `Lower bound for N requests: floor((N − 1) / ${limit.max}) × ${interval(limit)} + ${latencyMs.toFixed(1)} ms, the median batch upsert of 100 contacts on a sandbox without a limit.`,
    '',
    '| | wall | requests | 429s | contacts | duplicates | peak RSS | lower bound | ×bound | target |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    row('ours, whole run (plan reads included)', ours.child.wallMs, requestsOf(ours.tally), ours.tally.rateLimited, ours.tally, ours.child.peakRssMiB, ours.tally.requests, bound(ours.tally.requests), ''),
    row('ours, send phase of that run (the CLI\'s sendElapsedMs)', sendMs, `${writes(ours.tally)} writes`, writeRateLimited(ours.tally), undefined, undefined, ISSUE_REQUESTS, bound(ISSUE_REQUESTS), ''),
    row('ours, a reviewed plan sent: `seed --plan`, send phase', reviewedSendMs, `${writes(reviewed.tally)} writes`, writeRateLimited(reviewed.tally), reviewed.tally, undefined, ISSUE_REQUESTS, bound(ISSUE_REQUESTS), verdict(reviewedRatio <= MAX_BOUND_RATIO, `≤ ${MAX_BOUND_RATIO}×`)),
    ...result.peers.map(({ mode, run }) => row(`peer: ${PEER_LABEL[mode]}`, run.child.wallMs, requestsOf(run.tally), run.tally.rateLimited, run.tally, run.child.peakRssMiB, ISSUE_REQUESTS, bound(ISSUE_REQUESTS), '')),
    row(`one request per contact: the first ${count(result.perContactSample)} (measured)`, sample.child.wallMs, requestsOf(sample.tally), sample.tally.rateLimited, sample.tally, sample.child.peakRssMiB, result.perContactSample, bound(result.perContactSample), ''),
    `| one request per contact: ${count(result.contacts)} (extrapolated at ${perSecond.toFixed(1)} contacts/s) | ${seconds((result.contacts / perSecond) * 1000)} | ${count(result.contacts)} | – | – | – | – | ${seconds(bound(result.contacts))} | ${((result.contacts / perSecond) * 1000 / bound(result.contacts)).toFixed(2)} | |`,
    '',
    `Ours against the peer: ${verdict(ours.child.wallMs < fastestPeer, `faster (${seconds(ours.child.wallMs)} against ${seconds(fastestPeer)} at best)`)}, ` +
      `${verdict(ours.tally.rateLimited < fewest429 || (ours.tally.rateLimited === 0 && fewest429 === 0), `fewer 429s (${ours.tally.rateLimited} against ${fewest429} at least)`)}. ` +
      `The whole run against the bound for the issue's ${ISSUE_REQUESTS} requests: ${(ours.child.wallMs / bound(ISSUE_REQUESTS)).toFixed(2)}× (planning reads the portal first: ${ours.tally.byRoute.batchRead ?? 0} batch reads). ` +
      `In one run (\`--yes\`) the send phase starts with a window the plan's reads have filled: at the limit's steady rate its ${ISSUE_REQUESTS} requests take ${seconds(steadyMs)}, ${(steadyMs / bound(ISSUE_REQUESTS)).toFixed(2)}× the bound, and the send phase took ${(sendMs / steadyMs).toFixed(2)}× that. ` +
      `As a person runs it — \`seed --dry-run --save-plan P\`, then \`seed --plan P\` on a terminal, confirmed ${interval(limit)} after it asks (reading the plan takes longer) — ` +
      `the send begins with the plan's reads out of the window: ${seconds(reviewedSendMs)} for its ${writes(reviewed.tally)} writes, ${reviewedRatio.toFixed(2)}× the bound; ` +
      `with the plan run's, ${requestsOf(reviewed.tally)} requests in all, and ${count(reviewed.tally.contacts)} contacts at the end.` +
      `${ours.says ? ` The CLI says: ${ours.says.requests} requests, 429s: ${ours.says.rateLimited}, ${countsText(ours.says.counts)}.` : ''}`,
  ];

  const { faults } = result;
  const exact = (tally: SandboxTally) => tally.contacts === result.contacts && tally.distinctEmails === result.contacts && tally.duplicates === 0 && tally.missing === 0;
  lines.push(
    '',
    `### The same with ${percent(faults.serverError)} 5xx and ${percent(faults.lost)} lost answers (seed ${faults.seed})`,
    '',
    'A lost answer: the sandbox handles the request (a write is applied, unless the limit refused it), then drops the connection. 5xx are answered before the limit is counted.',
    '',
    '| | wall | requests | 429s | 5xx | lost | contacts | distinct emails | duplicates | missing | what the side says | target |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|',
    faultRow('ours', faults.ours, faults.ours.says ? countsText(faults.ours.says.counts) : '–', verdict(exact(faults.ours.tally), `exactly ${count(result.contacts)}, 0 duplicates`)),
    faultRow(`peer: ${PEER_LABEL.sequential}`, faults.peer, faults.peer.says ? peerText(faults.peer.says) : '–', exact(faults.peer.tally) ? 'exact' : 'not exact'),
  );

  const [smaller, larger] = result.memory;
  lines.push(
    '',
    '### Peak memory of our CLI (files on disk, a sandbox without a limit)',
    '',
    'Peak RSS as it runs; then with V8\'s young generation fixed (`--max-semi-space-size=16`): V8 grows it, up to 64 MiB semi-spaces on this',
    'machine, the longer a process allocates, so a run ten times as long gets a larger one whatever it holds. The heap a run needs:',
    'the smallest `--max-old-space-size` (16, 20, 24, 28, 32, 40, 48, 64 … MiB tried) under which it still sends every contact.',
    '',
    '| contacts | files | on disk | wall | requests | contacts in the sandbox | peak RSS | peak RSS, young generation fixed | heap it needs |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...result.memory.map(({ contacts, files, bytes, run, fixedYoung, heapNeeded }) =>
      `| ${count(contacts)} | ${files} | ${formatBytes(bytes)} | ${seconds(run.child.wallMs)} | ${requestsOf(run.tally)} | ${count(run.tally.contacts)} | ${mib(run.child.peakRssMiB)} | ${mib(fixedYoung.child.peakRssMiB)} | ${heapNeeded === undefined ? 'more than 256 MiB' : `${heapNeeded} MiB`} |`),
  );
  if (smaller && larger) {
    const ratio = (of: (run: MemoryRun) => number) => of(larger) / of(smaller);
    const rss = ratio((run) => run.run.child.peakRssMiB);
    const fixed = ratio((run) => run.fixedYoung.child.peakRssMiB);
    const heap = smaller.heapNeeded !== undefined && larger.heapNeeded !== undefined ? larger.heapNeeded / smaller.heapNeeded : undefined;
    const times = `${larger.contacts / smaller.contacts}× the contacts`;
    lines.push(
      '',
      `At ${count(larger.contacts)} against ${count(smaller.contacts)} (${times}): the heap it needs ${heap === undefined ? 'could not be found' : `${heap.toFixed(2)}×`}, ${verdict(heap !== undefined && heap <= MAX_MEMORY_GROWTH, `flat (≤ ${MAX_MEMORY_GROWTH}×)`)}; ` +
        `peak RSS with the young generation fixed ${fixed.toFixed(2)}×, ${verdict(fixed <= MAX_MEMORY_GROWTH, `≤ ${MAX_MEMORY_GROWTH}×`)}; peak RSS as it runs ${rss.toFixed(2)}× (the young generation's growth with the run's length included).`,
    );
  }
  return { markdown: lines.join('\n'), targetsMissed, problems };
}

const PEER_LABEL: Readonly<Record<PeerMode, string>> = {
  sequential: 'HubSpot\'s Node SDK, one batch after another',
  all: 'HubSpot\'s Node SDK, every batch at once (Promise.all)',
};

function row(label: string, wallMs: number, requests: string, rateLimited: number, tally: SandboxTally | undefined, peakRssMiB: number | undefined, boundRequests: number, boundMs: number, target: string): string {
  const cells = [
    label,
    seconds(wallMs),
    requests,
    String(rateLimited),
    tally ? count(tally.contacts) : '–',
    tally ? String(tally.duplicates) : '–',
    peakRssMiB === undefined ? '–' : mib(peakRssMiB),
    `${seconds(boundMs)} (${count(boundRequests)} requests)`,
    (wallMs / boundMs).toFixed(2),
    target,
  ];
  return `| ${cells.join(' | ')} |`;
}

function faultRow(label: string, run: SideRun<unknown>, says: string, target: string): string {
  const { tally } = run;
  const cells = [label, seconds(run.child.wallMs), requestsOf(tally), tally.rateLimited, tally.serverErrors, tally.lost, count(tally.contacts), count(tally.distinctEmails), tally.duplicates, tally.missing, says, target];
  return `| ${cells.join(' | ')} |`;
}

/** "200 (100 batchRead, 100 batchUpsert)": every request the sandbox logged, by route. */
function requestsOf(tally: SandboxTally): string {
  const routes = Object.entries(tally.byRoute);
  if (routes.length === 0) return '0';
  if (routes.length === 1) return `${tally.requests} ${routes[0]?.[0]}`;
  return `${tally.requests} (${routes.map(([route, requests]) => `${requests} ${route}`).join(', ')})`;
}

function countsText(counts: OurRunReport['counts']): string {
  return Object.entries(counts).filter(([, value]) => value > 0).map(([name, value]) => `${name} ${count(value)}`).join(', ') || 'nothing';
}

function peerText(says: PeerReport): string {
  return says.failedBatches === 0 ? `${says.batches} batches, none threw` : `${says.failedBatches} of ${says.batches} batches threw after its retries (${says.failures.join('; ')})`;
}

function tail(text: string): string {
  return text.trim().split('\n').slice(-3).join(' / ') || 'nothing on stderr';
}

/** "2 s": a limit's window as people write it. */
export function interval(limit: RateLimit): string {
  return `${limit.intervalMs / 1000} s`;
}

export function seconds(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  return ms < 10_000 ? `${(ms / 1000).toFixed(2)} s` : `${(ms / 1000).toFixed(1)} s`;
}

function count(value: number): string {
  return value.toLocaleString('en-US').replace(/,/g, ' ');
}

function mib(value: number): string {
  return `${value.toFixed(0)} MiB`;
}

function percent(rate: number): string {
  return `${(rate * 100).toFixed(0)} %`;
}
