// `--dry-run`: the request a send would make, with the access token masked. The body is built by
// the same function the HTTP client sends (contactRequestBody), so what is shown is what would go.
import { CREATE_CONTACT_PATH, contactRequestBody, contactProfilePath, type ContactPropertyValue } from '../hubspot/contactsV1';
import type { HubSpotBaseUrl } from '../hubspot/baseUrl';

/** What a send acts on: a new contact, or the contact with this vid. */
export type ContactTarget = { readonly operation: 'create' } | { readonly operation: 'update'; readonly vid: number };

export interface RequestToPreview {
  readonly target: ContactTarget;
  readonly baseUrl: HubSpotBaseUrl;
  readonly properties: readonly ContactPropertyValue[];
  readonly hasToken: boolean;
}

export interface RequestPreview {
  readonly method: 'POST';
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** Never the token itself, not even a part of it: only whether there is one. */
export const MASKED_TOKEN = 'Bearer ******** (HUBSPOT_ACCESS_TOKEN, masked)';
export const MISSING_TOKEN = 'Bearer (HUBSPOT_ACCESS_TOKEN is not set)';

export function previewRequest({ target, baseUrl, properties, hasToken }: RequestToPreview): RequestPreview {
  const path = target.operation === 'create' ? CREATE_CONTACT_PATH : contactProfilePath(target.vid);
  return {
    method: 'POST',
    url: baseUrl.origin + path,
    headers: { Authorization: hasToken ? MASKED_TOKEN : MISSING_TOKEN, 'Content-Type': 'application/json' },
    body: contactRequestBody(properties),
  };
}

/** As an HTTP message: request line, headers, a blank line, the body. */
export function previewLines(preview: RequestPreview): string[] {
  return [`${preview.method} ${preview.url}`, ...Object.entries(preview.headers).map(([name, value]) => `${name}: ${value}`), '', preview.body];
}
