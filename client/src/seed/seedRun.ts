// A seed run as the editor and the CLI drive it: one account, one rate limiter, one journal; plan
// first, then — after the person (or --yes) confirms — send. Everything here runs without vscode.
import { setTimeout as delay } from 'node:timers/promises';
import type { HubSpotClient } from '../hubspot/hubspotClient';
import type { RetryOptions } from '../hubspot/retryPolicy';
import { createDispatcher } from './batchDispatcher';
import type { Journal } from './journal';
import { createRateLimiter, type RateLimiter } from './rateLimiter';
import type { SeedAccount } from './seedAccount';
import { memoryLists, type SeedLists } from './seedList';
import type { SeedReport } from './seedOutcome';
import { planSeedSet, type SeedPlan } from './seedPlanning';
import { sendSeedPlan, type SendProgress } from './seedSending';
import type { SeedSource } from './seedSource';

export interface SeedRunOptions {
  readonly client: HubSpotClient;
  readonly account: SeedAccount;
  readonly journal: Journal;
  readonly retry: RetryOptions;
  readonly signal?: AbortSignal | undefined;
  /** Tests drive time; the defaults are the real clock and timers. */
  readonly now?: () => number;
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly random?: () => number;
  readonly limiter?: RateLimiter;
  /** Where the plan's rows and the run's results are kept: memory unless given. */
  readonly lists?: SeedLists;
}

export interface PlanOptions {
  readonly resendUncertain: boolean;
  readonly onProgress?: (contactsPlanned: number) => void;
  /** How files are named in the plan's messages; as given when absent. */
  readonly nameOf?: (file: string) => string;
}

export interface SeedRun {
  plan(source: SeedSource, options: PlanOptions): Promise<SeedPlan>;
  send(plan: SeedPlan, source: SeedSource, options?: { readonly onProgress?: (progress: SendProgress) => void }): Promise<SeedReport>;
}

export function createSeedRun(options: SeedRunOptions): SeedRun {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number, signal?: AbortSignal) => delay(ms, undefined, { signal }));
  const limiter = options.limiter ?? createRateLimiter({ now, sleep });
  const dispatcher = createDispatcher({ client: options.client, limiter, retry: options.retry, signal: options.signal, sleep, random: options.random ?? Math.random, now });
  const { account, journal, signal } = options;
  const lists = options.lists ?? memoryLists;
  return {
    plan: (source, planOptions) => planSeedSet(source, { account, dispatcher, journal, resendUncertain: planOptions.resendUncertain, signal, onProgress: planOptions.onProgress, nameOf: planOptions.nameOf ?? ((file) => file), lists }),
    send: (plan, source, sendOptions) => sendSeedPlan(plan, source, { dispatcher, journal, signal, now, onProgress: sendOptions?.onProgress, lists }),
  };
}
