// File names and values reach terminals and CI logs through every format, and a file name is
// chosen by whoever commits the file: a newline followed by `::warning …::` would be a GitHub
// workflow command, ESC and the C1 controls (U+009B is a one-character ESC [) drive terminals, a
// bidirectional override (U+202E) reorders what is shown. Each is printed in a visible form:
// control pictures (␊, ␛, ␉), <U+XXXX> for the rest; JSON escapes; percent-encoded URIs in SARIF.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { linesOf, runCli, type CliRun } from './support';

const scratch = mkdtempSync(path.join(tmpdir(), 'contact-payloads-escaping-'));

/** A newline, a workflow command, a tab, ESC, CSI (C1) and a right-to-left override, in one name. */
const ODD = 'x\n::warning title=injected::pwned\t\u001b[2J \u009b2J \u202eevil.contact.json';
const ODD_SHOWN = 'x␊::warning title=injected::pwned␉␛[2J <U+009B>2J <U+202E>evil.contact.json';
/** A name that is a workflow command at the start of a line by itself. */
const LEADING = '::error title=injected::lead.contact.json';
const LEADING_SHOWN = './::error title=injected::lead.contact.json';
/** Not UTF-8, so it is reported as unreadable: the other line a path starts. */
const UNREADABLE = 'latin1\u202e\u001b.contact.json';
const UNREADABLE_SHOWN = 'latin1<U+202E>␛.contact.json';
const MISSING = 'none\n::warning::x';
const MISSING_SHOWN = 'none␊::warning::x';

/** Raw characters that must never reach the output. */
const RAW = ['\u001b', '\u009b', '\u202e', '\t'];

const DUPLICATE_EMAILS = '{"properties": [{"property": "email", "value": "x"}, {"property": "email", "value": "y@example.com"}]}\n';

before(() => {
  writeFileSync(path.join(scratch, ODD), DUPLICATE_EMAILS);
  writeFileSync(path.join(scratch, LEADING), DUPLICATE_EMAILS);
  writeFileSync(path.join(scratch, UNREADABLE), Buffer.from('{"properties": [{"property": "city", "value": "K\xf6ln"}]}', 'latin1'));
});
after(() => rmSync(scratch, { recursive: true, force: true }));

const check = (format: string) => runCli(['check', ODD, LEADING, UNREADABLE, MISSING, '--format', format], { cwd: scratch });

function assertNoRawControls(run: CliRun): void {
  for (const character of RAW) {
    const code = character.charCodeAt(0).toString(16);
    assert.ok(!run.stdout.includes(character), `U+${code} in stdout:\n${run.stdout}`);
    assert.ok(!run.stderr.includes(character), `U+${code} in stderr:\n${run.stderr}`);
  }
}

/** GitHub Actions runs a line as a workflow command when it starts with `::`, leading blanks aside. */
function assertNoWorkflowCommand(output: string): void {
  for (const line of linesOf(output)) assert.ok(!line.trimStart().startsWith('::'), `a workflow command: ${line}`);
}

