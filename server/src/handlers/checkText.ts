// Answers "how many errors has this text?" just before a send: the engine run on the text being sent,
// not the diagnostics the editor holds (they may be of an older version, capped, or of a file over the
// size limit that was never validated).
import { CheckTextRequest, type CheckTextResult } from '../protocol';
import { countErrors, documentKindOf, parseDocument } from '../service';
import type { ServerContext } from './context';
import type { ExtraFindings } from './diagnostics';
import { invalidParams } from './positions';

export function registerCheckText(ctx: ServerContext, extraFindings: ExtraFindings): void {
  ctx.connection.onRequest(CheckTextRequest, (params: unknown): CheckTextResult => {
    const { uri, text } = (typeof params === 'object' && params !== null ? params : {}) as Partial<Record<string, unknown>>;
    if (typeof uri !== 'string' || typeof text !== 'string') throw invalidParams('checkText takes {"uri": string, "text": string}');
    // Not the cached parse: the text sent may not be the open document's current version.
    const payload = parseDocument(text, documentKindOf(uri));
    return { errorCount: countErrors(payload, ctx.catalog(), extraFindings(uri, payload)) };
  });
}
