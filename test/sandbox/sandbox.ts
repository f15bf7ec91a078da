// A local HubSpot-compatible server for tests and for trying the extension without an account:
// node:http on 127.0.0.1, in memory. It authenticates like HubSpot (Bearer token, scopes), rate
// limits like HubSpot (X-HubSpot-RateLimit-* headers, 429 with a policyName), stamps every answer
// with X-HubSpot-Correlation-Id, and lets tests inject faults and read a log of what it was sent.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AUTHENTICATED_WITHOUT_SCOPE, createContactsApi, READ_CONTACTS, READ_PROPERTIES, REQUIRED_SCOPE, WRITE_CONTACTS } from './contactsApi';
import { contactRecord, createContactStore, type ContactStore } from './contactStore';
import { authenticationRequired, genericError, missingScopes, rateLimited } from './errorBodies';
import { createFaultQueue, randomFaults, type Fault, type RandomFaultRates, type SandboxRoute } from './faults';
import { sandboxProperties } from './propertyCatalog';
import { createRateLimiter, DEFAULT_RATE_LIMITS, type RateLimits } from './rateLimiter';
import { seededRandom } from './seededRandom';
import { INVALID_JSON, matchRoute, type ApiResponse, type MatchedRoute } from './routes';

export type { Fault, RandomFaultRates, SandboxRoute } from './faults';

export interface SandboxOptions {
  /** 0 or absent: a free port. */
  readonly port?: number;
  /** The token with every scope; random when absent. */
  readonly token?: string;
  /** A token that may read but not write contacts (403 MISSING_SCOPES on create/update); random when absent. */
  readonly readOnlyToken?: string;
  /** A token that may write but not read contacts (403 MISSING_SCOPES on GET by vid); random when absent. */
  readonly writeOnlyToken?: string;
  readonly portalId?: number;
  /** The vid the first created contact gets. */
  readonly firstVid?: number;
  readonly rateLimits?: Partial<RateLimits>;
  /**
   * Properties the portal's admins require on create: a CRM objects create from version 2026-09
   * without them answers 400 VALIDATION_ERROR, as HubSpot enforces such rules from that version.
   * v1 and v3 ignore them.
   */
  readonly requiredOnCreate?: readonly string[];
  /** Faults in force from the start. */
  readonly faults?: readonly Fault[];
  /** Faults met by chance (drawn by the seed) by requests no injected fault meets. */
  readonly randomFaults?: RandomFaultRates;
  /** What the sandbox leaves to chance (the order of batch results, random faults) follows from it; 1 when absent. */
  readonly seed?: number;
  /** Clock (epoch ms) for timestamps and rate-limit windows; tests may drive it. */
  readonly now?: () => number;
}

/** What the sandbox was sent and how it answered. Request headers are kept except Authorization. */
export interface LoggedRequest {
  readonly method: string;
  /** Path and query as sent. */
  readonly path: string;
  readonly route: SandboxRoute;
  /** Undefined when the connection was dropped instead of answered. */
  readonly status: number | undefined;
  readonly reset: boolean;
  /** An injected fault applied to this request. */
  readonly faulted: boolean;
  readonly headers: Readonly<Record<string, string>>;
  readonly bodyText: string;
  readonly correlationId: string;
}

/** A request as it arrives, before any delay or answer. */
export interface ArrivedRequest {
  readonly method: string;
  readonly path: string;
  readonly route: SandboxRoute;
}

export interface Sandbox {
  /** `http://127.0.0.1:<port>`, the base URL to give the client. */
  readonly url: string;
  readonly port: number;
  readonly token: string;
  readonly readOnlyToken: string;
  readonly writeOnlyToken: string;
  readonly portalId: number;
  readonly contacts: ContactStore;
  readonly requests: readonly LoggedRequest[];
  inject(fault: Fault): void;
  clearFaults(): void;
  clearRequests(): void;
  /** Resolves when a matching request arrives (before its delay or answer). */
  waitForRequest(matches?: (request: ArrivedRequest) => boolean): Promise<ArrivedRequest>;
  stop(): Promise<void>;
}

