import { PayloadSummaryRequest } from '../protocol';
import { isBatch, shapeOf } from '../service';
import type { ServerContext } from './context';

export function registerPayloadSummary(ctx: ServerContext): void {
  ctx.connection.onRequest(PayloadSummaryRequest, ({ uri }) => {
    const document = ctx.documents.get(uri);
    const payload = document && ctx.cache.payloadOf(document);
    // A batch file is no one contact's send: its contacts go in a seed set.
    if (!document || !payload?.root || isBatch(payload)) return null;
    const shape = shapeOf(payload);
    const vid = shape.savedContactId(payload);
    return {
      shape: shape.name,
      ...(vid !== undefined ? { vid } : {}),
      entryCount: shape.assignments(payload).length,
      line: document.positionAt(payload.root.offset).line,
    };
  });
}
