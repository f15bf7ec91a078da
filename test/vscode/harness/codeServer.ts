// code-server (the real VS Code workbench and a Node extension host) run on Node 24 for one profile.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { promisify } from 'node:util';
import { withDeadline } from './deadline';
import { CODE_SERVER_ENTRY, node24, requireFile } from './paths';
import type { Profile } from './profile';

const execFileAsync = promisify(execFile);

export interface CodeServer {
  /** `http://127.0.0.1:<port>`, with the port it actually listens on. */
  readonly url: string;
  /** `127.0.0.1:<port>`, for `vscode-remote://` URIs. */
  readonly authority: string;
  readonly pid: number;
  /** code-server's stdout and stderr, also written to `<profile>/code-server.log`. */
  readonly logFile: string;
  log(): string;
  /** Stops code-server and everything it started (extension host, language server). Safe to call twice. */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** The port on 127.0.0.1; 0 or unset lets the OS pick a free one (what tests should do). */
  readonly port?: number;
  /** The folder to open; defaults to the profile's workspace. */
  readonly folder?: string;
  /** Lets the page's `payload` URL parameter set extensionDevelopmentPath / extensionTestsPath. */
  readonly smokeTestDriver?: boolean;
  /** Defaults to true. Pass false for tests of the untrusted-workspace behaviour. */
  readonly disableWorkspaceTrust?: boolean;
  /** Extra environment for code-server and so for the extension host and the language server. */
  readonly env?: NodeJS.ProcessEnv;
  /** More code-server flags, e.g. `['--log', 'debug']` or `['--vscode-option', '<VS Code server flag>']`. */
  readonly extraArgs?: readonly string[];
  readonly timeoutMs?: number;
}

function profileArgs(profile: Profile): string[] {
  return [CODE_SERVER_ENTRY, '--user-data-dir', profile.userDataDir, '--extensions-dir', profile.extensionsDir];
}

/**
 * The environment code-server gets. Variables that would change where it listens or make it hand
 * the folder to another instance (when run from a VS Code terminal) are removed.
 */
function serverEnv(profile: Profile, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = profile.env(extra);
  for (const name of ['PORT', 'CODE_SERVER_HOST', 'VSCODE_IPC_HOOK_CLI', 'PASSWORD', 'HASHED_PASSWORD']) delete env[name];
  return env;
}

/** Installs a .vsix into the profile's extensions dir with code-server's CLI. Returns the CLI's output. */
export async function installVsix(profile: Profile, vsix: string): Promise<string> {
  requireFile(vsix, 'the .vsix', 'run `npm run package` first');
  const { stdout, stderr } = await execFileAsync(node24(), [...profileArgs(profile), '--install-extension', vsix], {
    env: serverEnv(profile),
    timeout: 120_000,
  });
  const output = `${stdout}${stderr}`;
  fs.writeFileSync(path.join(profile.dir, 'install-extension.log'), output);
  if (!/was successfully installed/.test(output)) throw new Error(`installing ${vsix} failed:\n${output}`);
  return output;
}

/** Starts code-server on 127.0.0.1 (by default on a port the OS picks) and resolves once it logs "HTTP server listening". */
export async function startCodeServer(profile: Profile, options: StartOptions = {}): Promise<CodeServer> {
  const args = [
    ...profileArgs(profile),
    '--bind-addr', `127.0.0.1:${options.port ?? 0}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--ignore-last-opened',
  ];
  if (options.disableWorkspaceTrust ?? true) args.push('--disable-workspace-trust');
  if (options.smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  args.push(...(options.extraArgs ?? []));
  args.push(options.folder ?? profile.workspace);

  const logFile = path.join(profile.dir, 'code-server.log');
  const logStream = fs.createWriteStream(logFile);
  let log = '';
  // Its own process group, so that stop() reaches the extension host and the language server too.
  const proc = spawn(node24(), args, { env: serverEnv(profile, options.env), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const lines = new Set<(line: string) => void>();
  for (const stream of [proc.stdout, proc.stderr]) {
    readline.createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
      log += `${line}\n`;
      if (logStream.writable) logStream.write(`${line}\n`); // lines may still arrive after stop() closed the file
      for (const listener of lines) listener(line);
    });
  }
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  // If the test process dies without calling stop(), take code-server's process group down with it.
  const killOnExit = (): void => killGroup(proc, 'SIGKILL');
  process.once('exit', killOnExit);

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      process.removeListener('exit', killOnExit);
      if (proc.exitCode === null && proc.signalCode === null) {
        killGroup(proc, 'SIGTERM');
        await withDeadline(exited, 10_000, () => 'code-server did not stop on SIGTERM').catch(() => {
          killGroup(proc, 'SIGKILL');
          return exited;
        });
      }
      // Whatever it started and left behind (a language server mid-shutdown) goes too.
      killGroup(proc, 'SIGKILL');
      await new Promise<void>((resolve) => logStream.end(resolve));
    })();
    return stopping;
  };

  const listening = new Promise<string>((resolve, reject) => {
    lines.add((line) => {
      const match = /HTTP server listening on (http:\/\/[^\s/]+)/.exec(line);
      if (match?.[1]) resolve(match[1]);
    });
    proc.once('error', reject);
    proc.once('exit', (code, signal) => reject(new Error(`code-server exited (${code ?? signal}) before listening; see ${logFile}:\n${log}`)));
  });
  let url: string;
  try {
    url = await withDeadline(listening, options.timeoutMs ?? 30_000, () => `code-server did not log "HTTP server listening"; see ${logFile}:\n${log}`);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, authority: new URL(url).host, pid: proc.pid!, logFile, log: () => log, stop };
}

function killGroup(proc: ChildProcess, signal: NodeJS.Signals): void {
  if (proc.pid === undefined) return;
  try {
    process.kill(-proc.pid, signal);
  } catch {
    // ESRCH: the group is gone already.
  }
}