const MAX_BODY_BYTES = 1_000_000;
const CONTROL_PREFIX = '/__sandbox/';

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const now = options.now ?? Date.now;
  const token = options.token ?? `pat-na1-${randomUUID()}`;
  const readOnlyToken = options.readOnlyToken ?? `pat-na1-${randomUUID()}`;
  const writeOnlyToken = options.writeOnlyToken ?? `pat-na1-${randomUUID()}`;
  const portalId = options.portalId ?? 62515;
  const scopesByToken = new Map<string, ReadonlySet<string>>([
    [token, new Set([WRITE_CONTACTS, READ_CONTACTS, READ_PROPERTIES])],
    [readOnlyToken, new Set([READ_CONTACTS, READ_PROPERTIES])],
    [writeOnlyToken, new Set([WRITE_CONTACTS])],
  ]);
  const store = createContactStore(options.firstVid ?? 61574, now);
  const faults = createFaultQueue(options.faults);
  const rateLimiter = createRateLimiter({ ...DEFAULT_RATE_LIMITS, ...options.rateLimits }, now);
  const requests: LoggedRequest[] = [];
  const arrivalWaiters = new Set<{ matches: (request: ArrivedRequest) => boolean; resolve: (request: ArrivedRequest) => void }>();
  const timers = new Set<NodeJS.Timeout>();
  let url = '';
  let port = 0;
  // Points at the sandbox itself (it serves the record there), not at app.hubspot.com.
  const profileUrl = (vid: number): string => `${url}/contacts/${portalId}/contact/${vid}`;
  const seed = options.seed ?? 1;
  // A stream of its own, so that turning random faults on does not change the order of batch results.
  const faultByChance = randomFaults(options.randomFaults ?? {}, seededRandom(seed + 1));
  const api = createContactsApi({ store, properties: sandboxProperties(), portalId, profileUrl, requiredOnCreate: options.requiredOnCreate ?? [], now, random: seededRandom(seed), scopesOf: (key) => scopesByToken.get(key) });

  /** A wait that stop() cancels (the waiting handler is dropped), so no timer outlives the sandbox. */
  const wait = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  const authorizeAndHandle = (request: IncomingMessage, matched: MatchedRoute, body: unknown, correlationId: string): ApiResponse => {
    const { route } = matched;
    const scope = REQUIRED_SCOPE[route];
    if (scope === undefined && !AUTHENTICATED_WITHOUT_SCOPE.has(route)) return api({ ...matched, body, correlationId });
    const granted = scopesByToken.get(bearerToken(request) ?? '');
    if (!granted) return { status: 401, headers: { 'x-hubspot-auth-failure': '401 Unauthorized' }, body: authenticationRequired(correlationId) };
    if (scope !== undefined && !granted.has(scope)) return { status: 403, body: missingScopes(correlationId, [scope]) };
    const limit = rateLimiter.take();
    if (!limit.allowed) return { status: 429, headers: limit.headers, body: rateLimited(correlationId, limit.policyName) };
    const response = api({ ...matched, body, correlationId });
    return { ...response, headers: { ...limit.headers, ...response.headers } };
  };

  const handleApi = async (request: IncomingMessage, response: ServerResponse, bodyText: string, correlationId: string): Promise<void> => {
    const method = request.method ?? 'GET';
    const path = request.url ?? '/';
    const matched = matchRoute(method, new URL(path, 'http://sandbox'));
    const { route } = matched;
    for (const waiter of arrivalWaiters) {
      if (waiter.matches({ method, path, route })) {
        arrivalWaiters.delete(waiter);
        waiter.resolve({ method, path, route });
      }
    }
    const fault = faults.take(route) ?? faultByChance();
    const record = (status: number | undefined, reset: boolean): void => {
      requests.push({ method, path, route, status, reset, faulted: fault !== undefined, headers: loggableHeaders(request), bodyText, correlationId });
    };

    if (fault?.delayMs) await wait(fault.delayMs);
    if (fault?.reset) {
      request.socket.destroy();
      return record(undefined, true);
    }
    const body = method === 'POST' || method === 'PATCH' ? parseJson(bodyText) : undefined;
    if (fault?.handleFirst && fault.status !== undefined) authorizeAndHandle(request, matched, body, correlationId);
    const answer = fault?.status !== undefined ? injectedAnswer(fault, fault.status, correlationId) : authorizeAndHandle(request, matched, body, correlationId);
    if (fault?.createThenReset) {
      request.socket.destroy();
      return record(undefined, true);
    }
    record(answer.status, false);
    await writeAnswer(response, answer, { correlationId, now, stallBodyMs: fault?.stallBodyMs, wait });
  };

  /** The small HTTP control API under /__sandbox/, for a sandbox running in another process. */
  const controlAnswer = (request: IncomingMessage, bodyText: string): ApiResponse => {
    const path = new URL(request.url ?? '/', 'http://sandbox').pathname.slice(CONTROL_PREFIX.length);
    switch (`${request.method} ${path}`) {
      case 'GET requests':
        return { status: 200, body: requests };
      case 'GET contacts':
        return { status: 200, body: store.all().map((contact) => contactRecord(contact, portalId, profileUrl(contact.vid))) };
      case 'POST faults': {
        const fault = parseJson(bodyText);
        if (typeof fault !== 'object' || fault === null) return { status: 400, body: { status: 'error', message: 'expected a JSON fault object' } };
        faults.add(fault);
        return { status: 204 };
      }
      case 'DELETE faults':
        faults.clear();
        return { status: 204 };
      default:
        return { status: 404, body: { status: 'error', message: 'unknown sandbox control endpoint' } };
    }
  };

  const server = createServer((request, response) => {
    const correlationId = randomUUID();
    readBody(request)
      .then((bodyText) => {
        if (bodyText === undefined) return writeAnswer(response, { status: 413, body: genericError(correlationId, 413) }, { correlationId, now, wait });
        if ((request.url ?? '').startsWith(CONTROL_PREFIX)) {
          const answer = isLoopbackHost(request.headers.host, port) ? controlAnswer(request, bodyText) : FOREIGN_HOST_ANSWER;
          return writeAnswer(response, answer, { correlationId, now, wait });
        }
        return handleApi(request, response, bodyText, correlationId);
      })
      .catch(() => request.socket.destroy());
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  ({ port } = server.address() as AddressInfo);
  url = `http://127.0.0.1:${port}`;

  return {
    url,
    port,
    token,
    readOnlyToken,
    writeOnlyToken,
    portalId,
    contacts: store,
    requests,
    inject: (fault) => faults.add(fault),
    clearFaults: () => faults.clear(),
    clearRequests: () => {
      requests.length = 0;
    },
    waitForRequest: (matches = () => true) => new Promise((resolve) => arrivalWaiters.add({ matches, resolve })),
    stop: async () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

/**
 * The control API changes what the sandbox answers and reads back every body it was sent. A web page
 * in the user's browser could reach it through DNS rebinding (its own host name resolving to
 * 127.0.0.1), so only requests that name the sandbox by a loopback address are served.
 */
function isLoopbackHost(hostHeader: string | undefined, port: number): boolean {
  return hostHeader !== undefined && LOOPBACK_NAMES.some((name) => hostHeader.toLowerCase() === `${name}:${port}`);
}

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];
const FOREIGN_HOST_ANSWER: ApiResponse = { status: 403, body: { status: 'error', message: 'the sandbox control API answers only requests addressed to 127.0.0.1, localhost or [::1]' } };

function bearerToken(request: IncomingMessage): string | undefined {
  const match = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '');
  return match?.[1];
}

function injectedAnswer(fault: Fault, status: number, correlationId: string): ApiResponse {
  if (fault.body !== undefined || status < 400) return { status, headers: fault.headers, body: fault.body };
  if (status === 401) return { status, headers: { 'x-hubspot-auth-failure': '401 Unauthorized', ...fault.headers }, body: authenticationRequired(correlationId) };
  if (status === 429) return { status, headers: fault.headers, body: rateLimited(correlationId, 'TEN_SECONDLY_ROLLING') };
  return { status, headers: fault.headers, body: genericError(correlationId, status) };
}

interface AnswerContext {
  readonly correlationId: string;
  /** The sandbox's clock: its Date header agrees with the creation times it reports, as HubSpot's does. */
  readonly now: () => number;
  readonly stallBodyMs?: number | undefined;
  readonly wait: (ms: number) => Promise<void>;
}

async function writeAnswer(response: ServerResponse, answer: ApiResponse, { correlationId, now, stallBodyMs, wait }: AnswerContext): Promise<void> {
  if (response.destroyed) return;
  const text = answer.body === undefined ? '' : JSON.stringify(answer.body);
  response.writeHead(answer.status, {
    Date: new Date(now()).toUTCString(),
    'X-HubSpot-Correlation-Id': correlationId,
    ...(text === '' ? {} : { 'Content-Type': 'application/json;charset=utf-8' }),
    'Content-Length': String(Buffer.byteLength(text)),
    ...answer.headers,
  });
  if (stallBodyMs === undefined || text === '') {
    response.end(text);
    return;
  }
  const half = Math.floor(text.length / 2);
  response.write(text.slice(0, half));
  await wait(stallBodyMs);
  if (!response.destroyed) response.end(text.slice(half));
}

/** The body as text; undefined when it exceeds the limit. */
async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return INVALID_JSON;
  }
}

function loggableHeaders(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (name !== 'authorization' && value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}
