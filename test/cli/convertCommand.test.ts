// `contact-payloads convert` run as a process: one file printed converted on stdout, files
// rewritten in place with --write (byte order mark and permissions kept, no temporary file left),
// notes and outcomes on stderr with the file's path, and the exit statuses the help promises.
import assert from 'node:assert/strict';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, beforeEach, describe, test } from 'node:test';
import { linesOf, runCli } from './support';

const scratch = mkdtempSync(path.join(tmpdir(), 'contact-payloads-convert-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const V1 = '{\n  "properties": [\n    { "property": "email", "value": "a@b.co" },\n    { "property": "lifecyclestage", "value": "lead", "timestamp": 1700000000000 }\n  ],\n  "vid": 61574\n}\n';
const OBJECTS = '{\n  "properties": {\n    "email": "a@b.co",\n    "lifecyclestage": "lead"\n  },\n  "id": "61574"\n}\n';
const TIMESTAMP_NOTE = '"timestamp" of "lifecyclestage" (entry 2) has no place in the CRM objects format and was dropped';

let folder: string;
let counter = 0;
beforeEach(() => {
  folder = path.join(scratch, `run-${++counter}`);
  mkdirSync(folder);
});

function write(name: string, text: string | Buffer): string {
  const file = path.join(folder, name);
  writeFileSync(file, text);
  return file;
}

const run = (args: readonly string[]) => runCli(['convert', ...args], { cwd: folder });

describe('convert FILE', () => {
  test('prints the file in the other format on stdout and each note on stderr with its path; the file is not touched', async () => {
    const file = write('a.contact.json', V1);
    const result = await run(['a.contact.json']);
    assert.equal(result.code, 0);
    assert.equal(result.stdout, OBJECTS);
    assert.deepEqual(linesOf(result.stderr), [`a.contact.json: ${TIMESTAMP_NOTE}`]);
    assert.equal(readFileSync(file, 'utf8'), V1);
  });

  test('--to v1 on a CRM objects file converts it; on a v1 file it says it is already in that format and prints it as it is', async () => {
    write('o.contact.json', OBJECTS);
    write('a.contact.json', V1);
    const toV1 = await run(['o.contact.json', '--to', 'v1']);
    assert.deepEqual([toV1.code, toV1.stdout, toV1.stderr], [0, '{\n  "properties": [\n    { "property": "email", "value": "a@b.co" },\n    { "property": "lifecyclestage", "value": "lead" }\n  ],\n  "vid": 61574\n}\n', '']);
    const already = await run(['a.contact.json', '--to', 'v1']);
    assert.deepEqual([already.code, already.stdout, linesOf(already.stderr)], [0, V1, ['a.contact.json: it is already in the v1 format; left as it is']]);
  });

  test('a file that is not a payload fails with exit 1 and its reason; control characters in notes are shown visibly', async () => {
    write('broken.contact.json', '{"properties": [');
    const broken = await run(['broken.contact.json']);
    assert.equal(broken.code, 1);
    assert.equal(broken.stdout, '');
    assert.match(broken.stderr, /^broken\.contact\.json: not converted: it is not JSON \(.+\)\n$/);
    write('odd.contact.json', '{"properties":[{"property":"a\\u001b[31m","value":"1","timestamp":1}]}');
    const odd = await run(['odd.contact.json']);
    assert.equal(odd.code, 0);
    assert.ok(!odd.stderr.includes('\u001b'), 'no escape character reaches the terminal');
    assert.match(odd.stderr, /"timestamp" of "a\\u001b\[31m" \(entry 1\)/);
  });

  test('several files without --write are refused as a usage problem (exit 2), and nothing is written', async () => {
    write('a.contact.json', V1);
    write('b.contact.json', V1);
    const result = await run(['a.contact.json', 'b.contact.json']);
    assert.equal(result.code, 2);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /without --write, convert prints one file; 2 were given/);
    assert.equal(readFileSync(path.join(folder, 'b.contact.json'), 'utf8'), V1);
  });

  test('usage problems exit 2: no FILE, an unknown --to, an argument that names no file', async () => {
    assert.equal((await run([])).code, 2);
    const badTo = await run(['x.contact.json', '--to', 'v3']);
    assert.equal(badTo.code, 2);
    assert.match(badTo.stderr, /--to is one of objects, v1 \(got "v3"\)/);
    const missing = await run(['missing.contact.json']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /nothing to convert in "missing\.contact\.json"/);
  });
});

describe('convert --write', () => {
  test('rewrites each file in place, one line per file on stderr, and exits 1 when one failed', async () => {
    write('a.contact.json', V1);
    write('o.contact.json', OBJECTS);
    write('broken.contact.json', '[]');
    const result = await run(['.', '--write']);
    assert.equal(result.code, 1);
    assert.equal(result.stdout, '');
    assert.deepEqual(linesOf(result.stderr), [
      'a.contact.json: converted to the CRM objects format',
      `a.contact.json: ${TIMESTAMP_NOTE}`,
      'broken.contact.json: not converted: its top level is not a JSON object',
      'o.contact.json: converted to the v1 format',
    ]);
    assert.equal(readFileSync(path.join(folder, 'a.contact.json'), 'utf8'), OBJECTS);
    assert.match(readFileSync(path.join(folder, 'o.contact.json'), 'utf8'), /^\{\n {2}"properties": \[\n {4}\{ "property": "email", "value": "a@b.co" \},/);
    assert.equal(readFileSync(path.join(folder, 'broken.contact.json'), 'utf8'), '[]');
    assert.deepEqual(readdirSync(folder).sort(), ['a.contact.json', 'broken.contact.json', 'o.contact.json'], 'no temporary file is left');
  });

  test('--to objects leaves a file already in that format alone and exits 0', async () => {
    const file = write('o.contact.json', OBJECTS);
    const before = statSync(file).mtimeMs;
    const result = await run(['o.contact.json', '--to', 'objects', '--write']);
    assert.deepEqual([result.code, linesOf(result.stderr)], [0, ['o.contact.json: it is already in the CRM objects format; left as it is']]);
    assert.equal(readFileSync(file, 'utf8'), OBJECTS);
    assert.equal(statSync(file).mtimeMs, before);
  });

  test('keeps the byte order mark, CRLF line ends and the file permissions', async () => {
    const file = write('bom.contact.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(V1.replaceAll('\n', '\r\n'))]));
    chmodSync(file, 0o640);
    const result = await run(['bom.contact.json', '--write']);
    assert.equal(result.code, 0);
    assert.deepEqual(readFileSync(file), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(OBJECTS.replaceAll('\n', '\r\n'))]));
    assert.equal(statSync(file).mode & 0o777, 0o640);
  });

  test('a link to a file in the folder stays a link, and the file it points at is converted', async () => {
    const target = write('target.contact.json', V1);
    symlinkSync('target.contact.json', path.join(folder, 'link.contact.json'));
    const result = await run(['link.contact.json', '--write']);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(readFileSync(target, 'utf8'), OBJECTS);
    assert.ok(lstatSync(path.join(folder, 'link.contact.json')).isSymbolicLink(), 'still a link');
    assert.equal(readdirSync(folder).length, 2);
  });
});
