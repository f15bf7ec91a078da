// Owns the language client: starts it the first time a contact file is open (activation does no work
// that can wait), restarts it on request, stops it on deactivation.
import * as vscode from 'vscode';
import type { ExtensionScope } from '../extensionContext';
import type { LanguageClient } from './languageClient';
import { whenSeedDocumentOpen } from '../contactDocuments';

export class LanguageServerHost implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private starting: Promise<LanguageClient> | undefined;
  private readonly started = new vscode.EventEmitter<LanguageClient>();
  /** Fires each time the server is (re)started: whatever it was told before is gone. */
  readonly onDidStart = this.started.event;

  constructor(
    private readonly scope: ExtensionScope,
    private readonly activatedAt: number,
    /** Builds the client of this extension host's kind: the host's runtime knows how its server runs. */
    private readonly createClient: () => Promise<LanguageClient>,
  ) {}

  /** Starts the server now if a contact file is already open, otherwise as soon as one opens. */
  startWhenNeeded(): void {
    const waiting = whenSeedDocumentOpen(() => void this.ensureStarted());
    if (waiting) this.scope.track(waiting);
  }

  /** The running client, started if need be. */
  ensureStarted(): Promise<LanguageClient> {
    this.starting ??= this.start();
    return this.starting;
  }

  async restart(): Promise<void> {
    if (!this.client) {
      await this.ensureStarted();
      return;
    }
    await this.client.restart();
    this.started.fire(this.client);
  }

  async dispose(): Promise<void> {
    this.started.dispose();
    await this.client?.stop();
    this.client = undefined;
    this.starting = undefined;
  }

  private async start(): Promise<LanguageClient> {
    const started = performance.now();
    const client = await this.createClient();
    this.client = client;
    await client.start();
    const now = performance.now();
    this.scope.log.info(`Language server ready in ${Math.round(now - started)} ms (${Math.round(now - this.activatedAt)} ms after activation)`);
    this.started.fire(client);
    return client;
  }
}
