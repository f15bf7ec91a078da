// Random payload texts, random keystrokes and random cursor positions, seeded, for the tests that
// compare the fast paths (payloadScanner, payloadUpdate) with the tolerant parser and for the services
// that take a position.
import assert from 'node:assert/strict';
import type { Position } from 'vscode-languageserver-types';
import { bundledDefaultCatalog, createCatalog, type PropertyCatalog } from '../../../server/src/service/catalog';
import type { CheckFailureListener } from '../../../server/src/service/validate';

export type Random = () => number;

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A `date` property (the bundled catalog has only `datetime` ones, such as closedate). */
const RANDOM_DATE_PROPERTY = 'renewal_date';

/** The bundled catalog and a `date` property: the catalog the random payloads are checked against. */
export function randomCatalog(): PropertyCatalog {
  randomCatalogMade ??= createCatalog(
    [...bundledDefaultCatalog().properties.values(), { name: RANDOM_DATE_PROPERTY, label: 'Renewal date', type: 'date', fieldType: 'date' }],
    bundledDefaultCatalog().source,
  );
  return randomCatalogMade;
}
let randomCatalogMade: PropertyCatalog | undefined;

/** For validate and findProblems: no check may throw on any random payload. */
export function failIfACheckFails(text: string): CheckFailureListener {
  return ({ check, error }) => assert.fail(`${check} failed (${String(error)}) on ${JSON.stringify(text)}`);
}

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];

/** Epoch milliseconds at midnight, off midnight, at the ends of the range of dates and beyond them, and an ISO date. */
const DATES = ['1430438400000', '1579179660000', '8640000000000000', '-8640000000000000', '8640000000000001', '100000000000000001', '-100000000000000001', '2015-05-01'];
const STRINGS = ['email', 'lifecyclestage', 'Lead', '', 'a@b.co', 'São Paulo', 'tab\there', 'quote"d', 'back\\slash', '\u2028', '😀', '\u0001', '__proto__', 'property', 'value', ...DATES];
const KEYS = ['property', 'value', 'timestamp', 'properties', 'vid', 'vaule', '__proto__', 'constructor', 'pröperty', 'a"b'];
const NUMBERS = ['0', '-0', '12', '-3.25', '1e3', '2E-2', '1.5e+10', '9007199254740993', '1e400', '100000000000000001'];
const WHITESPACE = ['', ' ', '  ', '\n', '\r\n', '\t', '\n    '];

/** A random JSON value, payload-shaped more often than not, written with random whitespace and escapes. */
function randomValue(random: Random, depth: number): string {
  const space = () => pick(random, WHITESPACE);
  const roll = random();
  if (depth > 4 || roll < 0.45) {
    const scalar = random();
    if (scalar < 0.5) return stringLiteral(random, pick(random, STRINGS));
    if (scalar < 0.75) return pick(random, NUMBERS);
    return pick(random, ['true', 'false', 'null']);
  }
  if (roll < 0.7) {
    const members = Array.from({ length: Math.floor(random() * 4) }, () => `${space()}${stringLiteral(random, pick(random, KEYS))}${space()}:${space()}${randomValue(random, depth + 1)}${space()}`);
    return `{${members.join(',')}${members.length ? '' : space()}}`;
  }
  const elements = Array.from({ length: Math.floor(random() * 4) }, () => `${space()}${randomValue(random, depth + 1)}${space()}`);
  return `[${elements.join(',')}]`;
}

function stringLiteral(random: Random, value: string): string {
  const plain = JSON.stringify(value);
  // Sometimes escape every character, to exercise \u escapes and surrogate pairs.
  if (random() < 0.15) return `"${[...value].map((c) => [...c].map((unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')).join('')}"`;
  return plain;
}

function randomEntry(random: Random): string {
  if (random() < 0.1) return randomValue(random, 3);
  const members = [`"property": ${stringLiteral(random, pick(random, ['email', 'firstname', 'lifecyclestage', 'unknown_thing', 'email', 'closedate', RANDOM_DATE_PROPERTY]))}`, `"value": ${random() < 0.8 ? stringLiteral(random, pick(random, STRINGS)) : randomValue(random, 3)}`];
  if (random() < 0.2) members.push(`${stringLiteral(random, pick(random, KEYS))}: ${randomValue(random, 3)}`);
  if (random() < 0.3) members.reverse();
  return `{ ${members.join(pick(random, [', ', ',\n      ', ',']))} }`;
}

/** A member of a CRM objects `properties` object: a property name (now and then an odd one) and a value, a string more often than not. */
function randomPropertyMember(random: Random): string {
  const name = pick(random, ['email', 'firstname', 'lifecyclestage', 'unknown_thing', 'email', 'closedate', RANDOM_DATE_PROPERTY, ...KEYS]);
  return `${stringLiteral(random, name)}: ${random() < 0.8 ? stringLiteral(random, pick(random, STRINGS)) : randomValue(random, 3)}`;
}

