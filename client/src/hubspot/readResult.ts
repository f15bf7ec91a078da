// The answer to one GET (property definitions, account details, a contact read after a lost create),
// apart from the client so that what reads it (lostCreate.ts) need not import the client.
import type { ResponseHeaders } from './httpRequest';

/** A GET's answer: the parsed body of a 2xx, or what went wrong (token-free, ready to show). */
export type ReadResult =
  | { readonly ok: true; readonly status: number; readonly headers: ResponseHeaders; readonly body: unknown }
  | { readonly ok: false; readonly status: number | undefined; readonly headers: ResponseHeaders; readonly body: unknown; readonly message: string };

