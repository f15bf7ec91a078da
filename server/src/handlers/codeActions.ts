import { codeActions } from '../service/codeActions';
import type { ServerContext } from './context';

export function registerCodeActions(ctx: ServerContext): void {
  ctx.connection.onCodeAction((params) => {
    const document = ctx.documents.get(params.textDocument.uri);
    const payload = document && ctx.cache.payloadOf(document);
    if (!document || !payload) return null;
    return codeActions(document, payload, params.range, params.context.diagnostics, ctx.catalog());
  });
}
