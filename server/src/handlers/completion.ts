import { complete } from '../service/completion';
import type { ServerContext } from './context';

export function registerCompletion(ctx: ServerContext): void {
  ctx.connection.onCompletion((params) => {
    const document = ctx.documents.get(params.textDocument.uri);
    const payload = document && ctx.cache.payloadOf(document);
    if (!document || !payload) return null;
    return complete(document, payload, params.position, ctx.catalog(), { snippetSupport: ctx.client().snippets });
  });
}
