// Sends a plan: reads the files again a group at a time, puts each planned contact into a batch of
// its route (upsert by email, update by id, create), and sends up to 100 a request through the
// dispatcher, as many at once as the rate limiter allows. Each answer is written to the journal
// before the run moves on, so a run cut off anywhere can be re-run: what is done is found done, and a
// create whose answer was lost is remembered as uncertain instead of being sent twice.
import { BATCH_MAX_INPUTS, batchPath, batchWriteBody, readBatchWriteAnswer, type BatchInputResult, type BatchWrite, type BatchWriteInput } from '../hubspot/contactsBatch';
import type { Dispatcher, DispatchResult } from './batchDispatcher';
import type { Journal } from './journal';
import type { BatchRoute } from './plan';
import { countOutcomes, type SeedOutcome, type SeedReport, type SeedResult, type SeedStop } from './seedOutcome';
import { seedEntry, seedKey, type SeedEntry } from './seedEntry';
import { fingerprintOf, type PlanRow, type SeedPlan } from './seedPlanning';
import type { SeedLists } from './seedList';
import { readGroups, type SeedSource } from './seedSource';

export interface SendingContext {
  readonly dispatcher: Dispatcher;
  readonly journal: Journal;
  readonly signal: AbortSignal | undefined;
  readonly now: () => number;
  readonly onProgress?: ((progress: SendProgress) => void) | undefined;
  /** Where the results are kept, as the plan's rows are. */
  readonly lists: SeedLists;
}

export interface SendProgress {
  /** Contacts whose outcome is known. */
  readonly done: number;
  /** Contacts the plan sends. */
  readonly total: number;
  readonly elapsedMs: number;
}

/** Batches waiting for their turn before more files are read: enough to keep every slot busy. */
const MAX_PENDING_BATCHES = 32;

interface PendingInput {
  readonly row: PlanRow;
  /** The row's place in the plan, where its result goes. */
  readonly position: number;
  readonly input: BatchWriteInput;
}

/** Shared by the results that carry no per-property errors (all but a few). */
const NONE_REJECTED: SeedResult['rejected'] = Object.freeze([]);

