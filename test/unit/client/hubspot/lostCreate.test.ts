// Who made the contact a 409 names after a lost create: the clock arithmetic on its own, at its edges.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CONTACTS_V1 } from '../../../../client/src/hubspot/contactsV1';
import { judgeCreation, MAX_CLOCK_UNCERTAINTY_MS, serverClockOffset, type ClockSample } from '../../../../client/src/hubspot/lostCreate';

/** Our clock; HubSpot's runs `offsetMs` ahead and its Date headers drop the milliseconds. */
const T = Date.UTC(2026, 0, 15, 12, 0, 0, 400);
const sample = (startedAt: number, endedAt: number, offsetMs: number, stampedAt = startedAt): ClockSample => ({
  startedAt,
  endedAt,
  serverDateMs: Math.floor((stampedAt + offsetMs) / 1000) * 1000,
});

describe('serverClockOffset', () => {
  it('bounds the offset by the Date resolution plus the round trip, and the true offset lies within', () => {
    for (const offsetMs of [0, 250, -7_300, 600_000]) {
      const bounds = serverClockOffset([sample(T, T + 80, offsetMs, T + 40), sample(T + 500, T + 560, offsetMs, T + 530)]);
      assert.ok(bounds.kind === 'bounded', JSON.stringify(bounds));
      assert.ok(bounds.minMs <= offsetMs && offsetMs <= bounds.maxMs, `${offsetMs} in [${bounds.minMs}, ${bounds.maxMs}]`);
      assert.ok(bounds.maxMs - bounds.minMs <= 999 + 80, `${bounds.maxMs - bounds.minMs} ms wide`);
    }
  });

  it('without a Date header it cannot say', () => {
    assert.deepEqual(serverClockOffset([{ startedAt: T, endedAt: T + 10, serverDateMs: undefined }]), {
      kind: 'unknown',
      reason: "HubSpot's answers carry no Date header to compare its clock with this computer's",
    });
  });

  it('Date headers that contradict each other (a proxy\'s, a clock that jumped) are not trusted', () => {
    const bounds = serverClockOffset([sample(T, T + 10, 0), sample(T + 20, T + 30, 3_600_000)]);
    assert.equal(bounds.kind, 'unknown');
  });

  it(`answers so slow that the offset is known to no better than ${MAX_CLOCK_UNCERTAINTY_MS} ms are not enough`, () => {
    assert.equal(serverClockOffset([sample(T, T + MAX_CLOCK_UNCERTAINTY_MS, 0)]).kind, 'unknown');
    assert.equal(serverClockOffset([sample(T, T + MAX_CLOCK_UNCERTAINTY_MS - 1_000, 0)]).kind, 'bounded');
  });
});

describe('judgeCreation', () => {
  const samples = [sample(T, T, 0)];
  // HubSpot's clock can have read at most 400 ms less than ours at T (its Date said 12:00:00.000).
  const earliest = T - 400;

  it('added at or after the earliest moment HubSpot can have seen the lost attempt start: made by it', () => {
    assert.deepEqual(judgeCreation(earliest, T, samples), { kind: 'byLostAttempt' });
    assert.deepEqual(judgeCreation(T + 120, T, samples), { kind: 'byLostAttempt' });
  });

  it('added earlier than that: it existed before', () => {
    assert.deepEqual(judgeCreation(earliest - 1, T, samples), { kind: 'beforeLostAttempt' });
  });

  it('a record without a creation time leaves it open', () => {
    assert.deepEqual(judgeCreation(undefined, T, samples), { kind: 'unknown', reason: 'its record does not say when it was created' });
  });
});

describe('CONTACTS_V1.readCreatedAt', () => {
  it('takes addedAt first: createdate is a property an import may have back-dated', () => {
    assert.equal(CONTACTS_V1.readCreatedAt({ addedAt: 1_768_478_400_000, properties: { createdate: { value: '946684800000' } } }), 1_768_478_400_000);
  });

  it('falls back on the createdate property, a string of epoch ms', () => {
    assert.equal(CONTACTS_V1.readCreatedAt({ properties: { createdate: { value: '1566329710917' } } }), 1_566_329_710_917);
  });

  it('anything else is no creation time', () => {
    for (const body of [undefined, 'text', {}, { addedAt: '1566329710917' }, { properties: { createdate: { value: '2019-08-20' } } }, { properties: { createdate: '1566329710917' } }]) {
      assert.equal(CONTACTS_V1.readCreatedAt(body), undefined, JSON.stringify(body));
    }
  });
});
