// --help for the tool and each command, --version, and what an unknown command gets.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ACCOUNT_HELP, CHECK_HELP, CONVERT_HELP, CREATE_HELP, MAIN_HELP, UPDATE_HELP } from '../../client/src/cli/help';
import { REPO, runCli } from './support';

describe('help and version', () => {
  it('--version prints the package version', async () => {
    const { version } = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string };
    const run = await runCli(['--version']);
    assert.deepEqual([run.code, run.stdout, run.stderr], [0, `${version}\n`, '']);
  });

  it('--help, -h and "help" print the overview, which documents the exit statuses', async () => {
    for (const args of [['--help'], ['-h'], ['help']]) {
      const run = await runCli(args);
      assert.deepEqual([run.code, run.stdout, run.stderr], [0, `${MAIN_HELP}\n`, ''], args.join(' '));
    }
    assert.match(MAIN_HELP, /^Exit status:\n {2}0 {2}success\n {2}1 {2}check: errors.*\n.*\n {2}2 {2}a usage, configuration or file problem; create\/update: HubSpot could not be reached, nothing sent\n {2}3 {2}create\/update: a server error/m);
  });

  it('each command has its own --help, also as "help COMMAND"', async () => {
    for (const [command, help] of [['check', CHECK_HELP], ['convert', CONVERT_HELP], ['create', CREATE_HELP], ['update', UPDATE_HELP], ['account', ACCOUNT_HELP]] as const) {
      for (const args of [[command, '--help'], [command, '-h'], ['help', command]]) {
        const run = await runCli(args);
        assert.deepEqual([run.code, run.stdout, run.stderr], [0, `${help}\n`, ''], args.join(' '));
      }
      assert.match(help, /\nExit status:\n {2}0 {2}.*\n {2}1 {2}.*\n(.*\n)* {2}2 {2}/, `${command} --help documents its exit statuses`);
    }
    assert.match(CREATE_HELP, /\n {2}3 {2}a server error \(5xx\), no answer/);
    // Both APIs' requests, the version option and the ways to name the contact are documented.
    assert.match(CREATE_HELP, /v1: POST \/contacts\/v1\/contact; CRM objects: POST \/crm\/objects\/2026-09\/contacts/);
    assert.match(CREATE_HELP, /--api-version V .*\n.*2026-09 \(default\), 2026-03, v3/);
    assert.match(CREATE_HELP, /--save-id .*"vid"/);
    assert.match(UPDATE_HELP, /CRM objects: PATCH \/crm\/objects\/2026-09\/contacts\/:id\)/);
    assert.match(UPDATE_HELP, /--id N .*\n.*--vid is the same/);
    assert.match(UPDATE_HELP, /--by-email .*\n.*\n.*CRM objects: PATCH \/crm\/objects\/2026-09\/contacts\/:email\?idProperty=email/);
    assert.match(UPDATE_HELP, /\n {2}3 {2}a server error \(5xx\), no answer/);
  });

  it('no command prints the overview and fails with 2; an unknown command fails with 2', async () => {
    const bare = await runCli([]);
    assert.deepEqual([bare.code, bare.stdout], [2, `${MAIN_HELP}\n`]);
    const unknown = await runCli(['chek']);
    assert.deepEqual([unknown.code, unknown.stdout, unknown.stderr], [
      2,
      '',
      'contact-payloads: "chek" is not a command; the commands are check, convert, create, update, seed, account.\nRun "contact-payloads --help" for usage.\n',
    ]);
    const unknownTopic = await runCli(['help', 'chek']);
    assert.deepEqual([unknownTopic.code, unknownTopic.stdout], [2, `${MAIN_HELP}\n`]);
  });
});
