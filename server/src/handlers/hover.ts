import { hover } from '../service';
import type { ServerContext } from './context';
import { requirePosition } from './positions';

export function registerHover(ctx: ServerContext): void {
  ctx.connection.onHover((params) => {
    const position = requirePosition(params.position);
    const document = ctx.documents.get(params.textDocument.uri);
    const payload = document && ctx.cache.payloadOf(document);
    if (!document || !payload) return null;
    return hover(document, payload, position, ctx.catalog());
  });
}
