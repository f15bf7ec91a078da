// The seed runner against the sandbox: plan (batch/read), send (batch/upsert, update, create at the
// pace of the rate-limit headers), the journal, and every way a run goes wrong — server errors,
// lost answers, 429s, the daily limit, cancellation, a file edited between plan and send — ending
// with every contact in the portal exactly once.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox/sandbox';
import { contactRead, duplicateEmails, generatedFiles, memorySource, startSeedBed, type SeedBed } from './seedSupport';

const FAST_LIMITS: SandboxOptions = { rateLimits: { burst: 1_000 } };

/** A fresh sandbox and bed for one test. */
async function withSeedBed(options: SandboxOptions, test: (sandbox: Sandbox, bed: SeedBed) => Promise<void>): Promise<void> {
  const sandbox = await startSandbox(options);
  const bed = await startSeedBed(sandbox);
  try {
    await test(sandbox, bed);
  } finally {
    await bed.close();
    await sandbox.stop();
  }
}

const routeCount = (sandbox: Sandbox, route: string) => sandbox.requests.filter((request) => request.route === route).length;

describe('a seed run', () => {
  it('plans new contacts as creates, sends them 100 a request, and a second plan finds every one unchanged', () =>
    withSeedBed(FAST_LIMITS, async (sandbox, bed) => {
      const source = memorySource(generatedFiles(250, 100));
      const { run } = bed.run();
      const plan = await run.plan(source, { resendUncertain: false });
      assert.deepEqual(plan.counts, { create: 250, update: 0, unchanged: 0, blocked: 0, uncertain: 0 });
      assert.equal(plan.account.portalId, sandbox.portalId);
      const report = await run.send(plan, source);
      assert.equal(report.counts.created, 250);
      assert.equal(report.stopped, undefined);
      assert.equal(sandbox.contacts.size, 250);
      assert.equal(routeCount(sandbox, 'batchUpsert'), 3);
      const again = await bed.run().run.plan(source, { resendUncertain: false });
      assert.deepEqual(again.counts, { create: 0, update: 0, unchanged: 250, blocked: 0, uncertain: 0 });
    }));

  it('plans a changed property as an update from the old value to the new and sends only that property', () =>
    withSeedBed(FAST_LIMITS, async (sandbox, bed) => {
      sandbox.contacts.create({ email: 'ada@example.com', firstname: 'Ada', lastname: 'Lovelace' });
      const source = memorySource(new Map([['/seed/ada.contact.json', [contactRead(0, { email: 'ada@example.com', firstname: 'Ada L.', lastname: 'Lovelace' })]]]));
      const { run } = bed.run();
      const plan = await run.plan(source, { resendUncertain: false });
      assert.equal(plan.counts.update, 1);
      assert.deepEqual(plan.rows.at(0)?.changes, [{ property: 'firstname', old: 'Ada', new: 'Ada L.' }]);
      sandbox.clearRequests();
      const report = await run.send(plan, source);
      assert.equal(report.counts.updated, 1);
      assert.equal(sandbox.contacts.findByEmail('ada@example.com')?.properties.get('firstname')?.value, 'Ada L.');
      const upsert = sandbox.requests.find((request) => request.route === 'batchUpsert');
      assert.deepEqual((JSON.parse(upsert?.bodyText ?? '{}') as { inputs: { properties: unknown }[] }).inputs[0]?.properties, { firstname: 'Ada L.' });
    }));

  it('ends with every contact in the portal exactly once through 5 % server errors and 3 % lost answers', () =>
    withSeedBed({ rateLimits: { burst: 1_000 }, randomFaults: { serverError: 0.05, lost: 0.03 }, seed: 7 }, async (sandbox, bed) => {
      const source = memorySource(generatedFiles(2_000, 500));
      const { run } = bed.run({ maxRetries: 6 });
      const plan = await run.plan(source, { resendUncertain: false });
      const report = await run.send(plan, source);
      assert.equal(report.counts.failed, 0);
      assert.equal(report.counts.created + report.counts.updated, 2_000);
      assert.equal(sandbox.contacts.size, 2_000);
      assert.deepEqual(duplicateEmails(sandbox), []);
      assert.ok(sandbox.requests.some((request) => request.faulted), 'the sandbox injected faults');
    }));

  it('holds a create without email whose answer was lost back as uncertain and never sends it twice', () =>
    withSeedBed(FAST_LIMITS, async (sandbox, bed) => {
      const contacts = [0, 1, 2].map((index) => contactRead(index, { firstname: `Nameless${index}` }));
      const source = memorySource(new Map([['/seed/nameless.contacts.json', contacts]]));
      sandbox.inject({ route: 'batchCreate', createThenReset: true });
      const { run } = bed.run();
      const report = await run.send(await run.plan(source, { resendUncertain: false }), source);
      assert.equal(report.counts.uncertain, 3);
      assert.equal(sandbox.contacts.size, 3);
      assert.equal(routeCount(sandbox, 'batchCreate'), 1, 'the lost create was not resent');
      const replanned = await bed.run().run.plan(source, { resendUncertain: false });
      assert.equal(replanned.counts.uncertain, 3);
      assert.equal(replanned.counts.create, 0);
    }));

  it('updates a contact without email by the id the journal got for it instead of creating it again', () =>
    withSeedBed(FAST_LIMITS, async (sandbox, bed) => {
      const file = '/seed/nameless.contact.json';
      const source = memorySource(new Map([[file, [contactRead(0, { firstname: 'Grace' })]]]));
      const first = bed.run().run;
      const created = await first.send(await first.plan(source, { resendUncertain: false }), source);
      assert.equal(created.counts.created, 1);
      source.set(file, [contactRead(0, { firstname: 'Grace H.' })]);
      const second = bed.run().run;
      const plan = await second.plan(source, { resendUncertain: false });
      assert.equal(plan.rows.at(0)?.action, 'update');
      assert.equal(plan.rows.at(0)?.route, 'update');
      assert.equal(plan.rows.at(0)?.id, created.results.at(0)?.id);
      const report = await second.send(plan, source);
      assert.equal(report.counts.updated, 1);
      assert.equal(sandbox.contacts.size, 1);
      assert.equal(sandbox.contacts.all()[0]?.properties.get('firstname')?.value, 'Grace H.');
    }));

  it('waits out a storm of 429s and sends everything', () =>
    withSeedBed(FAST_LIMITS, async (sandbox, bed) => {
      sandbox.inject({ route: 'batchUpsert', status: 429, times: 4, headers: { 'X-HubSpot-RateLimit-Interval-Milliseconds': '100' }, body: { status: 'error', message: 'You have reached your ten_secondly_rolling limit.', errorType: 'RATE_LIMIT', policyName: 'TEN_SECONDLY_ROLLING' } });
      const source = memorySource(generatedFiles(300, 300));
      const { run } = bed.run();
      const report = await run.send(await run.plan(source, { resendUncertain: false }), source);
      assert.equal(report.counts.created, 300);
      assert.ok(report.rateLimited >= 4, `met ${report.rateLimited} 429s`);
      assert.equal(sandbox.contacts.size, 300);
    }));

  it('blocks both contacts that share an email, naming the other place, and sends the rest', () =>
    withSeedBed(FAST_LIMITS, async (sandbox, bed) => {
      const source = memorySource(new Map([
        ['/seed/a.contacts.json', [contactRead(0, { email: 'twin@example.com', firstname: 'A' }), contactRead(1, { email: 'solo@example.com' })]],
        ['/seed/b.contact.json', [contactRead(0, { email: 'Twin@Example.com', firstname: 'B' })]],
      ]));
      const { run } = bed.run();
      const plan = await run.plan(source, { resendUncertain: false });
      assert.equal(plan.counts.blocked, 2);
      const blocked = [...plan.rows].filter((row) => row.action === 'blocked');
      assert.match(blocked.find((row) => row.file === '/seed/a.contacts.json')?.problems[0]?.message ?? '', /b\.contact\.json/);
      assert.match(blocked.find((row) => row.file === '/seed/b.contact.json')?.problems[0]?.message ?? '', /a\.contacts\.json/);
      const report = await run.send(plan, source);
      assert.equal(report.counts.created, 1);
      assert.equal(report.counts.blocked, 2);
      assert.equal(sandbox.contacts.size, 1);
    }));

  it('does not send a contact whose file changed between the plan and the send', () =>
    withSeedBed(FAST_LIMITS, async (sandbox, bed) => {
      const file = '/seed/ada.contact.json';
      const source = memorySource(new Map([[file, [contactRead(0, { email: 'ada@example.com', firstname: 'Ada' })]]]));
      const { run } = bed.run();
      const plan = await run.plan(source, { resendUncertain: false });
      source.set(file, [contactRead(0, { email: 'ada@example.com', firstname: 'Changed' })]);
      const report = await run.send(plan, source);
      assert.equal(report.counts.notSent, 1);
      assert.match(report.results.at(0)?.message ?? '', /changed since the plan/);
      assert.equal(sandbox.contacts.size, 0);
    }));

  it('writes the journal as it goes: a run record, then one outcome per contact with its id', () =>
    withSeedBed(FAST_LIMITS, async (_sandbox, bed) => {
      const source = memorySource(generatedFiles(120, 60));
      const { run } = bed.run();
      await run.send(await run.plan(source, { resendUncertain: false }), source);
      const records = readFileSync(bed.journalPath, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { type: string; outcome?: string; id?: string });
      assert.equal(records[0]?.type, 'run');
      const outcomes = records.filter((record) => record.type === 'outcome');
      assert.equal(outcomes.length, 120);
      assert.ok(outcomes.every((record) => record.outcome === 'created' && /^\d+$/.test(record.id ?? '')));
    }));
});

