import { complete } from '../service';
import type { ServerContext } from './context';
import { requirePosition } from './positions';

export function registerCompletion(ctx: ServerContext): void {
  ctx.connection.onCompletion((params) => {
    const position = requirePosition(params.position);
    const document = ctx.documents.get(params.textDocument.uri);
    const payload = document && ctx.cache.payloadOf(document);
    if (!document || !payload) return null;
    return complete(document, payload, position, ctx.catalog(), { snippetSupport: ctx.client().snippets });
  });
}
