import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { createCatalog, type PropertyCatalog } from '../../../server/src/service/catalog';
import { convertPayload, type ConversionResult, type PayloadFormat } from '../../../server/src/service/convert';

const EXAMPLES = path.resolve(import.meta.dirname, '../../../examples');

const catalog: PropertyCatalog = createCatalog([
  { name: 'date_of_birth', label: 'Date of birth', type: 'date', fieldType: 'date' },
  { name: 'closedate', label: 'Close date', type: 'datetime', fieldType: 'date' },
  { name: 'email', label: 'Email', type: 'string', fieldType: 'text' },
], { kind: 'bundled', description: 'test' });

function converted(text: string, to: PayloadFormat | 'other' = 'other', withCatalog?: PropertyCatalog): Extract<ConversionResult, { ok: true }> {
  const result = convertPayload(text, to, withCatalog);
  assert.ok(result.ok, `converts: ${result.ok ? '' : result.message}`);
  return result;
}

const messages = (text: string, withCatalog?: PropertyCatalog) => converted(text, 'other', withCatalog).notes.map((note) => note.message);
const v1 = (...entries: string[]) => `{"properties":[${entries.join(',')}]}`;
const objects = (members: string, rest = '') => `{"properties":{${members}}${rest}}`;

describe('convertPayload: what both formats can say is kept', () => {
  const V1_FILE = [
    '{',
    '  "$schema": "../schemas/contact.schema.json",',
    '  "properties": [',
    '    { "property": "email", "value": "a@b.co" },',
    '    { "property": "hs_count", "value": 12 },',
    '    { "property": "closedate", "value": "1700000000000" }',
    '  ],',
    '  "seed": { "batch": [1, 2] },',
    '  "vid": 123',
    '}',
    '',
  ].join('\n');
  const OBJECTS_FILE = [
    '{',
    '  "$schema": "../schemas/contact-objects.schema.json",',
    '  "properties": {',
    '    "email": "a@b.co",',
    '    "hs_count": 12,',
    '    "closedate": "1700000000000"',
    '  },',
    '  "seed": { "batch": [1, 2] },',
    '  "id": "123"',
    '}',
    '',
  ].join('\n');

  test('v1 becomes CRM objects with key order, values, unknown keys, the vid as an id string, and $schema naming the CRM objects schema', () => {
    const result = converted(V1_FILE);
    assert.equal(result.text, OBJECTS_FILE);
    assert.deepEqual(result.notes.map((note) => note.message), ['"$schema" now names contact-objects.schema.json, the schema of the CRM objects format, instead of contact.schema.json']);
    assert.deepEqual([result.from, result.to], ['v1', 'objects']);
  });

  test('v1 → CRM objects → v1 gives back the file exactly, each entry on one line', () => {
    assert.equal(converted(converted(V1_FILE).text).text, V1_FILE);
  });

  test('$schema names the target format\'s schema only where it named the source\'s; any other is kept as written', () => {
    const schemaOf = (schema: string, properties = '[]') => converted(`{"$schema":${schema},"properties":${properties}}`).text.split('\n')[1];
    assert.equal(schemaOf('"https://contact-payloads.dev/schemas/contact.schema.json"'), '  "$schema": "https://contact-payloads.dev/schemas/contact-objects.schema.json",');
    assert.equal(schemaOf('"contact-objects.schema.json"', '{}'), '  "$schema": "contact.schema.json",');
    assert.equal(schemaOf(String.raw`"..\\schemas\\contact.schema.json"`), String.raw`  "$schema": "..\\schemas\\contact-objects.schema.json",`);
    for (const kept of ['"https://json.schemastore.org/package.json"', '"my-contact.schema.json"', '"contact.schema.json#"', '42']) {
      assert.equal(schemaOf(kept), `  "$schema": ${kept},`, kept);
      assert.deepEqual(converted(`{"$schema":${kept},"properties":[]}`).notes, []);
    }
  });

  test('an example file survives the round trip character for character', () => {
    const example = readFileSync(path.join(EXAMPLES, 'adrian-mott.contact.json'), 'utf8');
    const there = converted(example, 'objects');
    assert.equal(converted(there.text, 'v1').text, example);
  });

  test('values keep their source text: escapes, surrogate pairs, numbers past 2^53, 1.50, literals, nested values', () => {
    const values = ['"caf\\u00e9"', '"😀"', '"\\ud83d\\ude00"', '12345678901234567890', '1.50', 'true', 'null', '{"a": [1, {"b": 2}]}', '"tab\\tquote\\""'];
    const text = v1(...values.map((value, i) => `{"property":"p${i}","value":${value}}`));
    const there = converted(text).text;
    for (const [i, value] of values.entries()) assert.ok(there.includes(`"p${i}": ${value}`), `p${i} keeps ${value}`);
    const back = converted(there).text;
    for (const [i, value] of values.entries()) assert.ok(back.includes(`{ "property": "p${i}", "value": ${value} }`), `p${i} keeps ${value} back in v1`);
  });

  test('__proto__ and constructor are plain names, as properties and as top-level keys, both ways', () => {
    const text = '{"__proto__":{"polluted":true},"properties":[{"property":"__proto__","value":"p"},{"property":"constructor","value":"c"}],"constructor":1}';
    const there = converted(text);
    assert.deepEqual(JSON.parse(there.text), JSON.parse('{"__proto__":{"polluted":true},"properties":{"__proto__":"p","constructor":"c"},"constructor":1}'));
    assert.ok(there.text.includes('"__proto__": "p"'));
    const back = converted(there.text);
    assert.equal(back.text, '{\n  "__proto__": {"polluted":true},\n  "properties": [\n    { "property": "__proto__", "value": "p" },\n    { "property": "constructor", "value": "c" }\n  ],\n  "constructor": 1\n}');
    assert.equal(({} as Record<string, unknown>).polluted, undefined, 'Object.prototype untouched');
  });

  test('a __proto__ set twice keeps the last value and is noted like any other name', () => {
    assert.deepEqual(messages(objects('"__proto__":"a","__proto__":"b"')), ['"__proto__" was set twice; the last value, as HubSpot reads it, is kept']);
  });
});