describe('a seed run that stops', () => {
  let clockOffsetMs = 0;
  let sandbox: Sandbox;
  let bed: SeedBed;
  before(async () => {
    // Two reads to plan 200 contacts, then one upsert: the second upsert meets the daily limit.
    sandbox = await startSandbox({ rateLimits: { burst: 1_000, daily: 4 }, now: () => Date.now() + clockOffsetMs });
    bed = await startSeedBed(sandbox);
  });
  after(async () => {
    await bed.close();
    await sandbox.stop();
  });

  it('at HubSpot\'s daily limit stops cleanly with what is left, and the next day the same run sends the rest once', async () => {
    // readSeedAccount used one request of the day's four.
    const source = memorySource(generatedFiles(200, 100));
    const { run } = bed.run();
    const plan = await run.plan(source, { resendUncertain: false });
    assert.equal(plan.counts.create, 200);
    const report = await run.send(plan, source);
    assert.equal(report.stopped?.reason, 'dailyLimit');
    assert.equal(report.counts.notSent + report.counts.created, 200);
    assert.ok(report.counts.notSent >= 100, `${report.counts.notSent} not sent`);
    const sentBefore = sandbox.contacts.size;
    assert.equal(sentBefore, report.counts.created);

    clockOffsetMs += 86_400_000;
    const next = bed.run().run;
    const resumed = await next.plan(source, { resendUncertain: false });
    assert.equal(resumed.counts.unchanged, sentBefore);
    assert.equal(resumed.counts.create, 200 - sentBefore);
  });
});

describe('a cancelled seed run', () => {
  it('stops after the requests in flight, leaves the rest unsent, and a re-run sends the rest exactly once', () =>
    withSeedBed({ rateLimits: { burst: 2, intervalMs: 400 } }, async (sandbox, bed) => {
      const source = memorySource(generatedFiles(600, 100));
      const abort = new AbortController();
      const { run } = bed.run({ signal: abort.signal });
      const plan = await run.plan(source, { resendUncertain: false });
      const report = await run.send(plan, source, { onProgress: ({ done }) => { if (done >= 100) abort.abort(); } });
      assert.equal(report.stopped?.reason, 'cancelled');
      assert.ok(report.counts.notSent > 0, 'some contacts were left for the re-run');
      assert.equal(report.counts.created + report.counts.notSent, 600);
      assert.equal(sandbox.contacts.size, report.counts.created);

      const again = bed.run().run;
      const rest = await again.plan(source, { resendUncertain: false });
      assert.equal(rest.counts.create, report.counts.notSent);
      const finished = await again.send(rest, source);
      assert.equal(finished.counts.created, report.counts.notSent);
      assert.equal(sandbox.contacts.size, 600);
      assert.deepEqual(duplicateEmails(sandbox), []);
    }));
});
