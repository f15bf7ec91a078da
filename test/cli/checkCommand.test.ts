// `contact-payloads check` run as a process over the diagnostics fixture folder: the very diagnostics
// the language server publishes (the fixtures' *.expected.txt, which the server's own fixture test
// holds it to), in each output format, with the exit statuses the issue fixes.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { DiagnosticCode } from '../../server/src/service/diagnosticCodes';
import { SARIF_2_1_0_SUBSET } from './sarifSchema';
import { CLI, DIAGNOSTIC_FIXTURES, linesOf, REPO, runCli } from './support';

const FIXTURE_FOLDER = 'test/fixtures/diagnostics';

interface ExpectedDiagnostic {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: string;
  readonly code: string;
  readonly message: string;
}

/**
 * The fixtures' expectations, file by file in name order. The fixture test gives the server the text
 * with its byte order mark; an editor (and so the CLI) leaves the mark out of the text, so on the
 * first line of such a file every column is one less.
 */
function expectedDiagnostics(): ExpectedDiagnostic[] {
  const files = readdirSync(DIAGNOSTIC_FIXTURES).filter((name) => name.endsWith('.contact.json')).sort();
  return files.flatMap((name) => {
    const startsWithBom = readFileSync(path.join(DIAGNOSTIC_FIXTURES, name)).subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]));
    const expected = readFileSync(path.join(DIAGNOSTIC_FIXTURES, name.replace(/\.contact\.json$/, '.expected.txt')), 'utf8');
    return linesOf(expected).map((text) => {
      const match = /^(\d+):(\d+)-(\d+):(\d+) (\S+) (\S+) (.*)$/.exec(text);
      assert.ok(match, `an expectation line: ${text}`);
      const [line, column, endLine, endColumn] = match.slice(1, 5).map(Number) as [number, number, number, number];
      const shift = (onLine: number) => (startsWithBom && onLine === 1 ? 1 : 0);
      return {
        file: `${FIXTURE_FOLDER}/${name}`,
        line,
        column: column - shift(line),
        endLine,
        endColumn: endColumn - shift(endLine),
        severity: match[5] ?? '',
        code: match[6] ?? '',
        message: match[7] ?? '',
      };
    });
  });
}

const EXPECTED = expectedDiagnostics();
const count = (severity: string) => EXPECTED.filter((d) => d.severity === severity).length;
const FIXTURE_FILES = readdirSync(DIAGNOSTIC_FIXTURES).filter((name) => name.endsWith('.contact.json')).length;
const FILES_WITH_PROBLEMS = new Set(EXPECTED.map((d) => d.file)).size;
const FIXTURE_SUMMARY =
  `Checked ${FIXTURE_FILES} files: ${EXPECTED.length} problems (${count('error')} errors, ${count('warning')} warnings, ` +
  `${count('information')} information) in ${FILES_WITH_PROBLEMS} files.`;

