import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ASSOCIATIONS_NOT_SENT, bodyExtrasFor } from '../../../../client/src/send/associations';

const associations = [{ to: { id: '101' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 279 }] }];

test('a create sends the associations as the file has them', () => {
  assert.deepEqual(bodyExtrasFor({ associations }, 'create'), { extras: { associations }, notSent: undefined });
});

test('an update sends none, and says so', () => {
  assert.deepEqual(bodyExtrasFor({ associations }, 'update'), { extras: undefined, notSent: ASSOCIATIONS_NOT_SENT });
  assert.match(ASSOCIATIONS_NOT_SENT, /"associations" are not sent/);
});

test('without associations there is nothing to send or to say', () => {
  assert.deepEqual(bodyExtrasFor({ associations: undefined }, 'create'), { extras: undefined, notSent: undefined });
  assert.deepEqual(bodyExtrasFor({ associations: undefined }, 'update'), { extras: undefined, notSent: undefined });
});