describe('convertPayload: layout', () => {
  test('tabs, CRLF and a byte order mark are kept', () => {
    const text = '\uFEFF{\r\n\t"properties": [\r\n\t\t{ "property": "email", "value": "a@b.co" }\r\n\t]\r\n}\r\n';
    assert.equal(converted(text).text, '\uFEFF{\r\n\t"properties": {\r\n\t\t"email": "a@b.co"\r\n\t}\r\n}\r\n');
    assert.equal(converted(converted(text).text).text, text);
  });

  test('four-space indentation is kept, and a file without a final line end gets none', () => {
    assert.equal(converted('{\n    "properties": {\n        "email": "a@b.co"\n    }\n}').text, '{\n    "properties": [\n        { "property": "email", "value": "a@b.co" }\n    ]\n}');
  });

  test('a document on one line is pretty-printed with two spaces; empty properties stay empty', () => {
    assert.equal(converted('{"properties":[{"property":"email","value":"a@b.co"}],"vid":7}').text, '{\n  "properties": {\n    "email": "a@b.co"\n  },\n  "id": "7"\n}');
    assert.equal(converted('{"properties":[]}').text, '{\n  "properties": {}\n}');
    assert.equal(converted('{"properties":{}}').text, '{\n  "properties": []\n}');
  });
});

