// What the transport sends and what an answer's headers are: their own module, so that the exchange
// (exchange.ts) and the transport (http.ts) that drives it both use them without importing each other.

export interface HttpRequest {
  readonly method: 'GET' | 'POST' | 'PATCH';
  readonly origin: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  /** An answer longer than this is not read (and not kept in memory): the attempt is `oversized`. */
  readonly maxBodyBytes: number;
}

/** Response headers by lower-case name; repeated headers joined with ", ". */
export type ResponseHeaders = Readonly<Record<string, string>>;