export async function sendSeedPlan(plan: SeedPlan, source: SeedSource, context: SendingContext): Promise<SeedReport> {
  const startedAt = context.now();
  const { journal, dispatcher } = context;
  // The positions of the rows to send, by file and then by the contact's index in it (numbers, not
  // a key string per contact): the files are read again, and each contact finds its row here.
  const planned = new Map<string, number[]>();
  let total = 0;
  for (let position = 0; position < plan.rows.length; position++) {
    const row = plan.rows.at(position);
    if (row?.route === undefined) continue;
    let ofFile = planned.get(row.file);
    if (ofFile === undefined) planned.set(row.file, (ofFile = []));
    ofFile[row.index] = position;
    total++;
  }
  // One per row of the plan, in its order, set when the row's outcome is known.
  const results = context.lists<SeedResult>();
  const isSettled = new Uint8Array(plan.rows.length);
  let settled = 0;
  let stop: SeedStop | undefined;
  let batchNumber = 0;
  // Trace ids only need to be unique within a request; a counter keeps file paths out of what HubSpot is sent.
  let inputNumber = 0;
  const inFlight = new Set<Promise<void>>();
  const open: Record<BatchRoute, PendingInput[]> = { upsert: [], update: [], create: [] };

  journal.record({ type: 'run', at: new Date(context.now()).toISOString(), origin: plan.account.origin, ...(plan.account.portalId === undefined ? {} : { portalId: plan.account.portalId }), apiVersion: plan.account.apiVersion, contacts: total });

  const settle = ({ row, position }: Omit<PendingInput, 'input'>, outcome: SeedOutcome, fields: { id?: string | undefined; message?: string | undefined; rejected?: SeedResult['rejected'] }, batch: string | undefined) => {
    const id = fields.id ?? row.id;
    if (isSettled[position] === 0) settled++;
    isSettled[position] = 1;
    results.set(position, { file: row.file, index: row.index, line: row.line, character: row.character, outcome, id, message: fields.message, rejected: fields.rejected ?? NONE_REJECTED });
    if (outcome !== 'notSent' && outcome !== 'blocked') {
      journal.record({ type: 'outcome', at: new Date(context.now()).toISOString(), key: seedKey(row.file, row.index), outcome, ...(id === undefined ? {} : { id }), ...(fields.message === undefined ? {} : { message: fields.message }), ...(batch === undefined ? {} : { batch }) });
    }
  };
  // Every result is of a planned row (settle is only ever given those), so their count is the progress.
  const progress = () => context.onProgress?.({ done: settled, total, elapsedMs: context.now() - startedAt });

  const dispatch = (route: BatchRoute, inputs: readonly PendingInput[]) => {
    const batch = `b${++batchNumber}`;
    const operation: BatchWrite = route;
    // Before it leaves: a run cut off now still knows what was on its way (for a create, that its contacts may exist).
    journal.record({ type: 'sending', at: new Date(context.now()).toISOString(), batch, keys: inputs.map(({ row }) => seedKey(row.file, row.index)) });
    const body = batchWriteBody(operation, inputs.map((pending) => pending.input));
    const task = dispatcher.send(operation, batchPath(plan.account.apiVersion, operation), body).then((result) => {
      settleBatch(operation, inputs, result, batch);
      progress();
    });
    inFlight.add(task);
    void task.finally(() => inFlight.delete(task));
  };

  const settleBatch = (operation: BatchWrite, inputs: readonly PendingInput[], result: DispatchResult, batch: string) => {
    if (result.kind === 'dailyLimit') {
      stop ??= { reason: 'dailyLimit', message: `${result.message} The rest can be sent once HubSpot's daily limit resets (midnight in the account's time zone): run the same command again.` };
      for (const pending of inputs) settle(pending, 'notSent', { message: 'not sent: HubSpot\'s daily limit was reached' }, batch);
      return;
    }
    if (result.kind === 'cancelled' || result.kind === 'failed') {
      const uncertain = operation === 'create' && result.mayHaveBeenApplied;
      if (result.kind === 'cancelled') stop ??= { reason: 'cancelled', message: 'The run was cancelled; run it again to send the rest.' };
      const message = result.kind === 'failed' ? result.message : 'cancelled';
      for (const pending of inputs) {
        if (uncertain) settle(pending, 'uncertain', { message: `${message}: the contact may have been created` }, batch);
        else if (result.kind === 'cancelled' && !result.mayHaveBeenApplied) settle(pending, 'notSent', { message: 'not sent: the run was cancelled' }, batch);
        else settle(pending, 'failed', { message: result.mayHaveBeenApplied ? `${message}: it may have been applied` : message }, batch);
      }
      return;
    }
    if (result.status >= 500) {
      // Retries ran out (or a create was not resent): HubSpot may have written some of the batch.
      const message = `HubSpot answered ${result.status}`;
      for (const pending of inputs) settle(pending, operation === 'create' ? 'uncertain' : 'failed', { message: `${message}: it may have been applied` }, batch);
      return;
    }
    const answer = readBatchWriteAnswer(operation, inputs.map((pending) => pending.input), result.status, result.body);
    if (answer.kind === 'rejected') {
      if (result.status === 401 || result.status === 403) stop ??= { reason: 'failed', message: `HubSpot refused the requests (${result.status}): ${answer.message}` };
      for (const pending of inputs) settle(pending, 'failed', { message: answer.message }, batch);
      return;
    }
    if (answer.kind === 'unexpected') {
      for (const pending of inputs) settle(pending, operation === 'create' ? 'uncertain' : 'failed', { message: `${answer.message}: it may have been applied` }, batch);
      return;
    }
    const unmatched = new Set(answer.unmatched);
    for (const pending of inputs) {
      const { row, input } = pending;
      const inputResult: BatchInputResult | undefined = answer.results.get(input.traceId);
      if (!inputResult || unmatched.has(input.traceId)) {
        settle(pending, operation === 'create' ? 'uncertain' : 'failed', { message: 'HubSpot\'s answer did not mention this contact: it may have been applied' }, batch);
      } else if (inputResult.outcome === 'failed') {
        settle(pending, 'failed', { message: inputResult.message, rejected: inputResult.rejected }, batch);
      } else {
        // The plan found no such contact, so an upsert that now finds one found what our unanswered attempt created.
        const outcome = inputResult.outcome === 'updated' && row.action === 'create' && result.afterLostAttempt ? 'created' : inputResult.outcome;
        settle(pending, outcome, { id: inputResult.id }, batch);
      }
    }
  };

  const flush = async (route: BatchRoute, force: boolean) => {
    const queue = open[route];
    while (queue.length >= BATCH_MAX_INPUTS || (force && queue.length > 0)) {
      while (inFlight.size >= MAX_PENDING_BATCHES) await Promise.race(inFlight);
      if (stop) return;
      dispatch(route, queue.splice(0, BATCH_MAX_INPUTS));
    }
  };

  for await (const results of readGroups(source)) {
    if (stop || context.signal?.aborted) break;
    for (const result of results) {
      if (!result.ok || result.read.fileErrors.length > 0) continue;
      for (const read of result.read.contacts) {
        const position = planned.get(result.file)?.[read.index];
        if (position === undefined) continue;
        const row = plan.rows.at(position)!;
        const entry = seedEntry(result.file, read);
        if (fingerprintOf(entry) !== row.fingerprint) {
          settle({ row, position }, 'notSent', { message: 'not sent: the file changed since the plan; plan again' }, undefined);
          continue;
        }
        open[row.route!].push({ row, position, input: batchInput(row, entry, `c${++inputNumber}`) });
      }
    }
    for (const route of ['upsert', 'update', 'create'] as const) await flush(route, false);
  }
  for (const route of ['upsert', 'update', 'create'] as const) await flush(route, true);
  await Promise.all(inFlight);
  if (!stop && context.signal?.aborted) stop = { reason: 'cancelled', message: 'The run was cancelled; run it again to send the rest.' };

  // Whatever the plan did not send, and what a stop left unsent, is in the report too.
  const unsentMessage = stop?.reason === 'dailyLimit' ? 'not sent: HubSpot\'s daily limit was reached' : 'not sent: the run stopped before its turn';
  for (let position = 0; position < plan.rows.length; position++) if (isSettled[position] === 0) results.set(position, unsentResult(plan.rows.at(position)!, unsentMessage));
  return {
    account: plan.account,
    counts: countOutcomes(results),
    results,
    stopped: stop,
    requests: dispatcher.requests,
    rateLimited: dispatcher.rateLimited,
    elapsedMs: context.now() - startedAt,
    journalPath: journal.path,
  };
}

