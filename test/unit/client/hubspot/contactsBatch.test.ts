// The batch endpoints' paths and bodies, and the answer readers on bodies HubSpot may send but the
// sandbox does not: errors without trace ids, a CONFLICT naming another contact, an upsert result
// without `new`, unreadable successes and 5xx.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { batchPath, batchReadBody, batchWriteBody, readBatchReadAnswer, readBatchWriteAnswer, type BatchWriteInput } from '../../../../client/src/hubspot/contactsBatch';

const upserts: BatchWriteInput[] = [
  { traceId: 'a', email: 'A@example.com', properties: [] },
  { traceId: 'b', email: 'b@example.com', properties: [] },
];

describe('contacts batch', () => {
  it('paths under both path styles', () => {
    assert.equal(batchPath('2026-09', 'upsert'), '/crm/objects/2026-09/contacts/batch/upsert');
    assert.equal(batchPath('v3', 'read'), '/crm/v3/objects/contacts/batch/read');
  });

  it('bodies: the trace id as objectWriteTraceId, upsert by idProperty email, the last duplicate winning, __proto__ a plain key, associations on creates', () => {
    const properties = [{ property: 'firstname', value: 'One' }, { property: '__proto__', value: 'x' }, { property: 'firstname', value: 'Two' }];
    assert.equal(batchWriteBody('upsert', [{ traceId: 't', email: 'a@example.com', properties }]), '{"inputs":[{"idProperty":"email","id":"a@example.com","properties":{"firstname":"Two","__proto__":"x"},"objectWriteTraceId":"t"}]}');
    assert.equal(batchWriteBody('update', [{ traceId: 't', id: '61574', properties: [] }]), '{"inputs":[{"id":"61574","properties":{},"objectWriteTraceId":"t"}]}');
    assert.equal(batchWriteBody('create', [{ traceId: 't', properties: [], associations: [{ to: { id: '1' } }] }]), '{"inputs":[{"properties":{},"associations":[{"to":{"id":"1"}}],"objectWriteTraceId":"t"}]}');
  });

  it('refuses inputs an answer could not be matched to: a repeated or empty trace id, an update without id, an upsert without email', () => {
    assert.throws(() => batchWriteBody('upsert', [upserts[0], { ...upserts[1], traceId: 'a' }]), RangeError);
    assert.throws(() => batchWriteBody('create', [{ traceId: '', properties: [] }]), RangeError);
    assert.throws(() => batchWriteBody('update', [{ traceId: 't', properties: [] }]), RangeError);
    assert.throws(() => batchWriteBody('upsert', [{ traceId: 't', properties: [] }]), RangeError);
  });

  it('a read by email always asks for the email; by id it sends no idProperty', () => {
    assert.equal(batchReadBody('email', ['a@example.com'], ['firstname']), '{"idProperty":"email","inputs":[{"id":"a@example.com"}],"properties":["firstname","email"]}');
    assert.equal(batchReadBody('id', ['1'], ['email']), '{"inputs":[{"id":"1"}],"properties":["email"]}');
  });

  it('matches a result by email in any letter case; an upsert result without `new` and an input nothing names stay unmatched', () => {
    const body = { results: [{ id: '7', properties: { email: 'a@example.com' } }, { id: '8', new: true, properties: { email: 'nobody@example.com' } }] };
    const answer = readBatchWriteAnswer('upsert', [...upserts, { traceId: 'c', email: 'c@example.com', properties: [] }], 200, body);
    assert.ok(answer.kind === 'answered');
    assert.equal(answer.results.size, 0);
    assert.deepEqual(answer.unmatched, ['a', 'b', 'c']);
    const withNew = readBatchWriteAnswer('upsert', upserts, 200, { results: [{ id: '7', new: false, properties: { email: 'a@example.com' } }] });
    assert.ok(withNew.kind === 'answered');
    assert.deepEqual(withNew.results.get('a'), { traceId: 'a', outcome: 'updated', id: '7' });
  });

  it("a CONFLICT without a trace id names another contact's id: it is not taken for the update input with that id", () => {
    const updates: BatchWriteInput[] = [{ traceId: 'x', id: '5', properties: [] }, { traceId: 'y', id: '6', properties: [] }];
    const body = { results: [{ id: '5', properties: {} }], errors: [{ status: 'error', category: 'CONFLICT', message: 'Contact already exists. Existing ID: 5', context: { ids: ['5'] } }] };
    const answer = readBatchWriteAnswer('update', updates, 207, body);
    assert.ok(answer.kind === 'answered');
    assert.deepEqual(answer.results.get('x'), { traceId: 'x', outcome: 'updated', id: '5' });
    assert.deepEqual(answer.unmatched, ['y']);
  });

  it('a 4xx is rejected (nothing applied); a 5xx, a 202 or a 200 without results is unexpected (may have been applied)', () => {
    assert.deepEqual(readBatchWriteAnswer('create', [], 429, { message: 'slow down', category: 'RATE_LIMITS' }), { kind: 'rejected', status: 429, message: 'slow down', category: 'RATE_LIMITS' });
    for (const [status, body] of [[500, { message: 'oops' }], [202, undefined], [200, '<html>']] as const) {
      const answer = readBatchWriteAnswer('upsert', upserts, status, body);
      assert.equal(answer.kind, 'unexpected', String(status));
      assert.match(answer.kind === 'unexpected' ? answer.message : '', /may have been applied/);
    }
  });

  it('a read answer: null-prototype properties, non-text values left out, missing ids from OBJECT_NOT_FOUND only; failures named', () => {
    const body: unknown = JSON.parse(
      '{"results":[{"id":"1","properties":{"email":"a@example.com","__proto__":"p","nested":{},"gone":null}}],' +
        '"errors":[{"category":"OBJECT_NOT_FOUND","context":{"ids":["2","3"]}},{"category":"OTHER","context":{"ids":["4"]}}]}',
    );
    const answer = readBatchReadAnswer('id', 207, body);
    assert.ok(answer.kind === 'answered');
    assert.equal(Object.getPrototypeOf(answer.found[0]?.properties), null);
    assert.deepEqual(Object.entries(answer.found[0]?.properties ?? {}), [['email', 'a@example.com'], ['__proto__', 'p'], ['gone', null]]);
    assert.deepEqual(answer.missing, ['2', '3']);
    assert.equal(readBatchReadAnswer('email', 200, { results: [{ id: '1', properties: {} }] }).kind, 'failed');
    assert.deepEqual(readBatchReadAnswer('email', 403, { message: 'no scope' }), { kind: 'failed', status: 403, message: 'HubSpot answered 403: no scope' });
  });
});
