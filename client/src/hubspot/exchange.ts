// One request on an undici dispatcher, its answer read up to a size bound. It records how far the
// exchange got, because that decides what a failure means: until undici hands the request a socket
// (onRequestStart), nothing of it has been written, so it cannot have reached the server.
import type { Dispatcher } from 'undici';
import type { HttpRequest, ResponseHeaders } from './httpRequest';

export type ExchangePhase = 'waiting' | 'sent' | 'receiving';

export type ExchangeEnd =
  | { readonly kind: 'answered'; readonly status: number; readonly headers: ResponseHeaders; readonly body: Buffer }
  /** The answer was longer than the bound: reading stopped there and the connection was closed. */
  | { readonly kind: 'oversized'; readonly status: number; readonly headers: ResponseHeaders }
  | { readonly kind: 'failed'; readonly error: unknown; readonly phase: ExchangePhase };

export interface Exchange {
  /** Settles once, and never rejects. */
  readonly end: Promise<ExchangeEnd>;
  phase(): ExchangePhase;
  /**
   * Ends the request on its socket. A request still waiting for a connection cannot be reached this
   * way (undici queues it out of reach); it is aborted as soon as it gets one.
   */
  abort(reason: Error): void;
}

/** The reason an oversized answer is aborted with; never seen outside this file. */
class AnswerTooLarge extends Error {}

export function startExchange(dispatcher: Dispatcher, request: HttpRequest): Exchange {
  let phase: ExchangePhase = 'waiting';
  let controller: Dispatcher.DispatchController | undefined;
  let abortReason: Error | undefined;
  let status = 0;
  let headers: ResponseHeaders = {};
  const chunks: Buffer[] = [];
  let size = 0;
  let oversized = false;
  let settle: (end: ExchangeEnd) => void = () => {};
  const end = new Promise<ExchangeEnd>((resolve) => {
    settle = resolve;
  });
  const stopReading = (answer: Dispatcher.DispatchController) => {
    oversized = true;
    chunks.length = 0;
    answer.abort(new AnswerTooLarge());
  };

  const handler: Dispatcher.DispatchHandler = {
    onRequestStart(started) {
      controller = started;
      // undici may start a request again on a new socket; once sent, it stays "may have been delivered".
      if (phase === 'waiting') phase = 'sent';
      if (abortReason) started.abort(abortReason);
    },
    onResponseStart(answer, statusCode, rawHeaders) {
      // 1xx: informational, the answer is still to come.
      if (statusCode < 200) return;
      phase = 'receiving';
      status = statusCode;
      headers = flattenHeaders(rawHeaders);
      if (Number(headers['content-length']) > request.maxBodyBytes) stopReading(answer);
    },
    onResponseData(answer, chunk) {
      if (oversized) return;
      size += chunk.length;
      if (size > request.maxBodyBytes) stopReading(answer);
      else chunks.push(chunk);
    },
    onResponseEnd() {
      settle({ kind: 'answered', status, headers, body: Buffer.concat(chunks) });
    },
    onResponseError(_answer, error) {
      settle(oversized ? { kind: 'oversized', status, headers } : { kind: 'failed', error, phase });
    },
  };

  try {
    dispatcher.dispatch(
      { origin: request.origin, path: request.path, method: request.method, headers: request.headers, body: request.body ?? null },
      handler,
    );
  } catch (error) {
    settle({ kind: 'failed', error, phase });
  }
  return {
    end,
    phase: () => phase,
    abort(reason) {
      abortReason = reason;
      controller?.abort(reason);
    },
  };
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): ResponseHeaders {
  // No prototype: a header named `__proto__` must stay a header.
  const flat = Object.create(null) as Record<string, string>;
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}
