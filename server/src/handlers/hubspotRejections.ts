// Keeps what HubSpot rejected per document (sent by the client after a 400) until the document closes.
import { HubSpotRejectionNotification, type RejectedProperty } from '../protocol';
import { documentRejectionFindings, type ParsedDocument } from '../service';
import type { ServerContext } from './context';

export class HubSpotRejections {
  private readonly byUri = new Map<string, readonly RejectedProperty[]>();

  /** A batch file's entries name their contact (`contactIndex`): a seed run's rejections land on that contact's values. */
  findingsFor(uri: string, payload: ParsedDocument) {
    return documentRejectionFindings(payload, this.byUri.get(uri) ?? []);
  }

  listen(ctx: ServerContext, changed: () => void): void {
    ctx.connection.onNotification(HubSpotRejectionNotification, (params: unknown) => {
      const { uri, rejected } = readRejection(params);
      if (uri === undefined) return;
      if (rejected.length) this.byUri.set(uri, rejected);
      else this.byUri.delete(uri);
      changed();
    });
    ctx.documents.onDidClose((e) => this.byUri.delete(e.document.uri));
  }
}

/** Any client may send this notification: only well-formed entries are kept. */
function readRejection(params: unknown): { uri: string | undefined; rejected: RejectedProperty[] } {
  const { uri, rejected } = (typeof params === 'object' && params !== null ? params : {}) as { uri?: unknown; rejected?: unknown };
  const entries = Array.isArray(rejected) ? rejected : [];
  return {
    uri: typeof uri === 'string' ? uri : undefined,
    rejected: entries.filter((entry): entry is RejectedProperty => {
      const { name, error, message, contactIndex } = (typeof entry === 'object' && entry !== null ? entry : {}) as Partial<Record<string, unknown>>;
      return typeof name === 'string' && typeof error === 'string' && typeof message === 'string' && (contactIndex === undefined || Number.isSafeInteger(contactIndex));
    }),
  };
}
