import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BYTE_ORDER_MARK, withoutByteOrderMark } from '../../../../client/src/send/contactText';

test('a byte order mark before the JSON is dropped, anywhere else it is kept', () => {
  assert.equal(withoutByteOrderMark(`${BYTE_ORDER_MARK}{"properties":[]}`), '{"properties":[]}');
  assert.equal(withoutByteOrderMark('{"a":"\uFEFF"}'), '{"a":"\uFEFF"}');
  assert.equal(withoutByteOrderMark(''), '');
});
