// The in-editor suite's entry for VS Code for the Web: code-server runs the extension and this file in
// its web worker extension host (test/vscode/webhost.test.ts), where only `vscode` can be required — so
// it is one bundled file (test/vscode/build-suite.mjs): mocha's browser build, then the test files,
// imported once mocha has set up its tdd globals. The same run() contract as ../suite/index.ts.
import { MOCHA_BEGIN, MOCHA_END } from '../suite/markers';

/** mocha's browser build (the `mocha` instance it puts on the global object), as far as it is used here. */
interface BrowserMocha {
  setup(options: { ui: string; reporter: string; timeout: number; color: boolean }): void;
  run(done: (failures: number) => void): void;
}

export async function run(): Promise<void> {
  await import('mocha/mocha.js');
  const { mocha } = globalThis as unknown as { mocha: BrowserMocha };
  mocha.setup({ ui: 'tdd', reporter: 'spec', timeout: 60_000, color: false });
  // Each defines its suites when evaluated: after setup.
  // The Node host's editing tests as they are, then what only the web host shows.
  await import('../suite/activation.test');
  await import('../suite/language.test');
  await import('../suite/objectsEditing.test');
  await import('./web.test');
  console.log(MOCHA_BEGIN);
  await new Promise<void>((resolve, reject) => {
    mocha.run((failures) => {
      console.log(MOCHA_END);
      if (failures > 0) reject(new Error(`${failures} test(s) failed.`));
      else resolve();
    });
  });
}
