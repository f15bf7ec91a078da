// Whether this process has started an HTTP request. undici publishes every request its dispatchers
// make on the `undici:request:create` diagnostics channel before sending it; main uses this to say
// what an unexpected failure of the tool means: before any request nothing was sent, after one the
// request may have been applied.
import { subscribe } from 'node:diagnostics_channel';

const REQUEST_CREATED = 'undici:request:create';

export interface RequestWatch {
  readonly requestStarted: () => boolean;
}

export function watchRequests(): RequestWatch {
  let started = false;
  subscribe(REQUEST_CREATED, () => {
    started = true;
  });
  return { requestStarted: () => started };
}
