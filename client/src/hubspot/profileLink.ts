// Which contact-page address from an answer may be offered as a link ("Open in HubSpot", the
// response view). The address comes from the server: a proxy, a misconfigured base URL or a
// hostile server could put anything there, and a click opens it in the browser. Only HubSpot's own
// app and, for the local sandbox, the configured loopback origin qualify.
import { isLoopbackHost } from './baseUrl';

/** `app.hubspot.com`, and the app of each data-hosting region: `app-eu1.hubspot.com`, `app-na2.hubspot.com`, … */
const HUBSPOT_APP_HOST = /^app(?:-[a-z]{2}\d{1,2})?\.hubspot\.com$/;

/**
 * True for an `https://` HubSpot app address on the default port, or an address on `baseOrigin`
 * itself when that is a loopback origin (the sandbox serves the contact's page there).
 */
export function isOpenableProfileUrl(profileUrl: string, baseOrigin: string): boolean {
  let url: URL;
  let base: URL;
  try {
    url = new URL(profileUrl);
    base = new URL(baseOrigin);
  } catch {
    return false;
  }
  if (url.username !== '' || url.password !== '') return false;
  if (url.protocol === 'https:' && url.port === '' && HUBSPOT_APP_HOST.test(url.hostname)) return true;
  return isLoopbackHost(base.hostname) && url.origin === base.origin;
}