/** The report of a plan with nothing to send: each contact as the plan left it. */
export function unsentReport(plan: SeedPlan, journalPath: string, lists: SeedLists): SeedReport {
  const results = lists<SeedResult>();
  let position = 0;
  for (const row of plan.rows) results.set(position++, unsentResult(row, 'not sent'));
  return { account: plan.account, counts: countOutcomes(results), results, stopped: undefined, requests: 0, rateLimited: 0, elapsedMs: 0, journalPath };
}

/** A row the plan does not send (unchanged, blocked, uncertain), or one a stop left unsent. */
export function unsentResult(row: PlanRow, unsentMessage: string): SeedResult {
  const outcome: SeedOutcome = row.route !== undefined ? 'notSent' : row.action === 'unchanged' ? 'unchanged' : row.action === 'uncertain' ? 'uncertain' : 'blocked';
  const message = outcome === 'notSent' ? unsentMessage : outcome === 'unchanged' ? undefined : (row.note ?? row.problems[0]?.message);
  return { file: row.file, index: row.index, line: row.line, character: row.character, outcome, id: row.id, message, rejected: NONE_REJECTED };
}

/** What a planned contact sends: a create all its properties, an update only those that change. */
function batchInput(row: PlanRow, entry: SeedEntry, traceId: string): BatchWriteInput {
  const changed = new Set(row.changes.map((change) => change.property));
  const properties = row.action === 'update' ? entry.properties.filter((property) => changed.has(property.property)) : entry.properties;
  switch (row.route) {
    case 'upsert':
      return { traceId, properties, email: entry.email! };
    case 'update':
      return { traceId, properties, id: row.id! };
    default:
      return entry.associations === undefined ? { traceId, properties } : { traceId, properties, associations: entry.associations };
  }
}
