// Fault injection: what the next matching request(s) meet instead of (or on top of) normal handling.

/** The operation a request asks for; the v1 and CRM objects paths of one operation share its name, so a fault for it meets both. */
export type SandboxRoute =
  | 'createContact'
  | 'updateContact'
  | 'getContact'
  | 'batchCreate'
  | 'batchUpdate'
  | 'batchUpsert'
  | 'batchRead'
  | 'listPropertiesV1'
  | 'listPropertiesV3'
  | 'accountDetails'
  | 'tokenInfo'
  | 'profilePage'
  | 'unknown';

export interface Fault {
  /** Only requests to this route; any API request when absent. */
  readonly route?: SandboxRoute;
  /** How many matching requests it affects (default 1). */
  readonly times?: number;
  /** Wait this long before answering; combines with the other fields or, alone, delays normal handling. */
  readonly delayMs?: number;
  /** Answer with this status instead of handling the request (no auth or rate-limit check). */
  readonly status?: number;
  /**
   * With `status`: handle the request first (a create stores the contact), then answer `status`
   * anyway: a gateway's 5xx after HubSpot applied the write.
   */
  readonly handleFirst?: boolean;
  /** Extra response headers for `status`. */
  readonly headers?: Readonly<Record<string, string>>;
  /** JSON body for `status`; for 4xx/5xx it defaults to HubSpot's envelope for that status, else none. */
  readonly body?: unknown;
  /** Drop the connection without answering; nothing is stored. */
  readonly reset?: boolean;
  /** Handle the request (a create stores the contact), then drop the connection instead of answering. */
  readonly createThenReset?: boolean;
  /** Send the headers and the start of the body, then go silent this long (a body timeout). */
  readonly stallBodyMs?: number;
}

export interface FaultQueue {
  add(fault: Fault): void;
  /** The first fault matching the route, used up by one. */
  take(route: SandboxRoute): Fault | undefined;
  clear(): void;
}

export function createFaultQueue(initial: readonly Fault[] = []): FaultQueue {
  const pending: { fault: Fault; left: number }[] = [];
  const queue: FaultQueue = {
    add: (fault) => {
      pending.push({ fault, left: fault.times ?? 1 });
    },
    take(route) {
      const index = pending.findIndex(({ fault }) => fault.route === undefined || fault.route === route);
      const entry = pending[index];
      if (!entry) return undefined;
      entry.left--;
      if (entry.left <= 0) pending.splice(index, 1);
      return entry.fault;
    },
    clear: () => {
      pending.length = 0;
    },
  };
  for (const fault of initial) queue.add(fault);
  return queue;
}

/** Chances (0 to 1, together at most 1) that an API request meets a fault drawn at random: demos and soak tests of a client's recovery. */
export interface RandomFaultRates {
  /** Answer 502 or 503 without handling the request. */
  readonly serverError?: number;
  /** Handle the request (a write is applied), then drop the connection without answering. */
  readonly lost?: number;
}

/** The fault each request meets by chance, if any: one draw a request, so a seed replays the same faults. */
export function randomFaults(rates: RandomFaultRates, random: () => number): () => Fault | undefined {
  const serverError = rates.serverError ?? 0;
  const lost = rates.lost ?? 0;
  return () => {
    const draw = random();
    if (draw < serverError) return { status: draw < serverError / 2 ? 502 : 503 };
    return draw < serverError + lost ? { createThenReset: true } : undefined;
  };
}
