import { PayloadSummaryRequest } from '../protocol';
import { savedContactId } from '../service';
import type { ServerContext } from './context';

export function registerPayloadSummary(ctx: ServerContext): void {
  ctx.connection.onRequest(PayloadSummaryRequest, ({ uri }) => {
    const document = ctx.documents.get(uri);
    const payload = document && ctx.cache.payloadOf(document);
    if (!document || !payload?.root) return null;
    const vid = savedContactId(payload);
    return {
      ...(vid !== undefined ? { vid } : {}),
      entryCount: payload.entries.length,
      line: document.positionAt(payload.root.offset).line,
    };
  });
}
