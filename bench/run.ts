// `npm run bench`: our language server against VS Code's own JSON language server on generated
// payloads, through the same LSP client, interleaved in one run. Prints a table per size and writes
// bench/RESULTS.md. `--shapes v1,objects,batch-objects,batch-v1` picks the payload shapes (the v1 body,
// the CRM objects body, batch files of either form); `--sizes 10,1000` picks the v1 sizes,
// `--objects-sizes 10000` the CRM objects sizes and `--batch-sizes 100000` the batch files' (values;
// 10 a contact) (`none` for none); `--hostile no` leaves out the hostile documents of issue 10 (bench/hostile.ts); `--no-write`
// leaves RESULTS.md alone; `--server path/to/server.js` measures another build of our server (an
// earlier commit) instead of dist/server.js.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SERVER_BUNDLE } from '../test/lsp/lspClient';
import { measureSize, median } from './measureSize';
import { measureHostile } from './hostile';
import { BENCH_SHAPES, type BenchShape } from './payloads';
import { formatBytes, reportSize } from './report';

const DEFAULT_SIZES: Readonly<Record<BenchShape, readonly number[]>> = { v1: [10, 1_000, 10_000, 100_000], objects: [10_000, 100_000], 'batch-objects': [100_000], 'batch-v1': [100_000] };
const SHAPE_NAMES: Readonly<Record<BenchShape, string>> = { v1: 'v1', objects: 'CRM objects', 'batch-objects': 'CRM objects batch', 'batch-v1': 'v1 batch' };
const RESULTS_FILE = path.resolve(import.meta.dirname, 'RESULTS.md');
const CLIENT_BUNDLE = path.resolve(import.meta.dirname, '../dist/client.js');
/** The extension proper, which dist/client.js loads once a contact file is open or a command runs. */
const CLIENT_MAIN_BUNDLE = path.resolve(import.meta.dirname, '../dist/clientMain.js');
/** Text after this line in RESULTS.md is kept when the results are rewritten (notes, earlier runs). */
const KEEP_MARKER = '<!-- Everything below this line is kept when the benchmark rewrites this file. -->';
const CLIENT_LOAD_RUNS = 5;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      shapes: { type: 'string', default: BENCH_SHAPES.join(',') }, sizes: { type: 'string' }, 'objects-sizes': { type: 'string' }, 'batch-sizes': { type: 'string' },
      hostile: { type: 'string', default: 'yes' }, 'no-write': { type: 'boolean', default: false }, server: { type: 'string' },
    },
  });
  const shapes = values.shapes.split(',');
  if (!shapes.every((shape): shape is BenchShape => (BENCH_SHAPES as readonly string[]).includes(shape))) throw new Error(`--shapes takes ${BENCH_SHAPES.join(', ')} separated by commas, not "${values.shapes}"`);
  const batchSizes = (shape: 'batch-objects' | 'batch-v1') => parseSizes('--batch-sizes', values['batch-sizes'], DEFAULT_SIZES[shape]);
  const sizesOf: Record<BenchShape, readonly number[]> = {
    v1: parseSizes('--sizes', values.sizes, DEFAULT_SIZES.v1), objects: parseSizes('--objects-sizes', values['objects-sizes'], DEFAULT_SIZES.objects),
    'batch-objects': batchSizes('batch-objects'), 'batch-v1': batchSizes('batch-v1'),
  };
  const runs = shapes.flatMap((shape) => sizesOf[shape].map((entries) => ({ shape, entries })));
  if (values.hostile !== 'yes' && values.hostile !== 'no') throw new Error(`--hostile takes yes or no, not "${values.hostile}"`);
  const ourBundle = values.server ?? SERVER_BUNDLE;
  for (const bundle of [ourBundle, CLIENT_BUNDLE, CLIENT_MAIN_BUNDLE]) if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run npm run build`);

  const startedAt = new Date();
  const sections = [machineSection(startedAt, values.server), activationSection(ourBundle)];
  console.log(sections.join('\n\n'));
  let targetsMissed = 0;
  const problems: string[] = [];
  for (const [index, { shape, entries }] of runs.entries()) {
    const began = performance.now();
    const report = reportSize(await measureSize(shape, entries, index % 2 === 0, values.server));
    targetsMissed += report.targetsMissed;
    problems.push(...report.problems);
    sections.push(report.markdown);
    console.log(`\n${report.markdown}\n(${((performance.now() - began) / 1000).toFixed(1)} s)`);
  }
  if (values.hostile === 'yes') {
    const began = performance.now();
    const report = await measureHostile(values.server);
    targetsMissed += report.targetsMissed;
    problems.push(...report.problems);
    sections.push(report.markdown);
    console.log(`\n${report.markdown}\n(${((performance.now() - began) / 1000).toFixed(1)} s)`);
  }
  const summary = problems.length > 0
    ? `**The figures are not comparable:** ${problems.join('; ')}.`
    : `Both servers diagnosed the invalid entries. Targets missed: ${targetsMissed}.`;
  sections.push(summary);
  console.log(`\n${summary}`);
  if (!values['no-write']) writeResults(sections, runs, values.hostile === 'yes');
  return problems.length > 0 ? 1 : 0;
}

function machineSection(startedAt: Date, otherServer: string | undefined): string {
  const memory = `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`;
  return [
    '# Benchmark: our server against VS Code\'s JSON language server',
    '',
    ...(otherServer ? [`Our server: ${otherServer}.`, ''] : []),
    `Run ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC with \`npm run bench\` on ${os.availableParallelism()} CPUs (${os.cpus()[0]?.model.trim() ?? 'unknown'}), ${memory}, Node ${process.version}, ${os.type()} ${os.release()}.`,
    'Peer: `vscode-json-language-server` from vscode-langservers-extracted, given the payload schema plus the catalog rules for the properties the',
    'generator makes invalid (bench/peerSchema.ts). CRM objects files hold one distinct property per member, the defaults and their copies in',
    'a generated portal (`lifecyclestage_4506`, bench/objectsPayloads.ts): our server is given that catalog before the file opens, the peer',
    'contact-objects.schema.json with the same rules by name pattern. Both servers run as separate processes behind the same LSP client over stdio, with VS Code\'s',
    'capabilities; diagnostics are pulled right after didOpen/didChange; the two servers take turns operation by operation. 20 single-value',
    'edits and 20 completions (in lifecyclestage values) per size. Timings on shared machines vary 2× between runs: compare within a run.',
  ].join('\n');
}