describe('convertPayload: notes for what the target cannot say', () => {
  test('a v1 timestamp is dropped and noted with its property and entry', () => {
    const text = v1('{"property":"email","value":"a@b.co"}', '{"property":"firstname","value":"A"}', '{"property":"lifecyclestage","value":"lead","timestamp":1700000000000}');
    const result = converted(text);
    assert.equal(result.text.includes('timestamp'), false);
    assert.deepEqual(result.notes, [{ subject: 'timestamp', count: 1, message: '"timestamp" of "lifecyclestage" (entry 3) has no place in the CRM objects format and was dropped' }]);
  });

  test('associations are dropped on the way to v1, counted', () => {
    const text = objects('"email":"a@b.co"', ',"associations":[{"to":{"id":"101"},"types":[{"associationCategory":"HUBSPOT_DEFINED","associationTypeId":279}]},{"to":{"id":"102"},"types":[]}],"id":"123"');
    const result = converted(text);
    assert.equal(result.text, '{\n  "properties": [\n    { "property": "email", "value": "a@b.co" }\n  ],\n  "vid": 123\n}');
    assert.deepEqual(result.notes, [{ subject: 'association', count: 2, message: '"associations" cannot be sent by the v1 API and was dropped (2 associations)' }]);
  });

  test('a property set twice or three times keeps its last value, where that is written', () => {
    const text = v1('{"property":"email","value":"first@b.co"}', '{"property":"x","value":"1"}', '{"property":"email","value":"last@b.co"}', '{"property":"x","value":"2"}', '{"property":"x","value":"3"}');
    const result = converted(text);
    assert.equal(result.text, '{\n  "properties": {\n    "email": "last@b.co",\n    "x": "3"\n  }\n}');
    assert.deepEqual(result.notes.map((n) => [n.message, n.count]), [
      ['"email" was set twice; the last value, as HubSpot reads it, is kept', 1],
      ['"x" was set 3 times; the last value, as HubSpot reads it, is kept', 2],
    ]);
    assert.deepEqual(messages(objects('"email":"a","email":"b"')), ['"email" was set twice; the last value, as HubSpot reads it, is kept']);
  });

  test('entries that say no property and value are dropped, each noted', () => {
    assert.deepEqual(messages(v1('"email"', '{"value":"x"}', '{"property":"email"}', '{"property":"email","value":"a@b.co","source":"import"}', '{"property":"x","value":"1","value":"2"}')), [
      'entry 1 ("email") is not an object with "property" and "value" and was dropped',
      'entry 2 has no "property" name written as a string and was dropped',
      '"email" (entry 3) has no "value" and was dropped',
      '"source" of "email" (entry 4) has no place in the CRM objects format and was dropped',
      'entry 5 has "value" twice; the last, as HubSpot reads it, is kept',
    ]);
  });

  test('a top-level key written twice keeps its last value', () => {
    const result = converted('{"note":1,"properties":[],"note":2}');
    assert.equal(result.text, '{\n  "properties": {},\n  "note": 2\n}');
    assert.deepEqual(result.notes.map((n) => n.message), ['"note" was set twice at the top level; the last value, as a JSON reader takes it, is kept']);
  });

  test('an unusable saved id is kept under the new key as written, and noted', () => {
    assert.ok(converted('{"properties":[],"vid":"123"}').text.includes('"id": "123"'));
    assert.deepEqual(messages('{"properties":[],"vid":"123"}'), ['"vid" "123" is not a contact id (a positive whole number); it is kept as "id" as written']);
    assert.deepEqual(messages('{"properties":[],"vid":0}'), ['"vid" 0 is not a contact id (a positive whole number); it is kept as "id" as written']);
    for (const id of ['123', '"0123"', '"abc"', '"99999999999999999999"']) {
      const result = converted(`{"properties":{},"id":${id}}`);
      assert.ok(result.text.includes(`"vid": ${id}`), `${id} kept as written`);
      assert.deepEqual(result.notes.map((n) => n.message), [`"id" ${id} is not a contact id (a string of digits); it is kept as "vid" as written`]);
    }
  });

  test('a key that the converted id takes over is dropped and noted', () => {
    const result = converted('{"id":"old","properties":[],"vid":5}');
    assert.equal(result.text, '{\n  "properties": {},\n  "id": "5"\n}');
    assert.deepEqual(result.notes.map((n) => n.message), ['"id" ("old") was dropped: "id" now holds the contact id from "vid"']);
  });
});

