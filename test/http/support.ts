// Shared set-up for the HTTP tests: a sandbox, a client pointed at it, and a fake clock that only
// moves when the client "sleeps", so retry delays are recorded instead of waited for.
import { createServer, type Server } from 'node:http';
import { after, before, beforeEach } from 'node:test';
import type { AddressInfo } from 'node:net';
import { createHubSpotClient, type HttpLogEntry, type HubSpotClient, type HubSpotClientOptions } from '../../client/src/hubspot/hubspotClient';
import type { ContactPropertyValue, ContactTarget } from '../../client/src/hubspot/contactsApi';
import { startSandbox, type Sandbox, type SandboxOptions } from '../sandbox/sandbox';

export interface FakeClock {
  readonly now: () => number;
  readonly advance: (ms: number) => void;
}

/** Starts on a whole second, so HTTP dates (second precision) convert to exact delays. */
export function createFakeClock(start = Date.UTC(2026, 0, 15, 12, 0, 0)): FakeClock {
  let time = start;
  return {
    now: () => time,
    advance: (ms) => {
      time += ms;
    },
  };
}

export interface RecordingSleep {
  readonly delays: number[];
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** Records each delay and moves the clock on by it, at once; rejects like a real sleep when aborted. */
export function recordingSleep(clock: FakeClock): RecordingSleep {
  const delays: number[] = [];
  return {
    delays,
    sleep: (ms, signal) =>
      new Promise<void>((resolve) => {
        signal?.throwIfAborted();
        delays.push(ms);
        clock.advance(ms);
        resolve();
      }),
  };
}

export interface TestBed {
  readonly sandbox: Sandbox;
  readonly clock: FakeClock;
  readonly sleeper: RecordingSleep;
  readonly logs: HttpLogEntry[];
  readonly client: HubSpotClient;
  /** The sandbox's answers, in order; undefined for a dropped connection. */
  statuses(): (number | undefined)[];
  /** Between tests: no faults left, and empty request log, delays and log entries. */
  reset(): void;
  close(): Promise<void>;
}

export interface TestBedOptions {
  readonly sandbox?: SandboxOptions;
  /** How far the sandbox's clock (HubSpot's) runs ahead of the client's; negative: behind. */
  readonly serverClockOffsetMs?: number;
  readonly client?: Partial<HubSpotClientOptions>;
}

/** A sandbox and a client sharing one fake clock (the sandbox's offset if asked); jitter fixed at the middle. */
/** Runs `run` against a fresh test bed and closes the bed afterwards, whatever happens. */
export async function withBed(options: TestBedOptions, run: (bed: TestBed) => Promise<void>): Promise<void> {
  const bed = await startTestBed(options);
  try {
    await run(bed);
  } finally {
    await bed.close();
  }
}

export async function startTestBed(options: TestBedOptions = {}): Promise<TestBed> {
  const clock = createFakeClock();
  const offsetMs = options.serverClockOffsetMs ?? 0;
  const sandbox = await startSandbox({ now: () => clock.now() + offsetMs, ...options.sandbox });
  const sleeper = recordingSleep(clock);
  const logs: HttpLogEntry[] = [];
  const client = createHubSpotClient({
    baseUrl: sandbox.url,
    token: sandbox.token,
    env: {},
    retry: { maxRetries: 3, baseDelayMs: 100, maxDelayMs: 30_000 },
    sleep: sleeper.sleep,
    now: clock.now,
    random: () => 0.5,
    log: (entry) => logs.push(entry),
    ...options.client,
  });
  return {
    sandbox,
    clock,
    sleeper,
    logs,
    client,
    statuses: () => sandbox.requests.map((request) => request.status),
    reset: () => {
      sandbox.clearFaults();
      sandbox.clearRequests();
      sleeper.delays.length = 0;
      logs.length = 0;
    },
    close: async () => {
      await client.close();
      await sandbox.stop();
    },
  };
}

export function contact(email: string, extra: Readonly<Record<string, string>> = {}): ContactPropertyValue[] {
  return [{ property: 'email', value: email }, ...Object.entries(extra).map(([property, value]) => ({ property, value }))];
}

/** A loopback port nobody listens on: bound, then released. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * An https base URL that is not loopback by name, so that proxy settings apply to it, yet one that never
 * leaves this machine: 0.0.0.0 reaches the local host. A test whose proxy is bypassed by mistake then
 * fails on a refused connection instead of sending anything out.
 */
export const NOT_LOOPBACK_BASE_URL = 'https://0.0.0.0';

export interface LocalServer {
  readonly url: string;
  /** TCP connections it accepted so far. */
  connections(): number;
  stop(): Promise<void>;
}

/** Listens on 127.0.0.1 and counts connections; stop() also ends the ones still open. */
export async function listenLocally(server: Server): Promise<LocalServer> {
  let connections = 0;
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    connections: () => connections,
    stop: () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      return closed;
    },
  };
}

/**
 * A plain HTTP server that is not a proxy, as a mistyped HTTPS_PROXY finds one: Node's HTTP server
 * closes a CONNECT without answering when nothing listens for it.
 */
export function startNotAProxy(): Promise<LocalServer> {
  return listenLocally(createServer((_request, response) => response.end('not a proxy')));
}

/** Headers at once, then a byte every 100 ms for as long as anyone listens: no idle timeout ever fires. */
export function startDripServer(): Promise<LocalServer> {
  return listenLocally(
    createServer((request, response) => {
      request.resume();
      response.writeHead(200, { 'content-type': 'application/json' });
      const timer = setInterval(() => response.write(' '), 100);
      response.on('close', () => clearInterval(timer));
    }),
  );
}

/** An update target as a script or another extension may hand one in: its id can be anything at run time. */
export function scriptTarget(id: unknown): ContactTarget {
  return { operation: 'update', id } as ContactTarget;
}

/**
 * One sandbox for the tests of the describe block this is called in (handed to `take` once started),
 * its faults and request log cleared before each test, stopped after the last.
 */
export function useSandbox(take: (sandbox: Sandbox) => void, options: SandboxOptions = { rateLimits: { burst: 1_000 } }): void {
  let started: Sandbox | undefined;
  before(async () => {
    started = await startSandbox(options);
    take(started);
  });
  after(() => started?.stop());
  beforeEach(() => {
    started?.clearFaults();
    started?.clearRequests();
  });
}
