// Symbolic links and files that are not regular files. A repository can commit a link such as
// `env.contact.json -> /proc/self/environ`: `check` in CI must not print what it points at (the
// job's environment, HUBSPOT_ACCESS_TOKEN included), in source lines or in messages, in any
// format; `create` and `update` must not read it either. Folders are walked without following
// links; a path named on the command line may go through a link only if it stays in the current
// folder; pipes, devices and folders are not read as files.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startSandbox, type Sandbox } from '../sandbox/sandbox';
import { linesOf, runCli, runs, type CliRun } from './support';

const SECRET = 'pat-na1-11nk5-5ecre7-4bad-9ood-70ken0000lnk';
const FORMATS = ['text', 'json', 'sarif', 'github'] as const;

/** The repository being checked; `outside` is elsewhere on the machine. */
const repo = mkdtempSync(path.join(tmpdir(), 'contact-payloads-links-'));
const outside = mkdtempSync(path.join(tmpdir(), 'contact-payloads-outside-'));
let sandbox: Sandbox;

const VALID = '{"properties": [{"property": "email", "value": "ok@example.com"}]}\n';

before(async () => {
  sandbox = await startSandbox({ token: SECRET });
  // A payload outside: its value would be quoted in a message ("… is not a valid email address").
  writeFileSync(path.join(outside, 'secret.contact.json'), `{"properties": [{"property": "email", "value": "${SECRET}"}]}\n`);
  // Not JSON at all: every line of it would be shown as a source line.
  writeFileSync(path.join(outside, 'notes.contact.json'), `HUBSPOT_ACCESS_TOKEN=${SECRET}\n`);
  mkdirSync(path.join(repo, 'seeds'));
  writeFileSync(path.join(repo, 'seeds/ok.contact.json'), VALID);
  symlinkSync('/proc/self/environ', path.join(repo, 'seeds/env.contact.json'));
  symlinkSync(path.join(outside, 'secret.contact.json'), path.join(repo, 'seeds/secret.contact.json'));
  symlinkSync(path.join(outside, 'notes.contact.json'), path.join(repo, 'seeds/notes.contact.json'));
  symlinkSync(outside, path.join(repo, 'seeds/elsewhere'));
  // A loop: seeds/loop/seeds/loop/… for ever, were links followed.
  symlinkSync('..', path.join(repo, 'seeds/loop'));
  // A link that stays inside the repository.
  symlinkSync('ok.contact.json', path.join(repo, 'seeds/alias.contact.json'));
  execFileSync('mkfifo', [path.join(repo, 'pipe.contact.json')]);
});
after(async () => {
  await sandbox.stop();
  rmSync(repo, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

/** The CLI in the repository, with the token in its environment (so in /proc/self/environ too). */
function run(args: readonly string[]): Promise<CliRun> {
  return runCli(args, { cwd: repo, env: { HUBSPOT_ACCESS_TOKEN: SECRET, HUBSPOT_BASE_URL: sandbox.url } });
}

function checkedFiles(json: CliRun): string[] {
  return (JSON.parse(json.stdout) as { files: { path: string }[] }).files.map((file) => file.path);
}

describe('check: folders are walked without following symbolic links', () => {
  it('only the regular files of a folder are checked: links to files, to folders and a loop are skipped', async () => {
    for (const args of [['check', 'seeds'], ['check'], ['check', 'seeds/**/*.contact.json']]) {
      const json = await run([...args, '--format', 'json']);
      assert.equal(json.code, 0, `${args.join(' ')}: ${json.stdout}`);
      assert.deepEqual(checkedFiles(json), ['seeds/ok.contact.json'], args.join(' '));
    }
  });

  it('in every format, nothing a link points at is printed', async () => {
    for (const format of FORMATS) {
      const result = await run(['check', 'seeds', '--format', format]);
      assert.equal(result.code, 0, `${format}: ${result.stdout}`);
      assert.ok(!result.stdout.includes('HUBSPOT_ACCESS_TOKEN'), format);
    }
  });
});

describe('check: a path named on the command line', () => {
  const leading = ['seeds/env.contact.json', 'seeds/secret.contact.json', 'seeds/notes.contact.json', 'seeds/elsewhere/secret.contact.json', 'seeds/elsewhere'];

  it('is refused when it leads out of the current folder through a link: exit 2, and the others are still checked', async () => {
    const result = await run(['check', ...leading, 'seeds/ok.contact.json']);
    assert.equal(result.code, 2);
    assert.deepEqual(linesOf(result.stdout), [
      // In path order, as every run lists its files.
      ...[...leading].sort().flatMap((name) => [`${name} leads out of the current folder through a symbolic link; it is not read`, '']),
      `Checked 1 file: no problems. ${leading.length} files could not be read.`,
    ]);
  });

  it('leading out through a link, prints nothing it points at in any format, nor for a glob through a linked folder', async () => {
    for (const format of FORMATS) {
      for (const args of [leading, ['seeds/elsewhere/*.contact.json']]) {
        const result = await run(['check', ...args, '--format', format]);
        assert.equal(result.code, 2, `${format} ${args.join(' ')}: ${result.stdout}`);
        assert.ok(!result.stdout.includes('HUBSPOT_ACCESS_TOKEN') && !result.stdout.includes('environ'), `${format}: ${result.stdout}`);
      }
    }
  });

  it('is checked when it is a link that stays inside the current folder', async () => {
    const result = await run(['check', 'seeds/alias.contact.json']);
    assert.deepEqual([result.code, result.stdout], [0, 'Checked 1 file: no problems.\n']);
  });

  it('is refused when it is a pipe or a device, without waiting for a writer: exit 2', async () => {
    const result = await run(['check', 'pipe.contact.json', '/dev/zero']);
    assert.equal(result.code, 2);
    assert.deepEqual(linesOf(result.stdout), [
      `${path.relative(repo, '/dev/zero')} is not a regular file (a pipe, a socket or a device); it is not read`,
      '',
      'pipe.contact.json is not a regular file (a pipe, a socket or a device); it is not read',
      '',
      'Checked 0 files: no problems. 2 files could not be read.',
    ]);
  });
});

describe('create and update: FILE is read only when it is a regular file that stays in the current folder', () => {
  it('a link out of the current folder, a pipe or a folder is refused before reading: exit 2, nothing sent', async () => {
    sandbox.clearRequests();
    const cases: [string[], string][] = [
      [['create', 'seeds/env.contact.json', '--force'], 'seeds/env.contact.json leads out of the current folder through a symbolic link; it is not read'],
      [['create', 'seeds/secret.contact.json'], 'seeds/secret.contact.json leads out of the current folder through a symbolic link; it is not read'],
      [['update', 'seeds/notes.contact.json', '--vid', '61574', '--force'], 'seeds/notes.contact.json leads out of the current folder through a symbolic link; it is not read'],
      [['create', 'seeds/elsewhere/secret.contact.json', '--dry-run'], 'seeds/elsewhere/secret.contact.json leads out of the current folder through a symbolic link; it is not read'],
      [['create', 'pipe.contact.json'], 'pipe.contact.json is not a regular file (a pipe, a socket or a device); it is not read'],
      [['create', 'seeds'], 'seeds is a folder, not a file'],
    ];
    for (const [args, message] of cases) {
      const result = await run(args);
      assert.deepEqual([result.code, result.stdout, result.stderr], [2, '', `${message}\n`], args.join(' '));
    }
    assert.equal(sandbox.requests.length, 0);
  });

  it('a link that stays inside the current folder is sent', async () => {
    const result = await run(['create', 'seeds/alias.contact.json']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^seeds\/alias\.contact\.json: 200 OK — contact \d+ created in \d+ ms\n$/);
  });
});

describe('--help', () => {
  it('check --help and create --help say that links are not followed out of the current folder', async () => {
    const check = await run(['check', '--help']);
    assert.match(check.stdout, /Symbolic links are not followed in folders and globs/);
    assert.match(check.stdout, /A path named here may go through links that stay in the current folder\n.*; one that leads out is not read\./);
    const create = await run(['create', '--help']);
    assert.match(create.stdout, /FILE must be a regular file;\na symbolic link is followed only if it stays in the current folder/);
  });
});

describe('the secret', () => {
  it('appears in no output of any run of this file', () => {
    assert.ok(runs.length >= 20, `${runs.length} runs`);
    for (const { args, stdout, stderr } of runs) {
      assert.ok(!stdout.includes(SECRET), `stdout of "${args.join(' ')}"`);
      assert.ok(!stderr.includes(SECRET), `stderr of "${args.join(' ')}"`);
    }
  });
});
