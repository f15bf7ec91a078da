// The in-editor suite's entry, in the standard @vscode/test-electron shape: the extension host
// loads this file (extensionTestsPath) and awaits run(). Both launchers use it:
// test/vscode/exthost.test.ts (code-server, offline) and test/vscode/launch-electron.ts (desktop VS Code).
// Built to out/test/vscode/suite/ by test/vscode/build-suite.mjs, mocha bundled in.
import fs from 'node:fs';
import path from 'node:path';
import Mocha from 'mocha';
import { SUITE_MODE_VARIABLE, UNTRUSTED_SUFFIX } from './env';
import { MOCHA_BEGIN, MOCHA_END } from './markers';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, reporter: 'spec', timeout: 60_000 });
  // A trusted run takes every test file but the untrusted ones; an untrusted run only those.
  const mode = process.env[SUITE_MODE_VARIABLE] ?? 'trusted';
  const files = fs
    .readdirSync(__dirname)
    .filter((file) => file.endsWith('.test.js') && file.endsWith(UNTRUSTED_SUFFIX) === (mode === 'untrusted'))
    .sort();
  for (const file of files) mocha.addFile(path.join(__dirname, file));

  console.log(MOCHA_BEGIN);
  console.log(`suite mode: ${mode}; files: ${files.join(', ')}`);
  return new Promise<void>((resolve, reject) => {
    const finish = (error?: Error): void => {
      console.log(MOCHA_END);
      if (error) reject(error);
      else resolve();
    };
    if (mode !== 'trusted' && mode !== 'untrusted') {
      finish(new Error(`${SUITE_MODE_VARIABLE}=${mode}: expected trusted or untrusted`));
      return;
    }
    if (files.length === 0) {
      finish(new Error(`no ${mode} *.test.js next to ${__filename}`));
      return;
    }
    try {
      mocha.run((failures) => finish(failures > 0 ? new Error(`${failures} test(s) failed.`) : undefined));
    } catch (error) {
      finish(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