describe('convertPayload: dates on the way to v1', () => {
  test('with a catalog, a date becomes epoch milliseconds at midnight UTC and a zoned datetime its instant, each noted', () => {
    const result = converted(objects('"date_of_birth":"2024-03-01","closedate":"2024-03-01T09:30:00+01:00","email":"2024-03-01"'), 'v1', catalog);
    assert.ok(result.text.includes('{ "property": "date_of_birth", "value": "1709251200000" }'));
    assert.ok(result.text.includes(`{ "property": "closedate", "value": "${Date.UTC(2024, 2, 1, 8, 30)}" }`));
    assert.ok(result.text.includes('{ "property": "email", "value": "2024-03-01" }'), 'a string property is left alone');
    assert.deepEqual(result.notes.map((n) => n.message), [
      '"date_of_birth" "2024-03-01" was written as "1709251200000", the epoch milliseconds the v1 API takes for a date (midnight UTC)',
      `"closedate" "2024-03-01T09:30:00+01:00" was written as "${Date.UTC(2024, 2, 1, 8, 30)}", the epoch milliseconds the v1 API takes for a datetime`,
    ]);
  });

  test('a day that does not exist and a datetime without a time zone are kept as written, noted', () => {
    assert.deepEqual(messages(objects('"date_of_birth":"2024-02-30","closedate":"2024-03-01T09:30:00"'), catalog), [
      '"date_of_birth" "2024-02-30" is not a day of the calendar; it is kept as written, and the v1 API takes a date only in epoch milliseconds',
      '"closedate" "2024-03-01T09:30:00" has no time zone, so the moment it means is not known; it is kept as written, and the v1 API takes a datetime only in epoch milliseconds',
    ]);
  });

  test('epoch milliseconds are left alone, and without a catalog nothing is converted', () => {
    assert.deepEqual(messages(objects('"date_of_birth":"1709251200000","closedate":1709251200000'), catalog), []);
    const result = converted(objects('"date_of_birth":"2024-03-01"'));
    assert.deepEqual(result.notes, []);
    assert.ok(result.text.includes('"value": "2024-03-01"'));
  });
});

describe('convertPayload: what does not convert', () => {
  const failure = (text: string, to: PayloadFormat | 'other' = 'other') => {
    const result = convertPayload(text, to);
    assert.ok(!result.ok);
    return [result.reason, result.message];
  };

  test('each text that is no payload fails with its reason', () => {
    assert.equal(failure('{"properties":[}')[0], 'unconvertible');
    assert.match(String(failure('{"properties":[}')[1]), /^it is not JSON \(.+\)$/);
    assert.match(String(failure('{"properties":[] // comment\n}')[1]), /^it is not JSON/);
    assert.deepEqual(failure('[1]'), ['unconvertible', 'its top level is not a JSON object']);
    assert.deepEqual(failure('{"vid":1}'), ['unconvertible', 'it has no "properties"']);
    assert.deepEqual(failure('{"properties":"email"}'), ['unconvertible', 'its "properties" is neither a list of entries (v1 format) nor an object of values (CRM objects format)']);
    assert.deepEqual(failure(''), ['unconvertible', 'it is not JSON (Unexpected end of JSON input)']);
  });

  test('a text already in the target format says so', () => {
    assert.deepEqual(failure('{"properties":{}}', 'objects'), ['already', 'it is already in the CRM objects format']);
    assert.deepEqual(failure('{"properties":[]}', 'v1'), ['already', 'it is already in the v1 format']);
  });
});

describe('convertPayload: hostile input', () => {
  test('a value nested 200 000 levels deep is copied without overflowing the stack, in properties and beside them', () => {
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    const beside = converted(`{"deep":${deep},"properties":[{"property":"x","value":${deep}}]}`);
    assert.equal(beside.text, `{\n  "deep": ${deep},\n  "properties": {\n    "x": ${deep}\n  }\n}`);
    assert.equal(convertPayload('['.repeat(200_000), 'other').ok, false);
  });

  test('100 000 properties convert both ways within 5 s (a generous bound; see the report for the figure)', () => {
    const text = JSON.stringify({ properties: Array.from({ length: 100_000 }, (_, i) => ({ property: `p${i}`, value: `v${i}` })) }, null, 2);
    const started = performance.now();
    const there = converted(text);
    const back = converted(there.text);
    const elapsed = performance.now() - started;
    assert.equal(back.text.split('\n').length, 100_000 + 4);
    assert.ok(elapsed < 5000, `took ${Math.round(elapsed)} ms`);
  });
});
