import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sameValue, valueText } from '../../../../client/src/seed/valueCompare';

test('numbers are equal by value, however written: 5 = "5" = "5.0", and "5.10" = "5.1"', () => {
  assert.equal(sameValue('numemployees', 5, '5'), true);
  assert.equal(sameValue('numemployees', '5.0', '5'), true);
  assert.equal(sameValue('numemployees', 5, '5.0'), true);
  assert.equal(sameValue('numemployees', '5.10', '5.1'), true);
  assert.equal(sameValue('numemployees', '-0', '0'), true);
  assert.equal(sameValue('numemployees', 5, '6'), false);
});

test('numbers are compared as text, so digits beyond a double still count', () => {
  assert.equal(sameValue('big', '12345678901234567890', '12345678901234567891'), false);
  assert.equal(sameValue('big', '12345678901234567890', '12345678901234567890.00'), true);
});

test('a leading zero or an exponent is text, compared exactly: "01234" is not 1234', () => {
  assert.equal(sameValue('zip', '01234', '1234'), false);
  assert.equal(sameValue('zip', 1234, '01234'), false);
  assert.equal(sameValue('zip', '01234.0', '01234'), false);
  assert.equal(sameValue('zip', '1e3', '1000'), false);
});

test('booleans equal HubSpot\'s "true" and "false"', () => {
  assert.equal(sameValue('hs_opt', true, 'true'), true);
  assert.equal(sameValue('hs_opt', false, 'false'), true);
  assert.equal(sameValue('hs_opt', true, 'false'), false);
});

test('null and "" both mean no value, on either side, and differ from any value', () => {
  assert.equal(sameValue('city', null, ''), true);
  assert.equal(sameValue('city', '', null), true);
  assert.equal(sameValue('city', null, undefined), true);
  assert.equal(sameValue('city', null, 'Paris'), false);
  assert.equal(sameValue('city', 'Paris', null), false);
  assert.equal(sameValue('city', 'Paris', undefined), false);
});

test('a date as epoch ms or ISO equals HubSpot\'s YYYY-MM-DD or ISO date-time of the same instant', () => {
  assert.equal(sameValue('closedate', 1430438400000, '2015-05-01'), true);
  assert.equal(sameValue('closedate', '1430438400000', '2015-05-01'), true);
  assert.equal(sameValue('closedate', '2015-05-01', '2015-05-01T00:00:00Z'), true);
  assert.equal(sameValue('closedate', '2015-05-01T02:00:00+02:00', '2015-05-01T00:00:00.000Z'), true);
  assert.equal(sameValue('closedate', '2015-05-01', '1430438400000'), true);
  assert.equal(sameValue('closedate', 1430438400001, '2015-05-01'), false);
  assert.equal(sameValue('closedate', '2015-05-02', '2015-05-01'), false);
  assert.equal(sameValue('closedate', '2015-05-01T10:00:00', '2015-05-01T10:00:00Z'), false, 'a date-time without its zone names no instant');
});

test('the email is compared case-insensitively, as HubSpot keys it; other text exactly', () => {
  assert.equal(sameValue('email', 'Ann@Example.COM', 'ann@example.com'), true);
  assert.equal(sameValue('firstname', 'Ann', 'ann'), false);
  assert.equal(sameValue('firstname', 'Ann ', 'Ann'), false);
});

test('a multi-select value keeps its order: "a;b" and "b;a" differ (HubSpot\'s order is not known)', () => {
  assert.equal(sameValue('hs_legal_basis', 'a;b', 'a;b'), true);
  assert.equal(sameValue('hs_legal_basis', 'a;b', 'b;a'), false);
});

test('valueText is what HubSpot would store: numbers and booleans as text, null as null', () => {
  assert.deepEqual([valueText(5), valueText(true), valueText('x'), valueText(null), valueText('')], ['5', 'true', 'x', null, '']);
});