describe('file names are printed escaped', () => {
  it('text: in each diagnostic, related place, unreadable file and the summary; no line is a workflow command', async () => {
    const run = await check('text');
    assert.equal(run.code, 2);
    assertNoRawControls(run);
    assertNoWorkflowCommand(run.stdout);
    const lines = linesOf(run.stdout);
    // Three diagnostics each: the invalid email, the duplicate with its related place, and the email
    // both files hold, whose message names the other file, shown as paths are.
    for (const [shown, other] of [[ODD_SHOWN, LEADING_SHOWN], [LEADING_SHOWN, ODD_SHOWN]]) {
      assert.equal(lines.filter((line) => line.startsWith(`${shown}:1:`)).length, 3, `${shown} in:\n${run.stdout}`);
      assert.equal(lines.filter((line) => line.startsWith(`  ${shown}:1:`)).length, 1, `related ${shown} in:\n${run.stdout}`);
      assert.ok(lines.some((line) => line.startsWith(`${shown}:1:`) && line.includes(`is also the email of the contact at ${other}:1:`)), `${other} named in:\n${run.stdout}`);
    }
    assert.ok(lines.includes(`${UNREADABLE_SHOWN} is not UTF-8 text; save it as UTF-8`), run.stdout);
    assert.match(lines.at(-1) ?? '', new RegExp(`Nothing to check in "${MISSING_SHOWN}"\\.$`));
  });

  it('github: in the file property and the message, escaped as workflow commands require; every line is our own command or the summary', async () => {
    const run = await check('github');
    assertNoRawControls(run);
    const lines = linesOf(run.stdout);
    assert.ok(lines.slice(0, -1).every((line) => /^::(error|warning|notice) [^\n]*::/.test(line)), run.stdout);
    assert.match(lines.at(-1) ?? '', /^Checked 2 files: /);
    const property = (shown: string) => shown.replaceAll('%', '%25').replaceAll(':', '%3A').replaceAll(',', '%2C');
    // The invalid email, the duplicate, and the email the two files share.
    assert.equal(lines.filter((line) => line.includes(` file=${property(ODD_SHOWN)},line=1,`)).length, 3, run.stdout);
    assert.equal(lines.filter((line) => line.includes(` file=${property(LEADING_SHOWN)},line=1,`)).length, 3, run.stdout);
    assert.ok(lines.includes(`::error file=${property(UNREADABLE_SHOWN)},title=unreadable-file::${UNREADABLE_SHOWN} is not UTF-8 text; save it as UTF-8`), run.stdout);
    assert.ok(lines.includes(`::error title=nothing-to-check::Nothing to check in "${MISSING_SHOWN}".`), run.stdout);
  });

  it('json: the exact names as data, every control written as a JSON escape', async () => {
    const run = await check('json');
    assertNoRawControls(run);
    const report = JSON.parse(run.stdout) as { summary: { unmatched: string[] }; files: { path: string }[] };
    assert.deepEqual(report.files.map((file) => file.path).sort(), [LEADING, UNREADABLE, ODD].sort());
    assert.deepEqual(report.summary.unmatched, [MISSING]);
    for (const escape of ['\\n', '\\t', '\\u001b', '\\u009b', '\\u202e']) assert.ok(run.stdout.includes(escape), escape);
  });

  it('sarif: percent-encoded URIs, notifications as JSON escapes', async () => {
    const run = await check('sarif');
    assertNoRawControls(run);
    const log = JSON.parse(run.stdout) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    const uris = new Set(log.runs[0]?.results.map((result) => result.locations[0]?.physicalLocation.artifactLocation.uri));
    assert.deepEqual([...uris].sort(), [encodeURIComponent(LEADING), encodeURIComponent(ODD)].sort());
    assert.ok(encodeURIComponent(ODD).includes('%0A%3A%3Awarning'));
  });

  it('create: in the lines that say why the file was not sent', async () => {
    for (const [name, shown] of [[ODD, ODD_SHOWN], [LEADING, LEADING_SHOWN]] as const) {
      const run = await runCli(['create', name], { cwd: scratch });
      assert.equal(run.code, 1, run.stderr);
      assertNoRawControls(run);
      assertNoWorkflowCommand(run.stderr);
      assert.equal(linesOf(run.stderr).at(-1), `${shown}: not sent: 1 error that HubSpot would reject (--force sends it anyway).`);
    }
    const unreadable = await runCli(['create', UNREADABLE], { cwd: scratch });
    assert.deepEqual([unreadable.code, unreadable.stderr], [2, `${UNREADABLE_SHOWN} is not UTF-8 text; save it as UTF-8\n`]);
  });
});

describe('values are printed escaped', () => {
  it('C1 controls and bidirectional overrides in a property name: visible in the message and the source line, the marker still under it', async () => {
    writeFileSync(path.join(scratch, 'values.contact.json'), '{"properties": [{"property": "email", "value": "v@example.com"}, {"property": "a\u202eb\u009bc", "value": "1"}]}\n');
    const run = await runCli(['check', 'values.contact.json'], { cwd: scratch });
    assertNoRawControls(run);
    const [header, source, marker] = linesOf(run.stdout);
    assert.match(header ?? '', /^values\.contact\.json:1:\d+ warning unknown-property Unknown property "a<U\+202E>b<U\+009B>c"/);
    const shownName = '"a<U+202E>b<U+009B>c"';
    assert.equal(source, `  1 | {"properties": [{"property": "email", "value": "v@example.com"}, {"property": ${shownName}, "value": "1"}]}`);
    assert.equal(marker, `    | ${' '.repeat((source ?? '').indexOf(shownName) - '  1 | '.length)}${'^'.repeat(shownName.length)}`);

    const json = await runCli(['check', 'values.contact.json', '--format', 'json'], { cwd: scratch });
    assertNoRawControls(json);
    const [diagnostic] = (JSON.parse(json.stdout) as { files: { diagnostics: { message: string }[] }[] }).files[0]?.diagnostics ?? [];
    assert.match(diagnostic?.message ?? '', /^Unknown property "a\u202eb\u009bc"/);
  });
});