function activationSection(serverBundle: string): string {
  const loadMs = (bundle: string, entry: string): number => {
    const loads: number[] = [];
    for (let run = 0; run < CLIENT_LOAD_RUNS; run++) {
      const probe = spawnSync(process.execPath, ['--import', 'tsx', path.resolve(import.meta.dirname, 'loadClientBundle.ts'), bundle, entry], { encoding: 'utf8' });
      if (probe.status !== 0) throw new Error(`loading ${bundle} failed: ${probe.stderr}`);
      loads.push(Number(probe.stdout));
    }
    return median(loads);
  };
  const runs = `\`vscode\` stubbed; median of ${CLIENT_LOAD_RUNS} fresh processes`;
  return [
    '### Client activation',
    '',
    '| | |',
    '|---|---:|',
    `| dist/client.js (loaded on activation, with any JSON file) | ${formatBytes(statSync(CLIENT_BUNDLE).size)} |`,
    `| dist/clientMain.js (loaded once a contact file is open or a command runs) | ${formatBytes(statSync(CLIENT_MAIN_BUNDLE).size)} |`,
    `| ${serverBundle === SERVER_BUNDLE ? 'dist/server.js' : serverBundle} | ${formatBytes(statSync(serverBundle).size)} |`,
    `| loading dist/client.js before activate (${runs}) | ${loadMs(CLIENT_BUNDLE, 'activate').toFixed(1)} ms |`,
    `| loading dist/clientMain.js when a contact file opens (${runs}) | ${loadMs(CLIENT_MAIN_BUNDLE, 'startInNodeHost').toFixed(1)} ms |`,
  ].join('\n');
}

/** `--sizes 10,1000`: whole numbers (`10_000` reads as 10000), or `none`; the defaults when absent. */
function parseSizes(option: string, given: string | undefined, defaults: readonly number[]): readonly number[] {
  if (given === undefined) return defaults;
  const sizes = given === 'none' ? [] : given.split(',').map((size) => Number(size.replace(/_/g, '')));
  if (sizes.some((size) => !Number.isInteger(size) || size < 1)) throw new Error(`${option} takes whole numbers separated by commas, not "${given}"`);
  return sizes;
}

function writeResults(sections: readonly string[], runs: readonly { shape: BenchShape; entries: number }[], hostile: boolean): void {
  const previous = existsSync(RESULTS_FILE) ? readFileSync(RESULTS_FILE, 'utf8') : '';
  const kept = previous.includes(KEEP_MARKER) ? previous.slice(previous.indexOf(KEEP_MARKER) + KEEP_MARKER.length) : '\n';
  const ranOf = (shape: BenchShape) => runs.filter((run) => run.shape === shape).map((run) => run.entries);
  const sizesRun = BENCH_SHAPES
    .filter((shape) => ranOf(shape).join(',') !== DEFAULT_SIZES[shape].join(','))
    .map((shape) => `${SHAPE_NAMES[shape]} sizes run: ${ranOf(shape).length ? ranOf(shape).join(', ') : 'none'}.`)
    .join(' ');
  const partial = sizesRun || !hostile ? `\n\n(${[sizesRun, hostile ? '' : 'Hostile documents not run.'].filter(Boolean).join(' ')})` : '';
  writeFileSync(RESULTS_FILE, `${sections.join('\n\n')}${partial}\n\n${KEEP_MARKER}${kept}`);
}

main().then(
  (code) => { process.exitCode = code; },
  (error: unknown) => { console.error(error); process.exitCode = 2; },
);
