// One entry of the request history: a request the extension or the CLI made, with its answer, as
// stored (JSON, one line each). It is made of the client's RequestRecord, which holds no token, plus
// the account it went to; bodies over the bound are cut, with a note of how long they were.
import { randomUUID } from 'node:crypto';
import type { RequestRecord } from '../hubspot/requestRecord';

export interface HistoryBody {
  readonly text: string;
  /** Set when the text was cut: the body's whole length in UTF-8 bytes. */
  readonly truncatedFromBytes?: number;
}

/** The client's record, its start as ISO text, its bodies bounded, with an id and the account it went to. */
export interface HistoryEntry extends Omit<RequestRecord, 'startedAt' | 'requestBody' | 'responseBody'> {
  /** Unique within a history: the time and a random part (a seed run starts several requests in one millisecond). */
  readonly id: string;
  /** ISO 8601, when the request started. */
  readonly at: string;
  /** The account's name, or its base URL where accounts have no names. */
  readonly account: string;
  readonly requestBody: HistoryBody | undefined;
  readonly responseBody: HistoryBody | undefined;
}

/** Bodies longer than this are kept cut (a seed batch's are about 20 KB; a portal's property catalog runs to MBs). */
export const MAX_HISTORY_BODY_BYTES = 256 * 1024;

export function historyEntry(record: RequestRecord, account: string, maxBodyBytes: number): HistoryEntry {
  const { startedAt, requestBody, responseBody, ...rest } = record;
  return {
    ...rest,
    id: `${startedAt.toString(36)}-${randomUUID().slice(0, 8)}`,
    at: new Date(startedAt).toISOString(),
    account,
    requestBody: bounded(requestBody, maxBodyBytes),
    responseBody: bounded(responseBody, maxBodyBytes),
  };
}

/** The text, or its first `maxBytes` of UTF-8 (never half a character) and how long it was. */
function bounded(text: string | undefined, maxBytes: number): HistoryBody | undefined {
  if (text === undefined) return undefined;
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes <= maxBytes) return { text };
  const encoded = Buffer.from(text, 'utf8');
  let end = maxBytes;
  // Back off continuation bytes (10xxxxxx) so that the cut falls between characters.
  while (end > 0 && (encoded[end] & 0xc0) === 0x80) end--;
  return { text: encoded.toString('utf8', 0, end), truncatedFromBytes: bytes };
}
