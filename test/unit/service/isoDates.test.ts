// The value rules and the conversion to v1 read ISO dates with one definition: whatever the CRM
// objects rules accept as a date or date-time, the conversion turns into epoch milliseconds.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { v1Date } from '../../../server/src/service/convertDates';
import { isoDateMs, isoDateTimeMs } from '../../../server/src/service/isoDates';

test('every ISO value the CRM objects rules accept converts to v1, to the same instant', () => {
  for (const [text, ms] of [['2026-01-05T09:30:00Z', 1767605400000], ['2026-01-05T11:30:00+0200', 1767605400000], ['2026-01-05T11:30+02:00', 1767605400000], ['2026-01-05T09:30:00.5Z', 1767605400500]] as const) {
    assert.equal(isoDateTimeMs(text), ms, text);
    assert.deepEqual(v1Date(text, 'datetime'), { kind: 'converted', text: String(ms) }, text);
  }
  assert.equal(isoDateMs('2026-01-05'), 1767571200000);
  assert.deepEqual(v1Date('2026-01-05', 'date'), { kind: 'converted', text: '1767571200000' });
});

test('what the calendar does not have, or a date-time without its zone, is not converted and says why', () => {
  assert.equal(isoDateMs('2026-02-30'), undefined);
  assert.equal(isoDateTimeMs('2026-02-30T10:00:00Z'), undefined);
  assert.equal(v1Date('2026-02-30', 'date')?.kind, 'unconvertible');
  assert.equal(v1Date('2026-02-30T10:00:00Z', 'datetime')?.kind, 'unconvertible');
  assert.match((v1Date('2026-01-05T09:30', 'datetime') as { why: string }).why, /no time zone/);
  assert.equal(v1Date('1767605400000', 'datetime'), undefined, 'epoch milliseconds stay as they are');
});
