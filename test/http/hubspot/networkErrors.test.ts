// How connection failures are named, and whether the request may have reached the server: the fact
// that decides if resending a create is safe. Failures that a local test cannot provoke reliably
// (connect timeout, TLS, DNS) are checked on the errors undici and Node raise for them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { errors } from 'undici';
import { ProxyTunnelError } from '../../../client/src/hubspot/dispatchers';
import { classifyNetworkError } from '../../../client/src/hubspot/http';
import { DEFAULT_TIMEOUTS } from '../../../client/src/hubspot/timeouts';

function systemError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 203.0.113.1:443`), { code });
}

describe('classifyNetworkError', () => {
  it('names the failure and says whether the request may have been delivered', () => {
    const cases: [unknown, string, string | undefined, boolean][] = [
      [new errors.ConnectTimeoutError(), 'timeout', 'connect', false],
      [new errors.HeadersTimeoutError(), 'timeout', 'headers', true],
      [new errors.BodyTimeoutError(), 'timeout', 'body', true],
      [new errors.SocketError('other side closed'), 'reset', undefined, true],
      [systemError('ECONNRESET'), 'reset', undefined, true],
      [systemError('ECONNREFUSED'), 'refused', undefined, false],
      [systemError('EHOSTUNREACH'), 'unreachable', undefined, false],
      [systemError('ENOTFOUND'), 'dns', undefined, false],
      [systemError('EAI_AGAIN'), 'dns', undefined, false],
      [systemError('CERT_HAS_EXPIRED'), 'tls', undefined, false],
      [systemError('ERR_TLS_CERT_ALTNAME_INVALID'), 'tls', undefined, false],
      [systemError('DEPTH_ZERO_SELF_SIGNED_CERT'), 'tls', undefined, false],
      [new ProxyTunnelError('http://proxy:3128', 502), 'proxy', undefined, false],
      [new ProxyTunnelError('http://proxy:3128', undefined, new errors.SocketError('other side closed')), 'proxy', undefined, false],
      [new Error('something new'), 'other', undefined, true],
      ['not even an error', 'other', undefined, true],
    ];
    for (const [error, reason, timeoutPhase, mayHaveReachedServer] of cases) {
      const failure = classifyNetworkError(error, DEFAULT_TIMEOUTS);
      assert.deepEqual([failure.reason, failure.timeoutPhase, failure.mayHaveReachedServer], [reason, timeoutPhase, mayHaveReachedServer], String(error));
    }
  });

  it('finds the code on a wrapped cause', () => {
    const wrapped = new Error('fetch failed', { cause: systemError('ECONNREFUSED') });
    assert.equal(classifyNetworkError(wrapped, DEFAULT_TIMEOUTS).reason, 'refused');
  });

  it('says which proxy failed and how, for a person', () => {
    const cases: [ProxyTunnelError, string][] = [
      [new ProxyTunnelError('http://proxy:3128', 407), 'it wants credentials (407)'],
      [new ProxyTunnelError('http://proxy:3128', 403), 'it answered 403 to the tunnel request'],
      [new ProxyTunnelError('http://proxy:3128', undefined, new errors.SocketError('other side closed')), 'it closed the connection without opening a tunnel (is it a proxy?)'],
      [new ProxyTunnelError('http://proxy:3128', undefined, systemError('ECONNREFUSED')), 'it refused the connection (is it running?)'],
      [new ProxyTunnelError('http://proxy:3128', undefined, new errors.ConnectTimeoutError()), 'it did not accept the connection (timed out after 10 s)'],
      [new ProxyTunnelError('http://proxy:3128', undefined, systemError('ENOTFOUND')), 'its host name could not be found (DNS)'],
    ];
    for (const [error, why] of cases) {
      assert.equal(classifyNetworkError(error, DEFAULT_TIMEOUTS).message, `could not reach HubSpot through the proxy http://proxy:3128: ${why}`);
    }
  });

  it('names the bound that ran out', () => {
    const timeouts = { ...DEFAULT_TIMEOUTS, connectMs: 250, headersMs: 20_000 };
    assert.equal(classifyNetworkError(new errors.ConnectTimeoutError(), timeouts).message, 'timed out after 250 ms');
    assert.equal(classifyNetworkError(new errors.HeadersTimeoutError(), timeouts).message, 'timed out after 20 s');
    assert.equal(classifyNetworkError(new errors.BodyTimeoutError(), timeouts).message, 'nothing arrived for 30 s');
  });
});
