import { documentSymbols } from '../service';
import type { ServerContext } from './context';

export function registerSymbols(ctx: ServerContext): void {
  ctx.connection.onDocumentSymbol((params) => {
    const document = ctx.documents.get(params.textDocument.uri);
    const payload = document && ctx.cache.payloadOf(document);
    if (!document || !payload) return null;
    return documentSymbols(document, payload);
  });
}
