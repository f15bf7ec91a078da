// undici's package entry bundles fetch, WebSocket, caches, mocks and a second HTTP parser (~540 KB
// minified, more than the rest of the extension). The extension needs one dispatcher and its request
// API, so it takes those modules and attaches the API to dispatchers the way undici's entry does
// (proxy agents use `connect` from it to open tunnels).
import api from 'undici/lib/api';
import Dispatcher from 'undici/lib/dispatcher/dispatcher';
import EnvHttpProxyAgent from 'undici/lib/dispatcher/env-http-proxy-agent';
import Pool from 'undici/lib/dispatcher/pool';

Object.assign(Dispatcher.prototype, api);

export { EnvHttpProxyAgent, Pool };
