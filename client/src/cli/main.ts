// The entry point of dist/cli.js. The exit status is set, not forced with process.exit(), so that
// output piped to another program is written out in full first.
import { version } from '../../../package.json';
import { ExitCode } from './exitCodes';
import { runProgram } from './program';
import { watchRequests } from './requestWatch';
import { processTerminal } from './terminal';

const terminal = processTerminal();
const requests = watchRequests();
const argv = process.argv.slice(2);
runProgram(argv, { terminal, cwd: process.cwd(), env: process.env, version }).then(
  (exitCode) => {
    process.exitCode = exitCode;
  },
  (error: unknown) => {
    terminal.err(`contact-payloads: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    // The HTTP client turns every failure of a request into an outcome, so this is a failure of the
    // tool. Once a request has been started it cannot say whether HubSpot applied it; before, nothing was sent.
    if (requests.requestStarted()) {
      terminal.err('contact-payloads: a request had been sent: it may have been applied; check HubSpot before sending again.');
      process.exitCode = ExitCode.UnknownOutcome;
    } else {
      if (argv[0] === 'create' || argv[0] === 'update' || argv[0] === 'seed') terminal.err('contact-payloads: nothing was sent.');
      process.exitCode = ExitCode.UsageOrFiles;
    }
  },
);
