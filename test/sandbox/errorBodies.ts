// HubSpot's error envelopes, as captured from the live API (see hubspot-contacts-api.md §3).
// Every body carries the request's correlation id, as HubSpot's do.
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';

export type ErrorBody = Readonly<Record<string, unknown>>;

const SCOPES_URL = 'https://developers.hubspot.com/scopes';

/** The part every HubSpot error shares. */
export function errorEnvelope(correlationId: string, message: string, extra: Readonly<Record<string, unknown>> = {}): ErrorBody {
  return { status: 'error', message, correlationId, ...extra, requestId: randomUUID().replaceAll('-', '') };
}

export function authenticationRequired(correlationId: string): ErrorBody {
  return errorEnvelope(
    correlationId,
    'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview',
    { category: 'INVALID_AUTHENTICATION' },
  );
}

export function missingScopes(correlationId: string, requiredScopes: readonly string[]): ErrorBody {
  return errorEnvelope(
    correlationId,
    `This app hasn't been granted all required scopes to make this call. Read more about required scopes here: ${SCOPES_URL}.`,
    {
      errors: [{ message: 'One or more of the following scopes are required.', context: { requiredGranularScopes: requiredScopes } }],
      links: { scopes: SCOPES_URL },
      category: 'MISSING_SCOPES',
    },
  );
}

export type RateLimitPolicyName = 'TEN_SECONDLY_ROLLING' | 'DAILY';

export function rateLimited(correlationId: string, policyName: RateLimitPolicyName): ErrorBody {
  const message = policyName === 'DAILY' ? 'You have reached your daily limit.' : 'You have reached your ten_secondly_rolling limit.';
  return errorEnvelope(correlationId, message, { errorType: 'RATE_LIMIT', policyName });
}

/** Update or request of an unknown numeric vid ("contact does not exist" is what GET says). */
export function notFound(correlationId: string, message: 'resource not found' | 'contact does not exist'): ErrorBody {
  return errorEnvelope(correlationId, message);
}

/** The generic envelope for a status with no specific body: injected 5xx, 477, … */
export function genericError(correlationId: string, status: number): ErrorBody {
  return errorEnvelope(correlationId, (STATUS_CODES[status] ?? 'error').toLowerCase());
}
