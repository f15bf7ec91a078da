// How connection failures are named, and whether the request may have reached the server: the fact
// that decides if resending a create is safe. Failures that a local test cannot provoke reliably
// (connect timeout, TLS, DNS) are checked on the errors undici and Node raise for them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { errors } from 'undici';
import { classifyNetworkError } from '../../client/src/hubspot/http';

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
      [new errors.RequestAbortedError('Proxy response (502) !== 200 when HTTP Tunneling'), 'proxy', undefined, false],
      [new errors.InvalidArgumentError('Proxy Authentication Required (407)'), 'proxy', undefined, false],
      [new Error('something new'), 'other', undefined, true],
      ['not even an error', 'other', undefined, true],
    ];
    for (const [error, reason, timeoutPhase, mayHaveReachedServer] of cases) {
      const failure = classifyNetworkError(error);
      assert.deepEqual([failure.reason, failure.timeoutPhase, failure.mayHaveReachedServer], [reason, timeoutPhase, mayHaveReachedServer], String(error));
    }
  });

  it('finds the code on a wrapped cause', () => {
    const wrapped = new Error('fetch failed', { cause: systemError('ECONNREFUSED') });
    assert.equal(classifyNetworkError(wrapped).reason, 'refused');
  });

  it('rewords proxy refusals', () => {
    assert.equal(classifyNetworkError(new errors.InvalidArgumentError('Proxy Authentication Required (407)')).message, 'the proxy wants credentials (407)');
  });
});
