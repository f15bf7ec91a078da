// A real LSP client for tests: spawns `node dist/server.js --stdio` and speaks JSON-RPC to it.
// Waits are event-driven with a deadline; nothing sleeps.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { SERVER_NODE_FLAGS } from '../../server/src/launch';
import type { ClientCapabilities, Diagnostic, InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export const SERVER_BUNDLE = path.resolve(import.meta.dirname, '../../dist/server.js');
const DEADLINE_MS = 10_000;
const STOP_DEADLINE_MS = 5_000;

/** A language server started with the running Node: the script and its arguments. Ours by default; the benchmark starts a peer too. */
export interface ServerLaunch {
  readonly args: readonly string[];
}

/** Started as the extension starts it (the same Node flags). */
export const OUR_SERVER: ServerLaunch = { args: [...SERVER_NODE_FLAGS, SERVER_BUNDLE, '--stdio'] };

/** Capabilities of a modern client (VS Code-like) and of a minimal one (Neovim 0.7-like). */
export const CLIENT_PROFILES = {
  pullAndSnippets: {
    workspace: { configuration: true, diagnostics: { refreshSupport: true } },
    textDocument: {
      diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
      completion: { completionItem: { snippetSupport: true } },
      publishDiagnostics: { relatedInformation: true, versionSupport: true },
    },
  },
  pushPlainText: {
    textDocument: {
      completion: { completionItem: { snippetSupport: false } },
      publishDiagnostics: { relatedInformation: true },
    },
  },
} satisfies Record<string, ClientCapabilities>;

export class LspTestClient {
  readonly initializeResult: Promise<InitializeResult>;
  private readonly published = new Map<string, PublishDiagnosticsParams>();
  private readonly waiters: { uri: string; accept: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  private stderr = '';
  private versions = new Map<string, number>();
  private readonly settingsRead: Promise<void>;
  private readonly refreshWaiters: (() => void)[] = [];
  private refreshes = 0;
  /** Settles once the process has exited and its pipes are closed: nothing of it keeps this process alive. */
  private readonly closed: Promise<void>;

  private constructor(
    readonly process: ChildProcessWithoutNullStreams,
    readonly connection: MessageConnection,
    capabilities: ClientCapabilities,
    settings: Record<string, unknown>,
    /** How long a request or a wait may take before it fails. */
    private readonly deadlineMs: number,
  ) {
    this.closed = once(process, 'close').then(() => undefined);
    process.stderr.on('data', (chunk: Buffer) => { this.stderr += chunk.toString(); });
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.published.set(params.uri, params);
      for (const waiter of [...this.waiters]) {
        if (waiter.uri === params.uri && waiter.accept(params)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(params);
        }
      }
    });
    let settingsServed!: () => void;
    this.settingsRead = new Promise((resolve) => { settingsServed = resolve; });
    connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => {
      setImmediate(settingsServed); // after the answer is on its way: what is sent next arrives after it
      return params.items.map(() => settings);
    });
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshes++;
      for (const resolve of this.refreshWaiters.splice(0)) resolve();
      return null;
    });
    connection.listen();
    this.initializeResult = connection.sendRequest<InitializeResult>('initialize', {
      processId: globalThis.process.pid, rootUri: null, capabilities, initializationOptions: { contactPayloads: settings },
    });
  }

  /** `deadlineMs`: longer only for the benchmark, which measures earlier builds that answer slowly. */
  static async start(capabilities: ClientCapabilities, settings: Record<string, unknown> = {}, server: ServerLaunch = OUR_SERVER, deadlineMs = DEADLINE_MS): Promise<LspTestClient> {
    const child = spawn(globalThis.process.execPath, server.args, { stdio: 'pipe' });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new LspTestClient(child, connection, capabilities, settings, deadlineMs);
    await client.initializeResult;
    await connection.sendNotification('initialized', {});
    return client;
  }

  async open(uri: string, text: string): Promise<void> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text } });
  }

  /** Replaces the whole text (or a range of it) and returns the new version. */
  async change(uri: string, text: string, range?: { start: { line: number; character: number }; end: { line: number; character: number } }): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [range ? { range, text } : { text }] });
    return version;
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return withDeadline(this.connection.sendRequest<R>(method, params), `${method} answered`, this.deadlineMs);
  }

  /** Pull diagnostics as VS Code does. */
  async pullDiagnostics(uri: string): Promise<Diagnostic[]> {
    const report = await this.request<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    return report.items;
  }

  /** Resolves at the server's next workspace/diagnostic/refresh (it wants every open document pulled again). */
  diagnosticRefresh(): Promise<void> {
    return withDeadline(new Promise((resolve) => this.refreshWaiters.push(resolve)), 'workspace/diagnostic/refresh', this.deadlineMs);
  }

  /** How many times the server has sent workspace/diagnostic/refresh. */
  get refreshesAsked(): number {
    return this.refreshes;
  }

  /** The next pushed diagnostics for `uri` that satisfy `accept` (or the last ones, if they already do). */
  pushedDiagnostics(uri: string, accept: (p: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
    const last = this.published.get(uri);
    if (last && accept(last)) return Promise.resolve(last);
    return withDeadline(new Promise((resolve) => this.waiters.push({ uri, accept, resolve })), `diagnostics published for ${uri}`, this.deadlineMs);
  }

  /** Pushed diagnostics for the document's current version. */
  pushedForVersion(uri: string): Promise<PublishDiagnosticsParams> {
    const version = this.versions.get(uri);
    return this.pushedDiagnostics(uri, (p) => p.version === undefined || p.version === version);
  }

  async shutdown(): Promise<number | null> {
    await this.request('shutdown', null);
    await this.connection.sendNotification('exit');
    await withDeadline(this.closed, 'server exited');
    this.connection.dispose();
    return this.process.exitCode;
  }

  /**
   * Ends the server for good, as cleanup after tests: its input closes (it should exit by itself, as
   * when an editor goes away; a test checks that), and one still running at the deadline is killed.
   * Waits until the process is gone: a child left running keeps this test process, and CI, alive.
   */
  async stop(): Promise<void> {
    this.connection.dispose();
    if (!this.exited) this.process.stdin.end();
    if (await this.closesWithin(STOP_DEADLINE_MS)) return;
    console.warn(`language server ${this.process.pid} still running ${STOP_DEADLINE_MS} ms after its input closed: killed`);
    this.process.kill('SIGKILL');
    await withDeadline(this.closed, 'killed server gone');
  }

  /** Once the server has asked for its settings (clients that take workspace/configuration) and has them. */
  settingsAnswered(): Promise<void> {
    return withDeadline(this.settingsRead, 'the server asked for its settings');
  }

  /** Whether the process exits (and its pipes close) within `ms`. */
  closesWithin(ms: number): Promise<boolean> {
    return withDeadline(this.closed, 'server exited', ms).then(() => true, () => false);
  }

  get serverStderr(): string {
    return this.stderr;
  }

  get alive(): boolean {
    return !this.exited;
  }

  private get exited(): boolean {
    return this.process.exitCode !== null || this.process.signalCode !== null;
  }
}

function withDeadline<T>(promise: Promise<T>, what: string, ms = DEADLINE_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms waiting for: ${what}`)), ms); });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}
