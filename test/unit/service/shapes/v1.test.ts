import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parsePayload } from '../../../../server/src/service/payload';
import { SAVED_ID_KEY, savedContactId } from '../../../../server/src/service/shapes/v1';

const withVid = (vid: string) => parsePayload(`{"${SAVED_ID_KEY}": ${vid}, "properties": []}`);

test('the saved contact id is a positive safe integer written as a number', () => {
  assert.equal(SAVED_ID_KEY, 'vid');
  assert.equal(savedContactId(withVid('61574')), 61574);
  assert.equal(savedContactId(parsePayload('{"properties": [], "vid": 1, "vid": 2}')), 2, 'the last one, as JSON.parse keeps it');
});

test('a saved id that is not a positive safe integer number cannot be used', () => {
  for (const vid of ['"61574"', '0', '-3', '1.5', '9007199254740993', 'null', 'true', '[1]']) assert.equal(savedContactId(withVid(vid)), undefined, vid);
  assert.equal(savedContactId(parsePayload('{"properties": []}')), undefined, 'none saved');
  assert.equal(savedContactId(parsePayload('[{"vid": 1}]')), undefined, 'not at the top level of an object');
});
