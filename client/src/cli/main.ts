// The entry point of dist/cli.js. The exit status is set, not forced with process.exit(), so that
// output piped to another program is written out in full first.
import { version } from '../../../package.json';
import { ExitCode } from './exitCodes';
import { runProgram } from './program';
import { processTerminal } from './terminal';

const terminal = processTerminal();
const argv = process.argv.slice(2);
runProgram(argv, { terminal, cwd: process.cwd(), env: process.env, version }).then(
  (exitCode) => {
    process.exitCode = exitCode;
  },
  (error: unknown) => {
    terminal.err(`contact-payloads: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    // The HTTP client turns every failure of a request into an outcome, so this is a failure of the
    // tool; but after create or update it cannot say whether the request went out.
    process.exitCode = argv[0] === 'create' || argv[0] === 'update' ? ExitCode.UnknownOutcome : ExitCode.UsageOrFiles;
  },
);
