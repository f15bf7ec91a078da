import { codeActions } from '../service';
import type { ServerContext } from './context';
import { requireDiagnostics, requireRange } from './positions';

export function registerCodeActions(ctx: ServerContext): void {
  ctx.connection.onCodeAction((params) => {
    const range = requireRange(params.range);
    const diagnostics = requireDiagnostics(params.context);
    const document = ctx.documents.get(params.textDocument.uri);
    const payload = document && ctx.cache.payloadOf(document);
    if (!document || !payload) return null;
    return codeActions(document, payload, range, diagnostics, ctx.catalog(), (params.context as { only?: unknown }).only);
  });
}
