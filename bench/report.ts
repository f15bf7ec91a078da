// Turns measured figures into the tables `npm run bench` prints and writes to bench/RESULTS.md, with
// the ratios ours/peer and the issue's targets marked met or not.
import { VALUES_PER_CONTACT } from './batchPayloads';
import { median, percentile, type SideFigures, type SizeResult } from './measureSize';
import type { BenchShape } from './payloads';

/** A limit on our figure: a ratio to the peer's, or an absolute time. */
type Target = { readonly maxRatio: number } | { readonly maxMs: number };

interface Row {
  readonly label: string;
  readonly unit: 'ms' | 'MiB' | 'items';
  readonly value: (figures: SideFigures) => number;
  readonly target?: (entries: number) => Target | undefined;
}

const LARGE = (entries: number) => entries >= 10_000;

const ROWS: readonly Row[] = [
  { label: 'open → diagnostics', unit: 'ms', value: (f) => f.openMs, target: (n) => (LARGE(n) ? { maxRatio: 0.5 } : undefined) },
  {
    label: 'edit → diagnostics, median', unit: 'ms', value: (f) => median(f.editMs),
    target: (n) => (LARGE(n) ? { maxRatio: 0.2 } : n <= 10 ? { maxMs: 5 } : undefined),
  },
  { label: 'edit → diagnostics, p95', unit: 'ms', value: (f) => percentile(f.editMs, 95) },
  { label: 'completion, median', unit: 'ms', value: (f) => median(f.completionMs), target: (n) => (LARGE(n) ? { maxRatio: 1 } : undefined) },
  { label: 'completion, p95', unit: 'ms', value: (f) => percentile(f.completionMs, 95) },
  { label: 'completion items (median)', unit: 'items', value: (f) => f.completionItems },
  { label: 'peak RSS (VmHWM)', unit: 'MiB', value: (f) => f.peakRssMiB, target: (n) => (LARGE(n) ? { maxRatio: 0.5 } : undefined) },
  { label: 'start → initialized', unit: 'ms', value: (f) => f.startMs },
];

export interface SizeReport {
  readonly markdown: string;
  readonly targetsMissed: number;
  /** What makes the figures untrustworthy: a server that did not diagnose the invalid entries, or reported errors on valid ones. */
  readonly problems: readonly string[];
}

export function reportSize(result: SizeResult): SizeReport {
  const { ours, peer } = result.figures;
  let targetsMissed = 0;
  const lines = [
    `### ${sizeLabel(result)} (${formatBytes(result.bytes)}, ${result.invalidEntries} invalid)`,
    '',
    '| | ours | peer | ours/peer | target |',
    '|---|---:|---:|---:|---|',
  ];
  for (const row of ROWS) {
    const mine = row.value(ours);
    const theirs = row.value(peer);
    const ratio = mine / theirs;
    const target = row.target?.(result.entries);
    let verdict = '';
    if (target) {
      const met = 'maxRatio' in target ? ratio <= target.maxRatio : mine < target.maxMs;
      if (!met) targetsMissed++;
      verdict = `${'maxRatio' in target ? `≤ ${target.maxRatio}×` : `< ${target.maxMs} ms`} ${met ? '✔' : '✘'}`;
    }
    lines.push(`| ${row.label} | ${format(mine, row.unit)} | ${format(theirs, row.unit)} | ${Number.isFinite(ratio) ? ratio.toFixed(2) : '–'} | ${verdict} |`);
  }

  const problems: string[] = [];
  const what = ENTRIES_ARE[result.shape];
  const check = (name: string, figures: SideFigures, expected: number) => {
    const ok = figures.diagnosedInvalid >= expected && figures.falseErrors === 0 && figures.editsWithOtherDiagnostics === 0;
    if (!ok) problems.push(`${sizeLabel(result)}, ${name}: ${figures.diagnosedInvalid}/${expected} invalid ${what} diagnosed, ${figures.falseErrors} errors on valid ${what}, ${figures.editsWithOtherDiagnostics} edits changed the diagnostics`);
    return `${name} ${figures.diagnosedInvalid}/${expected} ${ok ? '✔' : '✘'} (${figures.diagnostics} diagnostics)`;
  };
  // Our server shows every error (the cap is on warnings and information), so every invalid entry.
  const oursExpected = result.invalidEntries;
  lines.push('', `Invalid ${what} diagnosed after open: ${check('ours', ours, oursExpected)}; ${check('peer', peer, result.invalidEntries)}.`);
  return { markdown: lines.join('\n'), targetsMissed, problems };
}

/** What an entry of the shape is called: an entry of the v1 array, a member of the CRM objects `properties`. */
const ENTRIES_ARE: Readonly<Record<BenchShape, string>> = { v1: 'entries', objects: 'properties', 'batch-objects': 'values', 'batch-v1': 'values' };

/** The v1 sections keep their first headings ("10,000 entries"), so that earlier results still compare. */
function sizeLabel(result: SizeResult): string {
  const count = `${result.entries.toLocaleString('en-US')} ${ENTRIES_ARE[result.shape]}`;
  const contacts = `${(result.entries / VALUES_PER_CONTACT).toLocaleString('en-US')} contacts`;
  if (result.shape === 'batch-objects') return `CRM objects batch file: ${count} in ${contacts}`;
  if (result.shape === 'batch-v1') return `v1 batch file: ${count} in ${contacts}`;
  return result.shape === 'v1' ? count : `CRM objects: ${count}`;
}

function format(value: number, unit: Row['unit']): string {
  if (!Number.isFinite(value)) return '–';
  if (unit === 'items') return String(value);
  if (unit === 'MiB') return `${value.toFixed(0)} MiB`;
  return formatMs(value);
}

export function formatMs(value: number): string {
  return `${value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : value.toFixed(0)} ms`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
