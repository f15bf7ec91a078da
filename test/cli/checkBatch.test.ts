// `contact-payloads check` with batch files (`*.contacts.json`), run as a process: folders give both
// kinds of file, each contact of a batch is diagnosed as a single file is, and the same email in two
// files is a warning in both reports, naming the other place.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { linesOf, runCli } from './support';

describe('check: batch files', () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'contact-payloads-check-batch-'));
  after(() => rmSync(scratch, { recursive: true, force: true }));
  const write = (relative: string, text: string) => {
    mkdirSync(path.dirname(path.join(scratch, relative)), { recursive: true });
    writeFileSync(path.join(scratch, relative), text);
  };

  it('a folder gives its *.contact.json and *.contacts.json; each contact of a batch is diagnosed; the same email in two files is flagged in both', async () => {
    write('seeds/team.contacts.json', '{"inputs": [\n  {"properties": {"email": "ada@example.com"}},\n  {"properties": {"email": "not-an-email"}}\n]}\n');
    write('seeds/legacy.contacts.json', '[\n  {"email": "grace@example.com", "properties": [{"property": "lifecyclestage", "value": "Lead"}]}\n]\n');
    write('seeds/ada.contact.json', '{\n  "properties": {\n    "email": "ADA@example.com"\n  }\n}\n');
    write('seeds/notes.json', '{"not": "a contact file"}');
    const run = await runCli(['check', 'seeds'], { cwd: scratch });
    assert.equal(run.code, 1, run.stderr);
    const headers = linesOf(run.stdout).filter((line) => line.startsWith('seeds/'));
    assert.deepEqual(headers, [
      'seeds/ada.contact.json:3:14 warning duplicate-email "ADA@example.com" is also the email of the contact at seeds/team.contacts.json:2: HubSpot finds contacts by email, so one would update the other. A seed set\'s plan sends neither.',
      'seeds/legacy.contacts.json:2:89 error invalid-option "Lead" is not an option value of lifecyclestage (Lifecycle Stage): HubSpot answers INVALID_OPTION. It is the label of an option; HubSpot needs the option\'s value "lead".',
      'seeds/team.contacts.json:2:28 warning duplicate-email "ada@example.com" is also the email of the contact at seeds/ada.contact.json:3: HubSpot finds contacts by email, so one would update the other. A seed set\'s plan sends neither.',
      'seeds/team.contacts.json:3:28 error invalid-email "not-an-email" is not a valid email address: HubSpot answers INVALID_EMAIL.',
    ]);
    assert.equal(linesOf(run.stdout).at(-1), 'Checked 3 files: 4 problems (2 errors, 2 warnings, 0 information) in 3 files.');
  });

  it('json: a batch file\'s structure problems and duplicate emails within it, with positions', async () => {
    write('one/broken.contacts.json', '[\n  {"properties": {"email": "a@b.co"}},\n  7,\n  {"properties": {"email": " A@B.co"}}\n]\n');
    const run = await runCli(['check', 'one', '--format', 'json'], { cwd: scratch });
    assert.equal(run.code, 1, run.stderr);
    const report = JSON.parse(run.stdout) as { files: { path: string; diagnostics: { line: number; column: number; code: string; message: string }[] }[] };
    assert.deepEqual(report.files.map((file) => [file.path, file.diagnostics.map((d) => [d.line, d.column, d.code])]), [
      ['one/broken.contacts.json', [[2, 28, 'duplicate-email'], [3, 3, 'contact-not-object'], [4, 28, 'invalid-email'], [4, 28, 'duplicate-email']]],
    ]);
    assert.match(report.files[0].diagnostics[0].message, /is also the email of the contact at line 4/);
  });
});
