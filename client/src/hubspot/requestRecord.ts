// What the HubSpot client reports of each request it made, for a history of requests and their
// answers: one record per request, its retries folded in, the last attempt's answer. The token is
// scrubbed from everything here (the URL and both bodies too), so a sink can store it as it is.

export interface RequestRecord {
  /** When the first attempt started, epoch ms. */
  readonly startedAt: number;
  readonly method: string;
  readonly url: string;
  /** The last attempt's status; undefined when no answer came. */
  readonly status: number | undefined;
  /** The status, or what happened instead: "no response (reset)", "cancelled", "answer too large". */
  readonly answer: string;
  /** From the first attempt's start to the last one's end, waits between them included. */
  readonly durationMs: number;
  readonly correlationId: string | undefined;
  readonly retries: number;
  readonly requestBody: string | undefined;
  /** The last answer's body as it came; undefined when there was none, or it was too large to read. */
  readonly responseBody: string | undefined;
  /** The file the request was made from (a contact file's URI or path), when the caller said. */
  readonly source: string | undefined;
}