/** A random payload: v1's `properties` array or, as often, the CRM objects' `properties` object. */
export function randomPayload(random: Random, maxEntries = 8): string {
  const roll = random();
  if (roll < 0.05) return randomValue(random, 0);
  const count = Math.floor(random() * (maxEntries + 1));
  const objects = random() < 0.5;
  const members = objects
    ? [`"properties": {\n    ${Array.from({ length: count }, () => randomPropertyMember(random)).join(',\n    ')}\n  }`]
    : [`"properties": [\n    ${Array.from({ length: count }, () => randomEntry(random)).join(',\n    ')}\n  ]`];
  if (random() < 0.2) members.push(objects ? `"id": ${random() < 0.7 ? stringLiteral(random, pick(random, NUMBERS)) : pick(random, NUMBERS)}` : `"vid": ${pick(random, NUMBERS)}`);
  if (objects && random() < 0.2) members.push(`"associations": ${random() < 0.5 ? '[{"to": {"id": "101"}, "types": [{"associationCategory": "HUBSPOT_DEFINED", "associationTypeId": 279}]}]' : randomValue(random, 1)}`);
  if (random() < 0.15) members.push(`${stringLiteral(random, pick(random, KEYS))}: ${randomValue(random, 1)}`);
  if (random() < 0.1) members.push(`"properties": ${randomValue(random, 1)}`);
  if (random() < 0.3) members.reverse();
  return `${pick(random, WHITESPACE)}{\n  ${members.join(',\n  ')}\n}${pick(random, WHITESPACE)}`;
}

/**
 * A random batch file: CRM objects' `{"inputs": [...]}` or v1's `[...]`, of random contacts (now and
 * then an element that is no contact, an odd top-level key, or a second `inputs`), emails often shared.
 */
export function randomBatch(random: Random, maxContacts = 6): string {
  const roll = random();
  if (roll < 0.05) return randomValue(random, 0);
  const contacts = Array.from({ length: Math.floor(random() * (maxContacts + 1)) }, () => {
    if (random() < 0.1) return randomValue(random, 2);
    const contact = randomPayload(random, 4).trim();
    // A v1 contact of a batch may be found by its own email.
    return random() < 0.3 && contact.startsWith('{\n') ? `{ "email": ${stringLiteral(random, pick(random, ['a@b.co', ' A@B.co ', 'c@d.co', '']))},${contact.slice(1)}` : contact;
  });
  const list = `[\n${contacts.join(',\n')}\n]`;
  if (random() < 0.5) return `${pick(random, WHITESPACE)}${list}${pick(random, WHITESPACE)}`;
  const members = [`"inputs": ${list}`];
  if (random() < 0.15) members.push(`${stringLiteral(random, pick(random, [...KEYS, '$schema']))}: ${randomValue(random, 1)}`);
  if (random() < 0.1) members.push(`"inputs": ${randomValue(random, 1)}`);
  if (random() < 0.3) members.reverse();
  return `${pick(random, WHITESPACE)}{\n  ${members.join(',\n  ')}\n}${pick(random, WHITESPACE)}`;
}

/** Typing and deleting as people do: characters and fragments that break and mend JSON. */
const INSERTIONS = [
  '"', ',', ':', '{', '}', '[', ']', '\\', '\\a', '\\u00', '\\u00e9', '\\"', 'e', '1', '-', '.', ' ', '\n', '\t', '\u0001', '\u007f', 'tru', 'null',
  '//', '/*', '\u00a0', '\ufeff', '\u2028', '{ "property": "email", "value": "x@y.z" },', '"value": ""', '"email": "x@y.z",', '"id": "1",',
];

export function randomEdit(random: Random, text: string): string {
  // Half of the edits land just inside a string, where escapes and control characters matter.
  const quote = random() < 0.5 ? text.indexOf('"', Math.floor(random() * text.length)) : -1;
  const at = quote >= 0 ? quote + 1 : Math.floor(random() * (text.length + 1));
  if (random() < 0.4) {
    const end = Math.min(text.length, at + 1 + Math.floor(random() * 6));
    return text.slice(0, at) + text.slice(end);
  }
  return text.slice(0, at) + pick(random, INSERTIONS) + text.slice(at);
}

/**
 * A cursor position as a client may send it: mostly on a line of the text, sometimes fractional,
 * negative, past the end of its line or of the text, or huge.
 */
export function randomPosition(random: Random, text: string): Position {
  const lines = text.split(/\r\n|\r|\n/);
  const line = Math.floor(random() * lines.length);
  const character = Math.floor(random() * (lines[line].length + 1));
  switch (Math.floor(random() * 8)) {
    case 0: return { line: line + random(), character: character + random() };
    case 1: return { line, character: character + 0.5 };
    case 2: return { line: -1 - Math.floor(random() * 3), character: -random() * 10 };
    case 3: return { line, character: lines[line].length + 1 + Math.floor(random() * 100) };
    case 4: return { line: lines.length + Math.floor(random() * 5), character };
    case 5: return { line: 1e300, character: 1e300 };
    default: return { line, character };
  }
}
