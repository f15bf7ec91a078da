// Loaded into every test process (`node --import`). When a test file's tests have all ended, its
// process must end too; one still alive a while later has left something running (a child process,
// a server, a socket, a timer), and node --test would wait for it forever: a CI run once hung that
// way for 87 minutes after every test had passed. This ends such a process, kills its children and
// says what was left: in the test output, and appended to the file named by LEFT_RUNNING_LOG when
// that is set (.ci/run sets it and prints the file at the end, where CI's log is read).
// It does not fail the file: its tests passed, and what they check was checked; the leak is a fault
// of the tests' own cleanup, to be fixed from the report.
import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after } from 'node:test';

/** Closing sockets and reaping children takes a moment after the last test; more than this is a leak. */
const GRACE_MS = 15_000;

if (process.env.NODE_TEST_CONTEXT) {
  after(() => {
    setTimeout(reportAndExit, GRACE_MS).unref();
  });
}

function reportAndExit(): void {
  const file = path.relative(process.cwd(), process.argv[1] ?? '?');
  const children = childProcesses();
  const report =
    `LEFT RUNNING: ${file} was still alive ${GRACE_MS / 1000} s after its last test; ended it.\n` +
    `  resources: ${process.getActiveResourcesInfo().join(', ')}\n` +
    children.map((child) => `  child process ${child.pid} (state ${child.state}): ${child.commandLine}\n`).join('');
  process.stderr.write(report);
  const log = process.env.LEFT_RUNNING_LOG;
  if (log) {
    mkdirSync(path.dirname(log), { recursive: true });
    appendFileSync(log, report);
  }
  for (const child of children) process.kill(child.pid, 'SIGKILL');
  process.exit(); // with the exit code node:test set: a file whose tests failed still fails
}

interface ChildProcessInfo {
  readonly pid: number;
  /** R running, S sleeping, D in uninterruptible I/O, T stopped, Z zombie… */
  readonly state: string;
  readonly commandLine: string;
}

/** This process's children, from /proc (Linux; elsewhere none are listed). */
function childProcesses(): ChildProcessInfo[] {
  try {
    const pids = readFileSync(`/proc/${process.pid}/task/${process.pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
    return pids.map((pid) => ({
      pid: Number(pid),
      state: /\) (\S)/.exec(readFileSync(`/proc/${pid}/stat`, 'utf8'))?.[1] ?? '?',
      commandLine: readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim(),
    }));
  } catch {
    return [];
  }
}
