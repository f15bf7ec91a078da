// `--dry-run`: the request a send would make, with the access token masked. Method, path and body
// come from the API the HTTP client would send with, so what is shown is what would go.
import type { HubSpotBaseUrl } from '../hubspot/baseUrl';
import type { BodyExtras, ContactPropertyValue, ContactsApi, ContactTarget } from '../hubspot/contactsApi';

export interface RequestToPreview {
  readonly api: ContactsApi;
  readonly target: ContactTarget;
  readonly baseUrl: HubSpotBaseUrl;
  readonly properties: readonly ContactPropertyValue[];
  readonly extras: BodyExtras | undefined;
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

export function previewRequest({ api, target, baseUrl, properties, extras, hasToken }: RequestToPreview): RequestPreview {
  const { method, path } = api.endpoint(target);
  return {
    method,
    url: baseUrl.origin + path,
    headers: { Authorization: hasToken ? MASKED_TOKEN : MISSING_TOKEN, 'Content-Type': 'application/json' },
    body: api.body(properties, extras),
  };
}

/** As an HTTP message: request line, headers, a blank line, the body. */
export function previewLines(preview: RequestPreview): string[] {
  return [`${preview.method} ${preview.url}`, ...Object.entries(preview.headers).map(([name, value]) => `${name}: ${value}`), '', preview.body];
}
