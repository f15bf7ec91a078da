import { hover } from '../service/hover';
import type { ServerContext } from './context';

export function registerHover(ctx: ServerContext): void {
  ctx.connection.onHover((params) => {
    const document = ctx.documents.get(params.textDocument.uri);
    const payload = document && ctx.cache.payloadOf(document);
    if (!document || !payload) return null;
    return hover(document, payload, params.position, ctx.catalog());
  });
}
