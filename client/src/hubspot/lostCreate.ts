// A create was resent after an attempt whose answer was lost (a 5xx, a dropped connection, a
// timeout), and HubSpot answered 409: a contact with this email exists. Either the lost attempt made
// it, and then HubSpot applied this file, or it existed before, and then nothing of this file was
// applied. Reading the contact tells when HubSpot added it; this compares that time with when the
// lost attempt started, on HubSpot's clock, and says "cannot tell" when the read or the clocks do
// not allow the comparison.
import type { ContactsApi } from './contactsApi';
import { readRequiredScopes } from './errorBodies';
import type { ReadResult } from './readResult';
import type { OutcomeDetails } from './outcome';
import { readServerDateMs } from './responseHeaders';

/** One exchange with HubSpot, for comparing its clock with ours. */
export interface ClockSample {
  /** Our clock (epoch ms) when the exchange started and when its answer was in. */
  readonly startedAt: number;
  readonly endedAt: number;
  /** The answer's Date header: HubSpot's clock, whole seconds; undefined when absent. */
  readonly serverDateMs: number | undefined;
}

/** A Date header counts whole seconds: HubSpot's clock read anything up to this much later. */
const DATE_RESOLUTION_MS = 999;

/**
 * The widest uncertainty about HubSpot's clock that still allows a verdict. Within it, a contact
 * someone else created just before our first attempt would pass for ours; past a few seconds that
 * is no longer a coincidence to accept, so the outcome says it cannot tell.
 */
export const MAX_CLOCK_UNCERTAINTY_MS = 3_000;

export type ClockOffset =
  /** HubSpot's clock minus ours lies in [minMs, maxMs]. */
  | { readonly kind: 'bounded'; readonly minMs: number; readonly maxMs: number }
  | { readonly kind: 'unknown'; readonly reason: string };

/**
 * HubSpot's clock relative to ours, from the Date headers: HubSpot wrote each one after the exchange
 * started and before its answer was in, truncated to the second. Every sample bounds the offset;
 * together they bound it as tightly as the quickest exchange allows (a second plus its round trip).
 */
export function serverClockOffset(samples: readonly ClockSample[]): ClockOffset {
  const dated = samples.filter((sample) => sample.serverDateMs !== undefined);
  if (dated.length === 0) return { kind: 'unknown', reason: "HubSpot's answers carry no Date header to compare its clock with this computer's" };
  const minMs = Math.max(...dated.map((sample) => sample.serverDateMs! - sample.endedAt));
  const maxMs = Math.min(...dated.map((sample) => sample.serverDateMs! + DATE_RESOLUTION_MS - sample.startedAt));
  if (minMs > maxMs) return { kind: 'unknown', reason: "HubSpot's Date headers contradict each other against this computer's clock" };
  if (maxMs - minMs > MAX_CLOCK_UNCERTAINTY_MS) {
    return { kind: 'unknown', reason: "HubSpot answered too slowly to compare its clock with this computer's closely enough" };
  }
  return { kind: 'bounded', minMs, maxMs };
}

export type CreationVerdict =
  | { readonly kind: 'byLostAttempt' }
  | { readonly kind: 'beforeLostAttempt' }
  | { readonly kind: 'unknown'; readonly reason: string };

/**
 * Who made the contact, from when HubSpot added it (its clock) and when the first lost attempt
 * started (ours). Added at or after the earliest moment HubSpot's clock can have shown for that start
 * counts as made by it: HubSpot cannot have added it before the request arrived, so our own creation
 * always lands there. The margin this leaves is the clock uncertainty (MAX_CLOCK_UNCERTAINTY_MS at
 * most): a contact someone else added that short a time before the first attempt would be taken for
 * ours. Added earlier than that, it existed before.
 */
export function judgeCreation(createdAt: number | undefined, lostAttemptStartedAt: number, samples: readonly ClockSample[]): CreationVerdict {
  if (createdAt === undefined) return { kind: 'unknown', reason: 'its record does not say when it was created' };
  const offset = serverClockOffset(samples);
  if (offset.kind === 'unknown') return offset;
  return createdAt >= lostAttemptStartedAt + offset.minMs ? { kind: 'byLostAttempt' } : { kind: 'beforeLostAttempt' };
}

export interface LostCreateQuestion {
  /** The API version the create was sent with: it says how to read the contact. */
  readonly api: ContactsApi;
  /** The contact the 409 names. */
  readonly vid: number;
  /** Our clock when the first attempt whose answer was lost started. */
  readonly lostAttemptStartedAt: number;
  /** Every attempt of this send so far. */
  readonly samples: readonly ClockSample[];
  /** One GET, as HubSpotClient.getJson does it. */
  readonly read: (path: string) => Promise<ReadResult>;
  readonly now: () => number;
}

/** Reads the contact the 409 names and turns the verdict into the outcome. */
export async function settleLostCreate({ api, vid, lostAttemptStartedAt, samples, read, now }: LostCreateQuestion): Promise<OutcomeDetails> {
  const startedAt = now();
  const answer = await read(api.readPath(vid));
  if (!answer.ok) return { kind: 'existsMaybeCreated', vid, reason: readFailure(answer) };
  const sample: ClockSample = { startedAt, endedAt: now(), serverDateMs: readServerDateMs(answer.headers) };
  const verdict = judgeCreation(api.readCreatedAt(answer.body), lostAttemptStartedAt, [...samples, sample]);
  switch (verdict.kind) {
    case 'byLostAttempt': {
      const record = api.readContact(answer.body);
      return { kind: 'created', vid, portalId: record?.portalId, profileUrl: record?.profileUrl, createdOnEarlierAttempt: true };
    }
    case 'beforeLostAttempt':
      return { kind: 'alreadyExists', vid, predatesLostAttempt: true };
    case 'unknown':
      return { kind: 'existsMaybeCreated', vid, reason: verdict.reason };
  }
}

function readFailure(answer: Extract<ReadResult, { ok: false }>): string {
  const scopes = answer.status === 403 ? readRequiredScopes(answer.body) : [];
  if (scopes.length > 0) return `the access token may not read contacts (it lacks the ${scopes.length === 1 ? 'scope' : 'scopes'} ${scopes.join(', ')})`;
  return `reading the contact failed (${answer.message})`;
}
