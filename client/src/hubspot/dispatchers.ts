// The undici dispatcher behind the transport, and its replacement when a request had to be given up.
//
// Two undici 7 behaviours make this necessary. When a proxy closes a CONNECT without answering,
// the tunnel fails with UND_ERR_SOCKET, which undici's client treats as recoverable: it keeps the
// request queued and connects again at once, thousands of times a second, for ever. And a request
// still waiting for its connection ignores its abort signal. So the proxy's own client here turns
// every failed tunnel into a ProxyTunnelError, which fails the request after one attempt; and a
// request the transport gives up (deadline, cancel) takes its dispatcher with it: that one is
// destroyed once no other request uses it, and the next request gets a fresh one.
import type { Dispatcher } from 'undici';
import type { ProxySettings } from './proxy';
import type { HttpTimeouts } from './timeouts';
import { EnvHttpProxyAgent, Pool } from './undiciCore';

/** A CONNECT through the proxy that did not give a tunnel: nothing was sent to HubSpot. */
export class ProxyTunnelError extends Error {
  override readonly name = 'ProxyTunnelError';
  constructor(
    /** The proxy's origin, without any credentials of its URL. */
    readonly proxy: string,
    /** The proxy's answer, when it answered something other than 200. */
    readonly status: number | undefined,
    cause?: unknown,
  ) {
    super(status === undefined ? `the tunnel through ${proxy} failed` : `${proxy} answered ${status} to CONNECT`, { cause });
  }
}

/** How long an idle connection is kept for the next request. */
const KEEP_ALIVE_MS = 30_000;

interface Route {
  /** The proxy a tunnel was last asked of, if any: the requests of this dispatcher go through it. */
  tunnelProxy: string | undefined;
}

/** The proxy's connection pool, with every failed CONNECT turned into a ProxyTunnelError. */
class TunnelPool extends Pool {
  constructor(
    private readonly proxyUrl: URL,
    options: Pool.Options,
    private readonly route: Route,
  ) {
    super(proxyUrl, options);
  }

  override connect(options: Dispatcher.ConnectOptions, callback: (error: Error | null, data: Dispatcher.ConnectData) => void): void;
  override connect(options: Dispatcher.ConnectOptions): Promise<Dispatcher.ConnectData>;
  override connect(
    options: Dispatcher.ConnectOptions,
    callback?: (error: Error | null, data: Dispatcher.ConnectData) => void,
  ): void | Promise<Dispatcher.ConnectData> {
    // undici's ProxyAgent opens tunnels with the promise form; the callback form is left as it is.
    if (callback) return super.connect(options, callback);
    return this.openTunnel(options);
  }

  private async openTunnel(options: Dispatcher.ConnectOptions): Promise<Dispatcher.ConnectData> {
    const proxy = this.proxyUrl.origin;
    this.route.tunnelProxy = proxy;
    let opened: Dispatcher.ConnectData;
    try {
      opened = await super.connect(options);
    } catch (error) {
      throw new ProxyTunnelError(proxy, undefined, error);
    }
    if (opened.statusCode !== 200) {
      opened.socket.on('error', () => {}).destroy();
      throw new ProxyTunnelError(proxy, opened.statusCode);
    }
    return opened;
  }
}

function createDispatcher(proxy: ProxySettings, timeouts: HttpTimeouts, route: Route): Dispatcher {
  const connectTimeout = { timeout: timeouts.connectMs };
  return new EnvHttpProxyAgent({
    ...proxy,
    connect: connectTimeout,
    // Through a proxy, undici connects with these instead of `connect`.
    proxyTls: connectTimeout,
    requestTls: connectTimeout,
    headersTimeout: timeouts.headersMs,
    bodyTimeout: timeouts.bodyMs,
    keepAliveTimeout: KEEP_ALIVE_MS,
    clientFactory: (origin, options) => new TunnelPool(origin, options, route),
  });
}

export interface DispatcherLease {
  readonly dispatcher: Dispatcher;
  /** The proxy this dispatcher's requests go through, once one was asked for a tunnel. */
  tunnelProxy(): string | undefined;
  /** The request was given up: the dispatcher may be stuck on it, so no later request gets it. */
  abandon(): void;
  /** The request is over; an abandoned dispatcher is destroyed when its last request is. */
  release(): void;
}

export interface DispatcherSlot {
  /** The current dispatcher, or undefined once closed. */
  lease(): DispatcherLease | undefined;
  /** Lets the current dispatcher finish its requests, then closes it; later leases fail. */
  close(): Promise<void>;
}

interface Entry {
  readonly dispatcher: Dispatcher;
  readonly route: Route;
  users: number;
  abandoned: boolean;
}

export function createDispatcherSlot(proxy: ProxySettings, timeouts: HttpTimeouts): DispatcherSlot {
  let current: Entry | undefined;
  let closed = false;
  const fresh = (): Entry => {
    const route: Route = { tunnelProxy: undefined };
    return { dispatcher: createDispatcher(proxy, timeouts, route), route, users: 0, abandoned: false };
  };
  return {
    lease() {
      if (closed) return undefined;
      current ??= fresh();
      const entry = current;
      entry.users++;
      let released = false;
      return {
        dispatcher: entry.dispatcher,
        tunnelProxy: () => entry.route.tunnelProxy,
        abandon() {
          entry.abandoned = true;
          if (current === entry) current = undefined;
        },
        release() {
          if (released) return;
          released = true;
          entry.users--;
          // Destroy, not close: close waits for the queued request, which may never leave the queue.
          if (entry.abandoned && entry.users === 0) void entry.dispatcher.destroy().catch(() => {});
        },
      };
    },
    async close() {
      closed = true;
      const entry = current;
      current = undefined;
      await entry?.dispatcher.close();
    },
  };
}
