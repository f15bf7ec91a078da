// `--dry-run`: the request a send would make, with the access token masked. Method, path and body
// come from the API version the HTTP client sends with, so what is shown is what would go.
import type { HubSpotBaseUrl } from '../hubspot/baseUrl';
import type { ContactPropertyValue, ContactTarget } from '../hubspot/contactsApi';
import { DEFAULT_CONTACTS_API } from '../hubspot/hubspotClient';

export interface RequestToPreview {
  readonly target: ContactTarget;
  readonly baseUrl: HubSpotBaseUrl;
  readonly properties: readonly ContactPropertyValue[];
  readonly hasToken: boolean;
}

export interface RequestPreview {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** Never the token itself, not even a part of it: only whether there is one. */
export const MASKED_TOKEN = 'Bearer ******** (HUBSPOT_ACCESS_TOKEN, masked)';
export const MISSING_TOKEN = 'Bearer (HUBSPOT_ACCESS_TOKEN is not set)';

export function previewRequest({ target, baseUrl, properties, hasToken }: RequestToPreview): RequestPreview {
  const { method, path } = DEFAULT_CONTACTS_API.endpoint(target);
  return {
    method,
    url: baseUrl.origin + path,
    headers: { Authorization: hasToken ? MASKED_TOKEN : MISSING_TOKEN, 'Content-Type': 'application/json' },
    body: DEFAULT_CONTACTS_API.body(properties),
  };
}

/** As an HTTP message: request line, headers, a blank line, the body. */
export function previewLines(preview: RequestPreview): string[] {
  return [`${preview.method} ${preview.url}`, ...Object.entries(preview.headers).map(([name, value]) => `${name}: ${value}`), '', preview.body];
}
