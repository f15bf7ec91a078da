// The sandbox's CRM objects batch routes (`…/contacts/batch/{create,update,upsert,read}`) under both
// path styles, spoken to with plain fetch: the envelopes, 207s and limits of hubspot-contacts-api.md
// §10, results in a shuffled order that only the seed decides, over the same store as the single routes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startSandbox, type Sandbox } from '../sandbox/sandbox';
import { useSandbox } from './support';

interface BatchResult {
  readonly id: string;
  readonly properties: Record<string, string>;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly archived: boolean;
  readonly new?: boolean;
  readonly objectWriteTraceId?: string;
}

interface BatchError {
  readonly status: string;
  readonly category: string;
  readonly message: string;
  readonly context: Record<string, string[]>;
  readonly objectWriteTraceId?: string;
}

interface BatchAnswer {
  readonly status: string;
  readonly results: BatchResult[];
  readonly numErrors?: number;
  readonly errors?: BatchError[];
  readonly startedAt: string;
  readonly completedAt: string;
}

const COLLECTIONS = ['/crm/objects/2026-03/contacts', '/crm/v3/objects/contacts'];
const REQUEST_DEADLINE_MS = 10_000;

function post(sandbox: Sandbox, path: string, body: unknown, token = sandbox.token): Promise<Response> {
  return fetch(`${sandbox.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(REQUEST_DEADLINE_MS),
  });
}

async function answerOf(response: Response, status: number): Promise<BatchAnswer> {
  const text = await response.text();
  assert.equal(response.status, status, text);
  return JSON.parse(text) as BatchAnswer;
}

function byTraceId<T extends { objectWriteTraceId?: string }>(items: readonly T[]): Map<string | undefined, T> {
  return new Map(items.map((item) => [item.objectWriteTraceId, item]));
}

describe('sandbox CRM objects batch routes', () => {
  let sandbox: Sandbox;
  useSandbox((started) => (sandbox = started));

  for (const collection of COLLECTIONS) {
    describe(collection, () => {
      const email = (name: string) => `${name}-${collection.replaceAll('/', '')}@example.com`;
      const emails = (name: string, count: number) => Array.from({ length: count }, (_, index) => email(`${name}${index}`));

      it('batch/create: 201 COMPLETE, each result the stored contact and its objectWriteTraceId, readable by the single route and v1', async () => {
        const inputs = emails('create', 5).map((address, index) => ({ properties: { email: address, firstname: `N${index}` }, objectWriteTraceId: `t${index}` }));
        const answer = await answerOf(await post(sandbox, `${collection}/batch/create`, { inputs }), 201);
        assert.equal(answer.status, 'COMPLETE');
        assert.equal(answer.errors, undefined);
        assert.ok(Date.parse(answer.startedAt) <= Date.parse(answer.completedAt));
        const results = byTraceId(answer.results);
        for (const [index, address] of emails('create', 5).entries()) {
          const result = results.get(`t${index}`);
          const stored = sandbox.contacts.findByEmail(address);
          assert.ok(result && stored, `t${index}`);
          assert.equal(result.id, String(stored.vid));
          assert.equal(result.properties.firstname, `N${index}`);
          assert.equal(result.archived, false);
          const single = await fetch(`${sandbox.url}${collection}/${result.id}`, { headers: { authorization: `Bearer ${sandbox.token}` }, signal: AbortSignal.timeout(REQUEST_DEADLINE_MS) });
          assert.equal(((await single.json()) as BatchResult).properties.email, address);
          const v1 = await fetch(`${sandbox.url}/contacts/v1/contact/vid/${result.id}/profile`, { headers: { authorization: `Bearer ${sandbox.token}` }, signal: AbortSignal.timeout(REQUEST_DEADLINE_MS) });
          assert.equal(v1.status, 200);
        }
      });

      it('batch/create with invalid inputs: 207, the valid ones stored, each error naming its input by objectWriteTraceId', async () => {
        const existing = sandbox.contacts.create({ email: email('taken') });
        const inputs = [
          { properties: { email: email('partial-ok') }, objectWriteTraceId: 'ok' },
          { properties: { email: email('partial-bad'), favorite_color: 'purple' }, objectWriteTraceId: 'bad-option' },
          { properties: { email: email('taken') }, objectWriteTraceId: 'taken' },
        ];
        const answer = await answerOf(await post(sandbox, `${collection}/batch/create`, { inputs }), 207);
        assert.equal(answer.numErrors, 2);
        assert.deepEqual(answer.results.map((result) => result.objectWriteTraceId), ['ok']);
        const errors = byTraceId(answer.errors ?? []);
        assert.equal(errors.get('bad-option')?.category, 'VALIDATION_ERROR');
        assert.match(errors.get('bad-option')?.message ?? '', /"name":"favorite_color","error":"INVALID_OPTION"/);
        assert.deepEqual(errors.get('bad-option')?.context, { properties: ['favorite_color'] });
        assert.equal(errors.get('taken')?.category, 'CONFLICT');
        assert.equal(errors.get('taken')?.message, `Contact already exists. Existing ID: ${existing.vid}`);
        assert.ok(sandbox.contacts.findByEmail(email('partial-ok')));
        assert.equal(sandbox.contacts.findByEmail(email('partial-bad')), undefined);
      });

      it('batch/create with an invalid input and no objectWriteTraceIds: 400 VALIDATION_ERROR, nothing stored', async () => {
        const inputs = [{ properties: { email: email('untraced-ok') } }, { properties: { email: 'not-an-email' } }];
        const response = await post(sandbox, `${collection}/batch/create`, { inputs });
        assert.equal(response.status, 400);
        assert.equal(((await response.json()) as BatchError).category, 'VALIDATION_ERROR');
        assert.equal(sandbox.contacts.findByEmail(email('untraced-ok')), undefined);
      });

      it('batch/update: 200 with the updated contacts; an unknown id is an OBJECT_NOT_FOUND error in a 207, the rest applied', async () => {
        const first = sandbox.contacts.create({ email: email('update1') });
        const second = sandbox.contacts.create({ email: email('update2') });
        const all = await answerOf(
          await post(sandbox, `${collection}/batch/update`, { inputs: [{ id: String(first.vid), properties: { firstname: 'One' } }, { id: String(second.vid), properties: { firstname: 'Two' } }] }),
          200,
        );
        assert.deepEqual(new Map(all.results.map((result) => [result.id, result.properties.firstname])), new Map([[String(first.vid), 'One'], [String(second.vid), 'Two']]));

        const partial = await answerOf(
          await post(sandbox, `${collection}/batch/update`, { inputs: [{ id: String(first.vid), properties: { lastname: 'Kept' } }, { id: '999999999', properties: { lastname: 'Lost' }, objectWriteTraceId: 'ghost' }] }),
          207,
        );
        assert.equal(partial.numErrors, 1);
        assert.deepEqual(partial.errors?.map(({ category, context, objectWriteTraceId }) => ({ category, context, objectWriteTraceId })), [{ category: 'OBJECT_NOT_FOUND', context: { ids: ['999999999'] }, objectWriteTraceId: 'ghost' }]);
        assert.equal(first.properties.get('lastname')?.value, 'Kept');
      });

      it('batch/upsert by email: new true for a contact it created, new false when the same email comes again', async () => {
        const input = { idProperty: 'email', id: email('upsert'), properties: { firstname: 'First' }, objectWriteTraceId: 'u1' };
        const created = await answerOf(await post(sandbox, `${collection}/batch/upsert`, { inputs: [input] }), 200);
        assert.equal(created.results[0]?.new, true);
        assert.equal(created.results[0]?.properties.email, email('upsert'));
        const again = await answerOf(await post(sandbox, `${collection}/batch/upsert`, { inputs: [{ ...input, properties: { firstname: 'Second' } }] }), 200);
        assert.equal(again.results[0]?.new, false);
        assert.equal(again.results[0]?.id, created.results[0]?.id);
        assert.equal(sandbox.contacts.findByEmail(email('upsert'))?.properties.get('firstname')?.value, 'Second');
      });

      it('batch/upsert with an invalid value: 207, the valid input applied and the invalid one not', async () => {
        const inputs = [
          { idProperty: 'email', id: email('upsert-ok'), properties: { firstname: 'Fine' }, objectWriteTraceId: 'fine' },
          { idProperty: 'email', id: email('upsert-bad'), properties: { loyalty_points: 'many' }, objectWriteTraceId: 'bad' },
        ];
        const answer = await answerOf(await post(sandbox, `${collection}/batch/upsert`, { inputs }), 207);
        assert.deepEqual(answer.results.map((result) => [result.objectWriteTraceId, result.new]), [['fine', true]]);
        assert.deepEqual(answer.errors?.map((error) => [error.objectWriteTraceId, error.category]), [['bad', 'VALIDATION_ERROR']]);
        assert.ok(sandbox.contacts.findByEmail(email('upsert-ok')));
        assert.equal(sandbox.contacts.findByEmail(email('upsert-bad')), undefined);
      });

      it('batch/read by email: 200 with the asked properties; 207 naming the missing ids in one OBJECT_NOT_FOUND error', async () => {
        sandbox.contacts.create({ email: email('read1'), firstname: 'Read', lastname: 'One' });
        sandbox.contacts.create({ email: email('read2'), firstname: 'Read', lastname: 'Two' });
        const found = await answerOf(await post(sandbox, `${collection}/batch/read`, { idProperty: 'email', inputs: [{ id: email('read1') }, { id: email('read2') }], properties: ['firstname'] }), 200);
        assert.equal(found.results.length, 2);
        for (const result of found.results) {
          assert.equal(result.properties.firstname, 'Read');
          assert.equal(result.properties.lastname, undefined, 'only the asked properties (and the system ones)');
          assert.equal(result.properties.hs_object_id, result.id);
        }
        const partial = await answerOf(await post(sandbox, `${collection}/batch/read`, { idProperty: 'email', inputs: [{ id: email('read1') }, { id: email('nobody1') }, { id: email('nobody2') }] }), 207);
        assert.equal(partial.results.length, 1);
        assert.deepEqual(partial.errors?.map(({ category, context }) => ({ category, ids: [...(context.ids ?? [])].sort() })), [{ category: 'OBJECT_NOT_FOUND', ids: [email('nobody1'), email('nobody2')].sort() }]);
      });

      it('101 inputs: 400 VALIDATION_ERROR and nothing stored; 100 are taken', async () => {
        const inputs = (count: number, name: string) => emails(name, count).map((address, index) => ({ properties: { email: address }, objectWriteTraceId: `m${index}` }));
        const tooMany = await post(sandbox, `${collection}/batch/create`, { inputs: inputs(101, 'toomany') });
        assert.equal(tooMany.status, 400);
        assert.equal(((await tooMany.json()) as BatchError).category, 'VALIDATION_ERROR');
        assert.equal(sandbox.contacts.findByEmail(email('toomany0')), undefined);
        const hundred = await answerOf(await post(sandbox, `${collection}/batch/create`, { inputs: inputs(100, 'hundred') }), 201);
        assert.equal(hundred.results.length, 100);
      });

      it('a read-only token may batch/read but not batch/upsert (403 MISSING_SCOPES)', async () => {
        const upsert = await post(sandbox, `${collection}/batch/upsert`, { inputs: [{ idProperty: 'email', id: email('scoped'), properties: {} }] }, sandbox.readOnlyToken);
        assert.equal(upsert.status, 403);
        assert.equal(((await upsert.json()) as BatchError).category, 'MISSING_SCOPES');
        const read = await post(sandbox, `${collection}/batch/read`, { idProperty: 'email', inputs: [] }, sandbox.readOnlyToken);
        assert.equal(read.status, 200);
      });
    });
  }

  it('an injected fault for batchUpsert meets the batch route: a 503 and nothing applied', async () => {
    sandbox.inject({ route: 'batchUpsert', status: 503 });
    const response = await post(sandbox, '/crm/v3/objects/contacts/batch/upsert', { inputs: [{ idProperty: 'email', id: 'faulted@example.com', properties: {} }] });
    assert.equal(response.status, 503);
    assert.equal(sandbox.contacts.findByEmail('faulted@example.com'), undefined);
    assert.equal(sandbox.requests.at(-1)?.route, 'batchUpsert');
  });
});

describe('sandbox batch result order', () => {
  const ORDER_INPUTS = Array.from({ length: 20 }, (_, index) => ({ properties: { email: `order${index}@example.com` }, objectWriteTraceId: `o${index}` }));

  async function orderWithSeed(seed: number): Promise<(string | undefined)[]> {
    const sandbox = await startSandbox({ seed });
    try {
      const answer = await answerOf(await post(sandbox, '/crm/v3/objects/contacts/batch/create', { inputs: ORDER_INPUTS }), 201);
      return answer.results.map((result) => result.objectWriteTraceId);
    } finally {
      await sandbox.stop();
    }
  }

  it('is shuffled, not the order of the inputs, and the same for the same seed', async () => {
    const inInputOrder = ORDER_INPUTS.map((input) => input.objectWriteTraceId);
    const first = await orderWithSeed(7);
    assert.notDeepEqual(first, inInputOrder);
    assert.deepEqual([...first].sort(), [...inInputOrder].sort());
    assert.deepEqual(await orderWithSeed(7), first);
    assert.notDeepEqual(await orderWithSeed(8), first);
  });
});
