// Decides which proxy the dispatcher uses. undici does not read proxy settings by itself, so the
// caller's explicit proxy (VS Code's `http.proxy`) wins, else HTTPS_PROXY / HTTP_PROXY from the
// environment; NO_PROXY (or no_proxy, whichever is set) and VS Code's `http.noProxy` apply to both.
// The result feeds undici's EnvHttpProxyAgent, with every field filled in so that it never falls
// back to reading process.env on its own.
import { HubSpotConfigError } from './configError';

export type ProxyEnvironment = Readonly<Record<string, string | undefined>>;

/** Proxy URLs for EnvHttpProxyAgent; an empty string means "no proxy". */
export interface ProxySettings {
  readonly httpProxy: string;
  readonly httpsProxy: string;
  readonly noProxy: string;
}

/** No proxy: for loopback base URLs, which VS Code and Chromium never send through one either. */
export const DIRECT: ProxySettings = { httpProxy: '', httpsProxy: '', noProxy: '' };

/** `extraNoProxy`: hosts that bypass the proxy besides the environment's (VS Code's `http.noProxy`). */
export function resolveProxySettings(explicitProxy: string | undefined, env: ProxyEnvironment, extraNoProxy: readonly string[] = []): ProxySettings {
  const noProxy = [firstSet(env.no_proxy, env.NO_PROXY), ...extraNoProxy.map((host) => host.trim())].filter(Boolean).join(',');
  const explicit = explicitProxy?.trim();
  if (explicit) {
    const proxy = normaliseProxyUrl(explicit, 'The proxy setting');
    return { httpProxy: proxy, httpsProxy: proxy, noProxy };
  }
  // Lower case first, as curl and undici do.
  const httpProxy = firstSet(env.http_proxy, env.HTTP_PROXY);
  const httpsProxy = firstSet(env.https_proxy, env.HTTPS_PROXY);
  return {
    httpProxy: httpProxy ? normaliseProxyUrl(httpProxy, 'HTTP_PROXY') : '',
    // Empty makes EnvHttpProxyAgent use the HTTP proxy for https too, like curl.
    httpsProxy: httpsProxy ? normaliseProxyUrl(httpsProxy, 'HTTPS_PROXY') : '',
    noProxy,
  };
}

function firstSet(...values: readonly (string | undefined)[]): string | undefined {
  return values.map((value) => value?.trim()).find((value) => value !== undefined && value !== '');
}

/** Accepts `host:port` (as curl does) by assuming http://; rejects schemes undici cannot use here. */
function normaliseProxyUrl(value: string, origin: string): string {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new HubSpotConfigError(`${origin} is not a valid proxy URL; use one like http://proxy.example.com:3128.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new HubSpotConfigError(`${origin} uses ${url.protocol}// proxies, which are not supported; use an http:// or https:// proxy.`);
  }
  return url.href;
}
