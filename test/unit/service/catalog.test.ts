import assert from 'node:assert/strict';
import { test } from 'node:test';
import { wellFormedDefinitions } from '../../../server/src/service/catalog';

test('a definition from the wire that is exactly a definition is kept as it came, its options shared with others alike; any other is copied with only what is well formed', () => {
  const exact = { name: 'color', label: 'Color', type: 'enumeration', fieldType: 'select', options: [{ value: 'red', label: 'Red' }, { value: 'old', label: 'Old', hidden: true }], readOnlyValue: true };
  const extra = { name: 'size', label: 'Size', type: 'string', fieldType: 'text', internal: { secret: 1 }, calculated: false };
  const badOption = { name: 'mood', label: 'Mood', type: 'enumeration', fieldType: 'radio', options: [{ value: 'ok', label: 'OK' }, { value: 3, label: 'Three' }] };
  const proto = JSON.parse('{"name": "p", "label": "P", "type": "string", "fieldType": "text", "__proto__": {"readOnlyValue": true}}') as object;
  const plain = { name: 'nickname', label: 'Nickname', type: 'string', fieldType: 'text', description: 'What friends say' };
  const sameOptions = { ...exact, name: 'colour', options: exact.options.map((o) => ({ ...o })) };
  const [kept, copied, filtered, fromProto, keptPlain, sharing] = wellFormedDefinitions([exact, extra, badOption, proto, plain, sameOptions, { name: 'no label' }, null, 'x']);
  assert.equal(keptPlain, plain, 'the same object: no copy');
  assert.deepEqual(kept, exact);
  assert.equal(kept.options, exact.options, 'its options kept as they came');
  assert.equal(sharing.options, kept.options, 'options written alike are one array');
  assert.equal(sharing.name, 'colour');
  assert.notEqual(copied, extra);
  assert.deepEqual(copied, { name: 'size', label: 'Size', type: 'string', fieldType: 'text' });
  assert.deepEqual(filtered, { name: 'mood', label: 'Mood', type: 'enumeration', fieldType: 'radio', options: [{ value: 'ok', label: 'OK' }] });
  assert.deepEqual(fromProto, { name: 'p', label: 'P', type: 'string', fieldType: 'text' }, 'an own "__proto__" key is not a definition key');
  assert.equal(Object.getPrototypeOf(fromProto), Object.prototype);
  assert.equal((fromProto as { readOnlyValue?: boolean }).readOnlyValue, undefined);
});