describe('check over the diagnostics fixtures', () => {
  it('the fixtures cover errors, warnings and information', () => {
    assert.ok(FIXTURE_FILES >= 10 && count('error') > 0 && count('warning') > 0 && count('information') > 0, FIXTURE_SUMMARY);
  });

  it('text: one line per diagnostic, as the language server reports it, and the summary; exit 1', async () => {
    const run = await runCli(['check', FIXTURE_FOLDER]);
    assert.equal(run.code, 1, run.stderr);
    assert.equal(run.stderr, '');
    const lines = linesOf(run.stdout);
    const headers = lines.filter((line) => line.startsWith(`${FIXTURE_FOLDER}/`));
    assert.deepEqual(headers, EXPECTED.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`));
    assert.equal(lines.at(-1), FIXTURE_SUMMARY);
  });

  it('text: the source line under each diagnostic, the range marked; control characters made visible', async () => {
    const run = await runCli(['check', `${FIXTURE_FOLDER}/broken.contact.json`, `${FIXTURE_FOLDER}/warnings.contact.json`]);
    const lines = linesOf(run.stdout);
    const block = (header: string, length: number) => {
      const start = lines.findIndex((line) => line.startsWith(header));
      assert.ok(start >= 0, `${header} in:\n${run.stdout}`);
      return lines.slice(start, start + length);
    };
    assert.deepEqual(block(`${FIXTURE_FOLDER}/broken.contact.json:1:89 `, 4), [
      `${FIXTURE_FOLDER}/broken.contact.json:1:89 error invalid-json Invalid character in string (control characters must be escaped).`,
      '  1 | {"properties": [{"property": "email", "value": "a@b.co"}, {"property": "city", "value": "Cam\u2400bridge"}, ]',
      `    | ${' '.repeat(88)}^^^^^^^^^^^^`,
      '',
    ]);
    assert.deepEqual(block(`${FIXTURE_FOLDER}/broken.contact.json:2:1 `, 3).slice(1), ['  2 | ', '    | ^']);
    // A related place (the first of two duplicates) follows as file:line:col, which terminals and VS Code link.
    assert.deepEqual(block(`${FIXTURE_FOLDER}/warnings.contact.json:5:19 `, 5), [
      `${FIXTURE_FOLDER}/warnings.contact.json:5:19 warning duplicate-property "firstname" is set twice in this file; HubSpot keeps only one of the values.`,
      '  5 |     { "property": "firstname", "value": "Grace" },',
      '    |                   ^^^^^^^^^^^',
      `  ${FIXTURE_FOLDER}/warnings.contact.json:4:19 "firstname" is first set here.`,
      '',
    ]);
  });

  it('text: tabs, CRLF, a byte order mark, UTF-16 columns, wide characters and a range over several lines', async () => {
    // Line 4 holds an emoji (two UTF-16 code units, two cells) and 李 (one code unit, two cells) before "Lead".
    const run = await runCli(['check', 'test/fixtures/cli/layout']);
    assert.equal(run.code, 1);
    assert.equal(
      run.stdout,
      [
        'test/fixtures/cli/layout/layout.contact.json:4:90 error invalid-option "Lead" is not an option value of lifecyclestage (Lifecycle Stage): HubSpot answers INVALID_OPTION. It is the label of an option; HubSpot needs the option\'s value "lead".',
        '  4 | \t\t{\t"property": "firstname",\t"value": "😀 李" },\t{ "property": "lifecyclestage", "value": "Lead" },',
        `    | \t\t \t${' '.repeat(24)}\t${' '.repeat(19)}\t${' '.repeat(41)}^^^^^^`,
        '',
        'test/fixtures/cli/layout/layout.contact.json:5:35 error value-not-scalar A property value must be a string (HubSpot stores every value as text), not an object.',
        '  5 | \t\t{ "property": "state", "value": {',
        `    | \t\t${' '.repeat(32)}^`,
        '',
        'Checked 1 file: 2 problems (2 errors, 0 warnings, 0 information) in 1 file.',
        '',
      ].join('\n'),
    );
  });

  it('json: every diagnostic with 1-based positions, and the totals', async () => {
    const run = await runCli(['check', FIXTURE_FOLDER, '--format', 'json']);
    assert.equal(run.code, 1);
    const report = JSON.parse(run.stdout) as {
      summary: unknown;
      files: { path: string; diagnostics: (Omit<ExpectedDiagnostic, 'file'> & { related?: unknown[] })[] }[];
    };
    assert.deepEqual(report.summary, {
      files: FIXTURE_FILES,
      filesWithProblems: FILES_WITH_PROBLEMS,
      errors: count('error'),
      warnings: count('warning'),
      information: count('information'),
      unreadableFiles: 0,
      unmatched: [],
      maxWarnings: null,
      exitCode: 1,
    });
    assert.equal(report.files.length, FIXTURE_FILES);
    const actual = report.files.flatMap((file) => file.diagnostics.map(({ related: _related, ...d }) => ({ file: file.path, ...d })));
    assert.deepEqual(actual, EXPECTED);
    const duplicate = report.files.find((f) => f.path.endsWith('warnings.contact.json'))?.diagnostics.find((d) => d.code === 'duplicate-property');
    assert.deepEqual(duplicate?.related, [{ line: 4, column: 19, endLine: 4, endColumn: 30, message: '"firstname" is first set here.' }]);
  });

  it('sarif: a valid SARIF 2.1.0 log whose results are the diagnostics', async () => {
    const run = await runCli(['check', FIXTURE_FOLDER, '--format', 'sarif']);
    assert.equal(run.code, 1);
    const log = JSON.parse(run.stdout) as SarifLog;
    assertValidSarif(log);
    const [sarifRun] = log.runs;
    assert.ok(sarifRun);
    assert.equal(sarifRun.columnKind, 'utf16CodeUnits');
    assert.deepEqual(sarifRun.originalUriBaseIds, { SRCROOT: { uri: pathToFileURL(REPO + path.sep).href } });
    assert.deepEqual(sarifRun.invocations, [{ executionSuccessful: true, exitCode: 1, toolExecutionNotifications: [] }]);
    const rules = sarifRun.tool.driver.rules.map((rule) => rule.id);
    assert.deepEqual(rules, Object.values(DiagnosticCode));
    const level = { error: 'error', warning: 'warning', information: 'note' } as Record<string, string>;
    assert.deepEqual(
      sarifRun.results.map((result) => {
        const { artifactLocation, region } = result.locations[0]?.physicalLocation ?? {};
        return { ruleId: result.ruleId, rule: rules[result.ruleIndex], level: result.level, uri: artifactLocation?.uri, base: artifactLocation?.uriBaseId, region, message: result.message.text };
      }),
      EXPECTED.map((d) => ({
        ruleId: d.code,
        rule: d.code,
        level: level[d.severity],
        uri: d.file,
        base: 'SRCROOT',
        region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
        message: d.message,
      })),
    );
  });

  it('github: one workflow command per diagnostic, with inclusive end columns; notices for information', async () => {
    const run = await runCli(['check', FIXTURE_FOLDER, '--format', 'github']);
    assert.equal(run.code, 1);
    const command = { error: 'error', warning: 'warning', information: 'notice' } as Record<string, string>;
    // Every fixture range lies within one line; GitHub's endColumn is the range's last column.
    assert.ok(EXPECTED.every((d) => d.line === d.endLine));
    assert.deepEqual(linesOf(run.stdout), [
      ...EXPECTED.map(
        (d) => `::${command[d.severity]} file=${d.file},line=${d.line},col=${d.column},endLine=${d.endLine},endColumn=${Math.max(d.column, d.endColumn - 1)},title=${d.code}::${d.message}`,
      ),
      FIXTURE_SUMMARY,
    ]);
  });

  it('github: a range over several lines has no columns (GitHub takes them for one line only)', async () => {
    const run = await runCli(['check', 'test/fixtures/cli/layout', '--format', 'github']);
    assert.deepEqual(linesOf(run.stdout).slice(1), [
      '::error file=test/fixtures/cli/layout/layout.contact.json,line=5,endLine=7,title=value-not-scalar::A property value must be a string (HubSpot stores every value as text), not an object.',
      'Checked 1 file: 2 problems (2 errors, 0 warnings, 0 information) in 1 file.',
    ]);
  });
});

describe('check: exit statuses', () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'contact-payloads-check-'));
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('0 for a valid file, with the summary', async () => {
    const run = await runCli(['check', `${FIXTURE_FOLDER}/valid.contact.json`]);
    assert.equal(run.code, 0);
    assert.equal(run.stdout, 'Checked 1 file: no problems.\n');
    assert.equal(run.stderr, '');
  });

  it('warnings alone pass; more than --max-warnings fail with 1', async () => {
    const file = 'test/fixtures/cli/max-warnings/two-warnings.contact.json';
    const summary = 'Checked 1 file: 2 problems (0 errors, 2 warnings, 0 information) in 1 file.';
    assert.equal((await runCli(['check', file])).code, 0);
    const atLimit = await runCli(['check', file, '--max-warnings', '2']);
    assert.equal(atLimit.code, 0);
    assert.equal(linesOf(atLimit.stdout).at(-1), summary);
    const over = await runCli(['check', file, '--max-warnings', '1']);
    assert.equal(over.code, 1);
    assert.equal(linesOf(over.stdout).at(-1), `${summary} Too many warnings: more than 1 (--max-warnings).`);
    const json = JSON.parse((await runCli(['check', file, '--max-warnings', '0', '--format', 'json'])).stdout) as { summary: { maxWarnings: number; exitCode: number } };
    assert.deepEqual([json.summary.maxWarnings, json.summary.exitCode], [0, 1]);
  });

  it('2 for files that cannot be read as UTF-8; the others are still checked', async () => {
    const run = await runCli(['check', 'test/fixtures/cli/encodings']);
    assert.equal(run.code, 2);
    assert.deepEqual(linesOf(run.stdout), [
      'test/fixtures/cli/encodings/latin1.contact.json is not UTF-8 text; save it as UTF-8',
      '',
      'test/fixtures/cli/encodings/utf16.contact.json is UTF-16 text; save it as UTF-8',
      '',
      'Checked 1 file: no problems. 2 files could not be read.',
    ]);
    const sarif = JSON.parse((await runCli(['check', 'test/fixtures/cli/encodings', '--format', 'sarif'])).stdout) as SarifLog;
    assertValidSarif(sarif);
    assert.deepEqual(sarif.runs[0]?.invocations[0], {
      executionSuccessful: false,
      exitCode: 2,
      toolExecutionNotifications: ['latin1.contact.json is not UTF-8 text; save it as UTF-8', 'utf16.contact.json is UTF-16 text; save it as UTF-8'].map((text) => ({
        level: 'error',
        message: { text: `test/fixtures/cli/encodings/${text}` },
        locations: [{ physicalLocation: { artifactLocation: { uri: `test/fixtures/cli/encodings/${text.split(' ')[0] ?? ''}`, uriBaseId: 'SRCROOT' } } }],
      })),
    });
    const github = await runCli(['check', 'test/fixtures/cli/encodings', '--format', 'github']);
    assert.equal(linesOf(github.stdout)[0], '::error file=test/fixtures/cli/encodings/latin1.contact.json,title=unreadable-file::test/fixtures/cli/encodings/latin1.contact.json is not UTF-8 text; save it as UTF-8');
  });

  it('2 for an argument that names nothing; the files of the others are still checked', async () => {
    const run = await runCli(['check', 'no/such.contact.json', `${FIXTURE_FOLDER}/valid.contact.json`, 'nowhere/**/*.contact.json']);
    assert.equal(run.code, 2);
    assert.equal(run.stdout, 'Checked 1 file: no problems. Nothing to check in "no/such.contact.json", "nowhere/**/*.contact.json".\n');
    const json = JSON.parse((await runCli(['check', 'no/such.contact.json', '-f', 'json'])).stdout) as { summary: { unmatched: string[]; exitCode: number } };
    assert.deepEqual([json.summary.unmatched, json.summary.exitCode], [['no/such.contact.json'], 2]);
  });

  it('2 for usage problems, with a pointer to --help', async () => {
    for (const args of [['check', '--format', 'xml'], ['check', '--max-warnings', '-1'], ['check', '--max-warnings', 'some'], ['check', '--fromat', 'json']]) {
      const run = await runCli(args);
      assert.equal(run.code, 2, args.join(' '));
      assert.equal(run.stdout, '');
      assert.equal(linesOf(run.stderr).at(-1), 'Run "contact-payloads check --help" for usage.');
    }
    assert.equal((await runCli(['check', '--format', 'xml'])).stderr.split('\n')[0], 'contact-payloads: --format is one of text, json, sarif, github (got "xml").');
    assert.equal((await runCli(['check', '--max-warnings', 'some'])).stderr.split('\n')[0], 'contact-payloads: --max-warnings takes a whole number of at least 0 (got "some").');
  });

  it('by default every *.contact.json under the current folder, skipping node_modules and hidden folders', async () => {
    const write = (relative: string, text: string) => {
      mkdirSync(path.dirname(path.join(scratch, relative)), { recursive: true });
      writeFileSync(path.join(scratch, relative), text);
    };
    const valid = '{"properties": [{"property": "email", "value": "a@example.com"}]}\n';
    write('seeds/a.contact.json', valid);
    write('seeds/deeper/b.contact.json', valid);
    write('node_modules/some-package/broken.contact.json', '{');
    write('.cache/broken.contact.json', '{');
    write('seeds/notes.json', '{');
    const run = await runCli(['check', '--format', 'json'], { cwd: scratch });
    assert.equal(run.code, 0, run.stdout);
    const report = JSON.parse(run.stdout) as { files: { path: string }[] };
    assert.deepEqual(report.files.map((file) => file.path), ['seeds/a.contact.json', 'seeds/deeper/b.contact.json']);

    const globbed = await runCli(['check', 'seeds/**/b.contact.json', 'seeds', '-f', 'json'], { cwd: scratch });
    assert.deepEqual((JSON.parse(globbed.stdout) as { files: { path: string }[] }).files.map((file) => file.path), ['seeds/a.contact.json', 'seeds/deeper/b.contact.json'], 'each file once');

    const empty = mkdtempSync(path.join(scratch, 'empty-'));
    const nothing = await runCli(['check'], { cwd: empty });
    assert.equal(nothing.code, 2);
    assert.equal(nothing.stdout, 'Checked 0 files: no problems. Nothing to check in ".".\n');
  });

  it('github: file names and messages are escaped as workflow commands require', async () => {
    writeFileSync(path.join(scratch, 'odd, name: 100%.contact.json'), '{"properties": [{"property": "email", "value": "a@example.com"}, {"property": "50%_off", "value": "x"}]}');
    const run = await runCli(['check', 'odd, name: 100%.contact.json', '--format', 'github'], { cwd: scratch });
    assert.equal(
      linesOf(run.stdout)[0],
      '::warning file=odd%2C name%3A 100%25.contact.json,line=1,col=79,endLine=1,endColumn=87,title=unknown-property::Unknown property "50%25_off": not one of HubSpot\'s default properties (fine if it is a custom property of your portal).',
    );
  });
});

describe('check: colour', () => {
  const file = `${FIXTURE_FOLDER}/value-rules.contact.json`;
  const ESC = '\u001b[';

  it('none when the output is not a terminal', async () => {
    const run = await runCli(['check', file]);
    assert.ok(!run.stdout.includes(ESC));
  });

  // `script` (util-linux) runs the command on a pseudo-terminal: the only way to see what a person sees.
  const hasScript = existsSync('/usr/bin/script');
  it('on a terminal, and never with NO_COLOR', { skip: hasScript ? false : 'needs util-linux script for a pseudo-terminal' }, async () => {
    const coloured = await onTerminal([process.execPath, CLI, 'check', file], {});
    // Severity in bold red, the code dimmed.
    assert.ok(coloured.includes(`${ESC}1m${ESC}31merror${ESC}39m${ESC}22m ${ESC}2minvalid-email${ESC}22m`), coloured);
    const plain = await onTerminal([process.execPath, CLI, 'check', file], { NO_COLOR: '1' });
    assert.ok(plain.includes('error invalid-email'), plain);
    assert.ok(!plain.includes(ESC), plain);
  });
});

/** What a terminal shows for the command: run under `script` on a pseudo-terminal. */
function onTerminal(command: readonly string[], env: Readonly<Record<string, string>>): Promise<string> {
  const quoted = command.map((part) => `'${part.replaceAll("'", "'\\''")}'`).join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', quoted, '/dev/null'], { cwd: REPO, env: { PATH: process.env.PATH ?? '', TERM: 'xterm-256color', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const output: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    child.on('error', reject);
    child.on('close', () => resolve(Buffer.concat(output).toString('utf8')));
  });
}

interface SarifLog {
  readonly runs: readonly {
    readonly tool: { readonly driver: { readonly rules: readonly { readonly id: string }[] } };
    readonly invocations: readonly unknown[];
    readonly originalUriBaseIds: unknown;
    readonly columnKind: string;
    readonly results: readonly {
      readonly ruleId: string;
      readonly ruleIndex: number;
      readonly level: string;
      readonly message: { readonly text: string };
      readonly locations: readonly { readonly physicalLocation: { readonly artifactLocation: { readonly uri: string; readonly uriBaseId?: string }; readonly region: unknown } }[];
    }[];
  }[];
}

function assertValidSarif(log: unknown): void {
  // strictRequired off: like the official schema, `anyOf` lists required properties defined beside it.
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
  addFormats(ajv);
  const validate = ajv.compile(SARIF_2_1_0_SUBSET);
  assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
}

