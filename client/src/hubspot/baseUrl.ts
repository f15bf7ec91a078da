// Parses the base URL setting. The access token goes to whatever host this names, so it must be a
// bare origin (no credentials, path, query or fragment that could smuggle the request elsewhere) and
// plain http:// is accepted only for this machine, where nothing crosses a network. Messages quote
// no more than scheme and host: a token pasted into the wrong field must not end up in an error.

export interface HubSpotBaseUrl {
  /** Scheme, host and port, without a trailing slash: `https://api.hubapi.com`. */
  readonly origin: string;
  /** Host (and port when not the default), for messages: `api.hubapi.com`. */
  readonly host: string;
  readonly isLoopback: boolean;
}

export type BaseUrlResult = { readonly ok: true; readonly baseUrl: HubSpotBaseUrl } | { readonly ok: false; readonly message: string };

export const DEFAULT_BASE_URL = 'https://api.hubapi.com';

const EXAMPLE = `like ${DEFAULT_BASE_URL}`;

export function parseBaseUrl(input: string): BaseUrlResult {
  const text = input.trim();
  if (text === '') return fail(`The HubSpot base URL is empty; use one ${EXAMPLE}.`);

  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return fail(`The HubSpot base URL is not a valid URL; it looks ${EXAMPLE}.`);
  }

  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return fail(`The HubSpot base URL must start with https:// (found ${url.protocol}//).`);
  }
  if (url.username !== '' || url.password !== '') {
    return fail('The HubSpot base URL must not contain a user name or password; the access token is the only credential sent.');
  }
  // The WHATWG parser already resolved dot segments, so anything but "/" is a real path.
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || /[?#]$/.test(text)) {
    return fail(`The HubSpot base URL must be just a scheme and host, ${EXAMPLE}, without a path, query or fragment.`);
  }

  const isLoopback = isLoopbackHost(url.hostname);
  if (url.protocol === 'http:' && !isLoopback) {
    return fail(
      `Plain http:// would send your access token unencrypted to ${url.host}; use https://. ` +
        'http:// is allowed only for this machine (localhost, 127.0.0.1, [::1]), e.g. the local sandbox.',
    );
  }
  return { ok: true, baseUrl: { origin: url.origin, host: url.host, isLoopback } };
}

/** `hostname` as normalised by the WHATWG URL parser (IPv4 in dotted form, IPv6 in brackets, lower case). */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

function fail(message: string): BaseUrlResult {
  return { ok: false, message };
}
