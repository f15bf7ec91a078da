// The one-line summary of an outcome, for the status line of the response view and the log:
// what happened, what it means, and what to do when that is not obvious.
import { STATUS_CODES } from 'node:http';
import { plural, seconds } from './format';
import type { UnexplainedOutcome } from './outcome';

export function explainOutcome(outcome: UnexplainedOutcome): string {
  const notes = [headline(outcome)];
  if (outcome.mayHaveBeenApplied) notes.push(mayHaveBeenAppliedNote(outcome));
  else if (outcome.kind === 'networkError' || outcome.kind === 'cancelled') notes.push('nothing reached HubSpot');
  if (outcome.retryNote) notes.push(outcome.retryNote);
  const afterRetries = outcome.retries > 0 && !outcome.retryNote ? ` (after ${plural(outcome.retries, 'retry', 'retries')})` : '';
  return notes.join('; ') + afterRetries;
}

function headline(outcome: UnexplainedOutcome): string {
  const status = statusLine(outcome.status);
  const host = hostOf(outcome.url);
  switch (outcome.kind) {
    case 'created':
      return outcome.createdOnEarlierAttempt
        ? `${status} — contact ${outcome.vid} was created by an earlier attempt whose answer was lost; HubSpot applied that request, so it holds this file's values`
        : `${status} — contact ${outcome.vid} created in ${outcome.durationMs} ms`;
    case 'updated':
      return `${status} — ${updatedContact(outcome)} updated in ${outcome.durationMs} ms`;
    case 'alreadyExists': {
      const who = outcome.operation === 'create' ? 'a contact with this email already exists' : 'another contact already has this email';
      const conflict = outcome.vid === undefined ? `${status} — ${who}` : `${status} — ${who}: id ${outcome.vid}`;
      return outcome.predatesLostAttempt ? `${conflict}; it is older than the attempt whose answer was lost, so nothing of this file was applied` : conflict;
    }
    case 'existsMaybeCreated':
      return `${status} — contact ${outcome.vid} has this email, and whether the earlier attempt whose answer was lost created it cannot be told: ${outcome.reason}`;
    case 'validationFailed': {
      if (outcome.results.length === 0) return `${status} — ${outcome.message ?? 'HubSpot rejected the request'}`;
      const listed = outcome.results.map((result) => `${result.name} (${result.error})`).join(', ');
      return `${status} — ${plural(outcome.results.length, 'property value was', 'property values were')} rejected: ${listed}`;
    }
    case 'unauthorized':
      return outcome.category === 'EXPIRED_AUTHENTICATION'
        ? `${status} — the access token has expired`
        : `${status} — the access token is invalid or expired`;
    case 'forbidden':
      return outcome.scopes.length === 0
        ? `${status} — the access token is not allowed to do this`
        : `${status} — the access token lacks the ${outcome.scopes.length === 1 ? 'scope' : 'scopes'} ${outcome.scopes.join(', ')}`;
    case 'notFound':
      return outcome.email === undefined ? `${status} — no contact with id ${outcome.vid}` : `${status} — no contact with email ${outcome.email}`;
    case 'rateLimited':
      return `${status} — ${rateLimitText(outcome)}`;
    case 'serverError':
      return outcome.status === 477
        ? `${status} — HubSpot is migrating this account; try again later`
        : `${status} — HubSpot failed to answer the request`;
    case 'unexpectedResponse':
      return `${status} — ${outcome.message}`;
    case 'networkError':
      return `No response — ${networkText(outcome, host)}`;
    case 'notSent':
      return `Not sent — ${outcome.message}`;
    case 'cancelled':
      return 'Cancelled';
  }
}

/** The contact an update wrote to: its id when known, and the email it was addressed by. */
function updatedContact(outcome: Extract<UnexplainedOutcome, { kind: 'updated' }>): string {
  if (outcome.email === undefined) return `contact ${outcome.vid}`;
  return outcome.vid === undefined ? `the contact with email ${outcome.email}` : `contact ${outcome.vid} (email ${outcome.email})`;
}

function mayHaveBeenAppliedNote(outcome: UnexplainedOutcome): string {
  if (outcome.kind === 'existsMaybeCreated') return `updating contact ${outcome.vid} applies this file's values either way`;
  return outcome.operation === 'create' ? 'the contact may have been created — check HubSpot before sending again' : 'the update may have been applied';
}

function rateLimitText(outcome: Extract<UnexplainedOutcome, { kind: 'rateLimited' }>): string {
  if (outcome.daily || outcome.retryAfterMs === undefined) {
    return "daily API limit reached; it resets at midnight in the HubSpot account's time zone";
  }
  const limit = { tenSecondly: 'ten-second rate limit', secondly: 'per-second rate limit', unknown: 'rate limit', daily: '' }[outcome.policy];
  const named = outcome.policy === 'unknown' && outcome.policyName ? ` (${outcome.policyName})` : '';
  return `${limit}${named} reached; retry in ${seconds(outcome.retryAfterMs)}`;
}

function networkText(outcome: Extract<UnexplainedOutcome, { kind: 'networkError' }>, host: string): string {
  switch (outcome.reason) {
    case 'timeout':
      if (outcome.timeoutPhase === 'connect') return `could not connect to ${host} in time (${outcome.message})`;
      if (outcome.timeoutPhase === 'body') return `${host} stopped sending the answer part way (${outcome.message})`;
      return `${host} did not answer in time (${outcome.message})`;
    case 'reset':
      return `the connection to ${host} was closed before the answer arrived`;
    case 'refused':
      return `${host} refused the connection (is the server running?)`;
    case 'unreachable':
      return `${host} cannot be reached from this network`;
    case 'dns':
      return `${host} could not be found (DNS)`;
    case 'tls':
      return `the secure connection to ${host} failed: ${outcome.message}`;
    case 'proxy':
      return outcome.message;
    case 'other':
      return outcome.message;
  }
}

function statusLine(status: number | undefined): string {
  if (status === undefined) return 'No response';
  const text = STATUS_CODES[status];
  return text ? `${status} ${text}` : String(status);
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
