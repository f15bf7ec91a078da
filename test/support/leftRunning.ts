// Loaded into every test process (`node --import`). When a test file's tests have all ended, its
// process must end too; one that is still alive a while later has left something running (a child
// process, a server, a socket, a timer), and the runner would wait for it forever, which is how a CI
// run once hung for 87 minutes. This says what was left, loudly, and ends the process.
import { readFileSync } from 'node:fs';
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
  process.stderr.write(
    `LEFT RUNNING: ${file} was still alive ${GRACE_MS / 1000} s after its last test; failing it instead of waiting forever.\n` +
    `  resources: ${process.getActiveResourcesInfo().join(', ')}\n` +
    children.map((child) => `  child process ${child.pid} (state ${child.state}): ${child.commandLine}\n`).join(''),
  );
  for (const child of children) process.kill(child.pid, 'SIGKILL');
  process.exit(1);
}

interface ChildProcessInfo {
  readonly pid: number;
  /** R running, S sleeping, T stopped, Z zombie… */
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
