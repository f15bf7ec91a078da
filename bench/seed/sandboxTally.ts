// What a side did, counted by the sandbox from its own request log and contact store, never from
// what the side says about itself.
import type { Sandbox, SandboxRoute } from '../../test/sandbox/sandbox';

export interface SandboxTally {
  /** Every API request that reached the sandbox, answered or not. */
  readonly requests: number;
  readonly byRoute: Readonly<Partial<Record<SandboxRoute, number>>>;
  readonly rateLimited: number;
  readonly rateLimitedByRoute: Readonly<Partial<Record<SandboxRoute, number>>>;
  /** 5xx answers (with random faults, the 502s and 503s drawn). */
  readonly serverErrors: number;
  /** Connections dropped without an answer (a lost answer: the request was handled). */
  readonly lost: number;
  readonly contacts: number;
  readonly distinctEmails: number;
  /** Contacts whose email an older contact already has. */
  readonly duplicates: number;
  /** Emails of the seed set no contact has. */
  readonly missing: number;
}

export function tallySandbox(sandbox: Sandbox, seedEmails: readonly string[]): SandboxTally {
  const byRoute: Partial<Record<SandboxRoute, number>> = {};
  const rateLimitedByRoute: Partial<Record<SandboxRoute, number>> = {};
  let rateLimited = 0;
  let serverErrors = 0;
  let lost = 0;
  for (const request of sandbox.requests) {
    byRoute[request.route] = (byRoute[request.route] ?? 0) + 1;
    if (request.status === 429) {
      rateLimited++;
      rateLimitedByRoute[request.route] = (rateLimitedByRoute[request.route] ?? 0) + 1;
    }
    else if (request.status !== undefined && request.status >= 500) serverErrors++;
    else if (request.reset) lost++;
  }
  const emails = new Set<string>();
  let duplicates = 0;
  for (const contact of sandbox.contacts.all()) {
    const email = contact.properties.get('email')?.value.toLowerCase();
    if (email === undefined) continue;
    if (emails.has(email)) duplicates++;
    else emails.add(email);
  }
  return {
    requests: sandbox.requests.length,
    byRoute,
    rateLimited,
    rateLimitedByRoute,
    serverErrors,
    lost,
    contacts: sandbox.contacts.size,
    distinctEmails: emails.size,
    duplicates,
    missing: seedEmails.filter((email) => !emails.has(email.toLowerCase())).length,
  };
}
