// Every request the extension makes — single sends, seed-set batches, portal reads — kept with its
// answer in the extension's global storage (history/requests.jsonl, historyStore.ts), never the token:
// the client hands over records it has scrubbed. Bounded by contactPayloads.history.maxEntries and
// maxMegabytes, oldest first out; maxEntries 0 keeps none.
import * as vscode from 'vscode';
import { historyEntry, MAX_HISTORY_BODY_BYTES, type HistoryEntry } from '../../history/historyEntry';
import { openHistoryStore, type HistoryBounds, type HistoryStore } from '../../history/historyStore';
import type { RequestRecord } from '../../hubspot/requestRecord';
import { readNumberSetting } from '../configuration';

export class RequestHistory implements vscode.Disposable {
  private readonly store: HistoryStore;
  private readonly changed = new vscode.EventEmitter<void>();
  /** An entry was added, or the history cleared. */
  readonly onDidChange = this.changed.event;
  private failedOnce = false;

  constructor(
    globalStorage: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.store = openHistoryStore(vscode.Uri.joinPath(globalStorage, 'history', 'requests.jsonl').fsPath, historyBounds);
  }

  /** The client's record sink: `account` names where the request went. */
  record(record: RequestRecord, account: string): void {
    if (historyBounds().maxEntries === 0) return;
    this.store.add(historyEntry(record, account, MAX_HISTORY_BODY_BYTES)).then(
      () => this.changed.fire(),
      (error: unknown) => {
        // A full disk must not turn every send into an error; it is said once in the log.
        if (this.failedOnce) return;
        this.failedOnce = true;
        this.log.warn(`The request history could not be written (${this.store.path}): ${error instanceof Error ? error.message : String(error)}`);
      },
    );
  }

  /** The file the history is kept in. */
  get path(): string {
    return this.store.path;
  }

  entries(): Promise<HistoryEntry[]> {
    return this.store.entries();
  }

  /** Tells the views to list the history again. */
  refresh(): void {
    this.changed.fire();
  }

  async clear(): Promise<void> {
    await this.store.clear();
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function historyBounds(): HistoryBounds {
  return { maxEntries: readNumberSetting('history.maxEntries'), maxBytes: readNumberSetting('history.maxMegabytes') * 1024 * 1024 };
}
