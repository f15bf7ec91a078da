import { PayloadSummaryRequest } from '../protocol';
import { lastMember } from '../service/payloadModel';
import type { ServerContext } from './context';

export function registerPayloadSummary(ctx: ServerContext): void {
  ctx.connection.onRequest(PayloadSummaryRequest, ({ uri }) => {
    const document = ctx.documents.get(uri);
    const payload = document && ctx.cache.payloadOf(document);
    if (!document || !payload?.root) return null;
    const vid = lastMember(payload.topMembers, 'vid')?.value?.value;
    return {
      ...(typeof vid === 'number' && Number.isSafeInteger(vid) && vid > 0 ? { vid } : {}),
      entryCount: payload.entries.length,
      line: document.positionAt(payload.root.offset).line,
    };
  });
}
