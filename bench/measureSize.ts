// One payload size, both servers, interleaved operation by operation: open → diagnostics, single-value
// edits → diagnostics, completions, then peak memory. Diagnostics are pulled as VS Code pulls them
// (textDocument/diagnostic right after didOpen / didChange), so any delay a server adds counts.
// A CRM objects payload names the portal's own properties: our server is given that catalog first
// (not timed, as the extension fetches it once), and peak memory includes holding it.
import type { CompletionItem, CompletionList, Diagnostic } from 'vscode-languageserver-protocol';
import { generateBatchPayload } from './batchPayloads';
import { generatePayload, isBatchShape, type BenchShape, type GeneratedPayload } from './payloads';
import { peerSchema } from './peerSchema';
import { peakRssMiB, pushCatalog, startSide, type Side, type SideName } from './sides';

export interface SideFigures {
  readonly startMs: number;
  readonly openMs: number;
  readonly editMs: readonly number[];
  readonly completionMs: readonly number[];
  /** Items in the median completion answer: a server that offers nothing must not look fast. */
  readonly completionItems: number;
  readonly peakRssMiB: number;
  /** Diagnostics after opening, and how many of the invalid entries carry at least one. */
  readonly diagnostics: number;
  readonly diagnosedInvalid: number;
  /** Errors on entries that are valid. */
  readonly falseErrors: number;
  /** Edits after which the number of diagnostics changed (an edit never changes validity). */
  readonly editsWithOtherDiagnostics: number;
}

export interface SizeResult {
  readonly shape: BenchShape;
  readonly entries: number;
  readonly invalidEntries: number;
  readonly bytes: number;
  readonly figures: Readonly<Record<SideName, SideFigures>>;
}

const ERROR_SEVERITY = 1;

export async function measureSize(shape: BenchShape, entries: number, oursFirst: boolean, ourBundle?: string): Promise<SizeResult> {
  const payload = isBatchShape(shape) ? generateBatchPayload(entries, shape === 'batch-objects' ? 'objects' : 'v1') : generatePayload(entries, shape);
  const uri = `file:///bench/payload-${shape === 'v1' ? '' : `${shape}-`}${entries}.${isBatchShape(shape) ? 'contacts' : 'contact'}.json`;
  const startOurs = async () => {
    const side = await startSide('ours', ourBundle);
    if (payload.catalog) await pushCatalog(side, payload.catalog);
    return side;
  };
  const startPeer = () => startSide('peer', undefined, peerSchema(shape));
  const sides = oursFirst ? [await startOurs(), await startPeer()] : [await startPeer(), await startOurs()];
  try {
    const inTurn = (k: number) => (k % 2 === 0 ? sides : [...sides].reverse());
    const open = new Map<Side, { ms: number; diagnostics: Diagnostic[] }>();
    for (const side of sides) {
      open.set(side, await timed(async () => {
        await side.client.open(uri, payload.text);
        return side.client.pullDiagnostics(uri);
      }).then(({ ms, result }) => ({ ms, diagnostics: result })));
    }

    const editMs = new Map<Side, number[]>(sides.map((side) => [side, []]));
    const editsWithOtherDiagnostics = new Map<Side, number>(sides.map((side) => [side, 0]));
    for (const [k, edit] of payload.edits.entries()) {
      for (const side of inTurn(k)) {
        const { ms, result } = await timed(async () => {
          await side.client.change(uri, edit.text, edit.range);
          return side.client.pullDiagnostics(uri);
        });
        editMs.get(side)!.push(ms);
        if (result.length !== open.get(side)!.diagnostics.length) editsWithOtherDiagnostics.set(side, editsWithOtherDiagnostics.get(side)! + 1);
      }
    }

    const completionMs = new Map<Side, number[]>(sides.map((side) => [side, []]));
    const completionItems = new Map<Side, number[]>(sides.map((side) => [side, []]));
    for (const [k, position] of payload.completionPositions.entries()) {
      for (const side of inTurn(k)) {
        const { ms, result } = await timed(() => side.client.request<CompletionList | CompletionItem[] | null>('textDocument/completion', { textDocument: { uri }, position }));
        completionMs.get(side)!.push(ms);
        completionItems.get(side)!.push(result === null ? 0 : Array.isArray(result) ? result.length : result.items.length);
      }
    }

    const figuresOf = (side: Side): SideFigures => {
      const { ms, diagnostics } = open.get(side)!;
      return {
        startMs: side.startMs,
        openMs: ms,
        editMs: editMs.get(side)!,
        completionMs: completionMs.get(side)!,
        completionItems: median(completionItems.get(side)!),
        peakRssMiB: peakRssMiB(side),
        diagnostics: diagnostics.length,
        ...checkDiagnostics(payload, diagnostics),
        editsWithOtherDiagnostics: editsWithOtherDiagnostics.get(side)!,
      };
    };
    const [ours, peer] = oursFirst ? sides : [sides[1], sides[0]];
    return { shape, entries, invalidEntries: payload.invalidEntries.size, bytes: Buffer.byteLength(payload.text), figures: { ours: figuresOf(ours), peer: figuresOf(peer) } };
  } finally {
    await Promise.all(sides.map((side) => side.client.stop()));
  }
}

function checkDiagnostics(payload: GeneratedPayload, diagnostics: readonly Diagnostic[]): Pick<SideFigures, 'diagnosedInvalid' | 'falseErrors'> {
  const diagnosed = new Set<number>();
  let falseErrors = 0;
  for (const diagnostic of diagnostics) {
    const entry = payload.entryOnLine(diagnostic.range.start.line);
    if (entry === undefined) continue;
    if (payload.invalidEntries.has(entry)) diagnosed.add(entry);
    else if (diagnostic.severity === ERROR_SEVERITY) falseErrors++;
  }
  return { diagnosedInvalid: diagnosed.size, falseErrors };
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await work();
  return { ms: performance.now() - started, result };
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile: p95 of 20 samples is the 19th smallest. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
