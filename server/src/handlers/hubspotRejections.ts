// Keeps what HubSpot rejected per document (sent by the client after a 400) until the document closes.
import { HubSpotRejectionNotification, type RejectedProperty } from '../protocol';
import { rejectionFindings } from '../service/hubspotRejections';
import type { ParsedPayload } from '../service/payload';
import type { ServerContext } from './context';

export class HubSpotRejections {
  private readonly byUri = new Map<string, readonly RejectedProperty[]>();

  findingsFor(uri: string, payload: ParsedPayload) {
    return rejectionFindings(payload, this.byUri.get(uri) ?? []);
  }

  listen(ctx: ServerContext, changed: () => void): void {
    ctx.connection.onNotification(HubSpotRejectionNotification, ({ uri, rejected }) => {
      if (rejected.length) this.byUri.set(uri, rejected);
      else this.byUri.delete(uri);
      changed();
    });
    ctx.documents.onDidClose((e) => this.byUri.delete(e.document.uri));
  }
}
