// The batch layer against the sandbox's batch routes: postJson sends one POST, and the readers match
// HubSpot's answers to the inputs by objectWriteTraceId or id/email whatever order the results come
// in (the sandbox shuffles them by its seed), tell created from updated, name the missing emails of
// a read, and read a whole-request refusal as such. A lost answer is a failure that may have reached
// HubSpot, and the token appears in nothing postJson returns.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { batchPath, batchReadBody, batchWriteBody, readBatchReadAnswer, readBatchWriteAnswer, type BatchWrite, type BatchWriteInput } from '../../../client/src/hubspot/contactsBatch';
import { createHubSpotClient, type HttpLogEntry, type HubSpotClient, type JsonAttempt } from '../../../client/src/hubspot/hubspotClient';
import type { Sandbox } from '../../sandbox/sandbox';
import { contact, useSandbox } from '../support';

const TOKEN = 'pat-na1-batch5ec-0000-4bad-9ood-70ken5ecre7b';

describe('batch answers against the sandbox', () => {
  let sandbox: Sandbox;
  let client: HubSpotClient;
  const logs: HttpLogEntry[] = [];
  const returned: JsonAttempt[] = [];
  useSandbox((started) => {
    sandbox = started;
    client = createHubSpotClient({ baseUrl: sandbox.url, token: TOKEN, env: {}, timeouts: { totalMs: 10_000 }, log: (entry) => logs.push(entry) });
  }, { token: TOKEN, rateLimits: { burst: 1_000 }, seed: 7 });

  async function write(operation: BatchWrite, inputs: readonly BatchWriteInput[]) {
    const attempt = await client.postJson(batchPath('2026-09', operation), batchWriteBody(operation, inputs));
    returned.push(attempt);
    assert.equal(attempt.kind, 'response', JSON.stringify(attempt));
    return { attempt, answer: attempt.kind === 'response' ? readBatchWriteAnswer(operation, inputs, attempt.status, attempt.body) : undefined };
  }

  it('a 207 with errors: each error on its input by trace id, per-property errors read, the others created', async () => {
    const inputs: BatchWriteInput[] = [
      { traceId: 'ok', properties: contact('b207-ok@example.com') },
      { traceId: 'bad', properties: contact('b207-bad@example.com', { favorite_color: 'purple' }) },
      { traceId: 'taken', properties: contact('b207-taken@example.com') },
    ];
    const existing = sandbox.contacts.create({ email: 'b207-taken@example.com' });
    const { attempt, answer } = await write('create', inputs);
    assert.equal(attempt.kind === 'response' && attempt.status, 207);
    assert.equal(answer?.kind, 'answered');
    if (answer?.kind !== 'answered') return;
    assert.deepEqual(answer.unmatched, []);
    assert.deepEqual(answer.results.get('ok'), { traceId: 'ok', outcome: 'created', id: String(sandbox.contacts.findByEmail('b207-ok@example.com')?.vid) });
    const bad = answer.results.get('bad');
    assert.equal(bad?.outcome, 'failed');
    assert.equal(bad?.category, 'VALIDATION_ERROR');
    assert.deepEqual(bad?.rejected?.map((result) => [result.name, result.error]), [['favorite_color', 'INVALID_OPTION']]);
    assert.deepEqual({ ...answer.results.get('taken'), message: undefined }, { traceId: 'taken', outcome: 'failed', category: 'CONFLICT', id: String(existing.vid), message: undefined });
  });

  it('results in shuffled order are matched to their own inputs: 40 upserts, each id the one stored for its email', async () => {
    const inputs = Array.from({ length: 40 }, (_, index): BatchWriteInput => ({ traceId: `s${index}`, email: `shuffle${index}@example.com`, properties: [{ property: 'firstname', value: `F${index}` }] }));
    const { attempt, answer } = await write('upsert', inputs);
    assert.equal(answer?.kind, 'answered');
    if (answer?.kind !== 'answered' || attempt.kind !== 'response') return;
    const order = (attempt.body as { results: { objectWriteTraceId: string }[] }).results.map((result) => result.objectWriteTraceId);
    assert.notDeepEqual(order, inputs.map((input) => input.traceId), 'the sandbox shuffled the results');
    for (const [index, input] of inputs.entries()) {
      assert.deepEqual(answer.results.get(input.traceId), { traceId: input.traceId, outcome: 'created', id: String(sandbox.contacts.findByEmail(`shuffle${index}@example.com`)?.vid) });
    }
  });

  it('results without trace ids are matched by email (upsert) and by id (update), never by position', async () => {
    const inputs = Array.from({ length: 12 }, (_, index): BatchWriteInput => ({ traceId: `e${index}`, email: `untraced${index}@example.com`, properties: [] }));
    const body = JSON.stringify({ inputs: inputs.map((input) => ({ idProperty: 'email', id: input.email, properties: {} })) });
    const upserted = await client.postJson(batchPath('2026-09', 'upsert'), body);
    assert.ok(upserted.kind === 'response');
    const byEmail = readBatchWriteAnswer('upsert', inputs, upserted.status, upserted.body);
    assert.ok(byEmail.kind === 'answered');
    for (const [index, input] of inputs.entries()) assert.equal(byEmail.results.get(input.traceId)?.id, String(sandbox.contacts.findByEmail(`untraced${index}@example.com`)?.vid));

    const updates = inputs.map((input): BatchWriteInput => ({ traceId: input.traceId, id: byEmail.results.get(input.traceId)?.id ?? '', properties: [] }));
    const updated = await client.postJson(batchPath('2026-09', 'update'), JSON.stringify({ inputs: [...updates.map((input) => ({ id: input.id, properties: {} })), { id: '999999999', properties: {} }] }));
    assert.ok(updated.kind === 'response');
    const byId = readBatchWriteAnswer('update', [...updates, { traceId: 'ghost', id: '999999999', properties: [] }], updated.status, updated.body);
    assert.ok(byId.kind === 'answered');
    for (const input of updates) assert.deepEqual(byId.results.get(input.traceId), { traceId: input.traceId, outcome: 'updated', id: input.id });
    assert.equal(byId.results.get('ghost')?.category, 'OBJECT_NOT_FOUND', 'a not-found error names the input by its id');
  });

  it('upsert: new true reads as created, new false as updated', async () => {
    const input: BatchWriteInput = { traceId: 'u', email: 'upsert-twice@example.com', properties: [{ property: 'firstname', value: 'One' }] };
    const first = await write('upsert', [input]);
    const second = await write('upsert', [{ ...input, properties: [{ property: 'firstname', value: 'Two' }] }]);
    assert.equal(first.answer?.kind === 'answered' && first.answer.results.get('u')?.outcome, 'created');
    assert.equal(second.answer?.kind === 'answered' && second.answer.results.get('u')?.outcome, 'updated');
    assert.equal(sandbox.contacts.findByEmail('upsert-twice@example.com')?.properties.get('firstname')?.value, 'Two');
  });

  it('batch/read by email: the found contacts with their emails, the missing emails named', async () => {
    sandbox.contacts.create({ email: 'read-here@example.com', firstname: 'Here' });
    const attempt = await client.postJson(batchPath('v3', 'read'), batchReadBody('email', ['read-here@example.com', 'read-gone1@example.com', 'read-gone2@example.com'], ['firstname']));
    returned.push(attempt);
    assert.ok(attempt.kind === 'response');
    assert.equal(attempt.status, 207);
    const answer = readBatchReadAnswer('email', attempt.status, attempt.body);
    assert.ok(answer.kind === 'answered');
    assert.deepEqual(answer.found.map((found) => [found.properties.email, found.properties.firstname]), [['read-here@example.com', 'Here']]);
    assert.deepEqual([...answer.missing].sort(), ['read-gone1@example.com', 'read-gone2@example.com']);
  });

  it('101 inputs: HubSpot refuses the whole request, read as rejected, nothing stored', async () => {
    const inputs = Array.from({ length: 101 }, (_, index): BatchWriteInput => ({ traceId: `m${index}`, email: `many${index}@example.com`, properties: [] }));
    const { answer } = await write('upsert', inputs);
    assert.equal(answer?.kind, 'rejected');
    assert.equal(answer?.kind === 'rejected' && answer.status, 400);
    assert.equal(answer?.kind === 'rejected' && answer.category, 'VALIDATION_ERROR');
    assert.equal(sandbox.contacts.findByEmail('many0@example.com'), undefined);
  });

  it('a lost answer (applied, then the connection dropped): postJson fails with mayHaveReachedServer true, and the write was applied', async () => {
    sandbox.inject({ route: 'batchUpsert', createThenReset: true });
    const attempt = await client.postJson(batchPath('2026-09', 'upsert'), batchWriteBody('upsert', [{ traceId: 'l', email: 'lost-answer@example.com', properties: [] }]));
    returned.push(attempt);
    assert.equal(attempt.kind, 'failed');
    assert.equal(attempt.kind === 'failed' && attempt.mayHaveReachedServer, true);
    assert.ok(sandbox.contacts.findByEmail('lost-answer@example.com'));
    assert.match(logs.at(-1)?.message ?? '', /^POST http:\/\/127\.0\.0\.1:\d+\/crm\/objects\/2026-09\/contacts\/batch\/upsert → no response \(reset\)/);
  });

  it('the token appears in no returned attempt or log entry, even when HubSpot echoes it in a header and the body', async () => {
    sandbox.inject({ route: 'batchUpsert', status: 500, headers: { 'x-echo': `Bearer ${TOKEN}` }, body: { message: `bad token ${TOKEN.toUpperCase()}` } });
    const echoed = await client.postJson(batchPath('2026-09', 'upsert'), batchWriteBody('upsert', [{ traceId: 'x', email: 'echo@example.com', properties: [] }]));
    returned.push(echoed);
    assert.ok(echoed.kind === 'response' && echoed.status === 500);
    const closedClient = createHubSpotClient({ baseUrl: sandbox.url, token: TOKEN, env: {} });
    await closedClient.close();
    returned.push(await closedClient.postJson(batchPath('v3', 'read'), '{}'));
    const texts = [...returned, ...logs].map((value) => JSON.stringify(value));
    assert.ok(texts.length >= 8);
    for (const text of texts) assert.ok(!text.toLowerCase().includes(TOKEN.toLowerCase()), text);
  });
});
