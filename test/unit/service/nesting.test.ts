import assert from 'node:assert/strict';
import { test } from 'node:test';
import { limitNesting } from '../../../server/src/service/nesting';

test('text within the limit is returned as it is', () => {
  const text = '{"a":[{"b":"[[[["}]}';
  assert.equal(limitNesting(text, 3).text, text);
});

test('regions deeper than the limit are emptied, keeping their brackets, offsets and line breaks', () => {
  const text = '{"a":[[\n["x"]\n]],"b":"]"}';
  const limited = limitNesting(text, 2);
  assert.equal(limited.text.length, text.length);
  assert.equal(limited.text, '{"a":[[\n     \n]],"b":"]"}');
  assert.deepEqual(limited.cut, { offset: 6, length: 9 });
});

test('brackets inside strings and escaped quotes do not count', () => {
  const text = '{"a":"\\"[[[[","b":[1]}';
  assert.equal(limitNesting(text, 2).text, text);
});

test('a region that never closes is blanked to the end', () => {
  const limited = limitNesting('[[[[[', 2);
  assert.equal(limited.text, '[[[  ');
  assert.deepEqual(limited.cut, { offset: 2, length: 3 });
});

test('valid JSON stays valid JSON however deep it goes', () => {
  for (const deep of ['{"a":'.repeat(1000) + '1' + '}'.repeat(1000), '['.repeat(1000) + ']'.repeat(1000)]) {
    const text = `{"properties":[{"property":"x","value":${deep}}]}`;
    const limited = limitNesting(text, 64);
    assert.notEqual(limited.text, text);
    assert.doesNotThrow(() => JSON.parse(limited.text));
  }
});
