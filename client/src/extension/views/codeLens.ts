// The account a send goes to ("Staging · 62515", click to switch), then "Create contact" · "Update vid
// 61574" above a v1 payload, "Update id 61574" above a CRM objects one, and "Send 1000 contacts…"
// above a batch file, in trusted workspaces. The server's summary says
// a single file's shape and saved id (`vid` in both); a batch file's contacts are counted from its
// JSON, once per version of the document.
import * as vscode from 'vscode';
import { PayloadSummaryRequest, type PayloadSummary } from '../../../../server/src/protocol';
import { plural } from '../../hubspot/format';
import { batchContacts } from '../../send/batchPayload';
import { isBatchFile } from '../../send/contactText';
import type { LanguageServerHost } from '../languageServer/languageServerHost';
import { accountTitle, type Account } from '../../accounts/account';
import type { AccountStore } from '../../accounts/accountStore';

export class SendCodeLenses implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly batchCounts = new WeakMap<vscode.TextDocument, { readonly version: number; readonly count: number | undefined }>();

  constructor(
    private readonly server: LanguageServerHost,
    private readonly accounts: AccountStore,
  ) {}

  /** Trust was granted, a send setting or the active account changed: ask VS Code for the lenses again. */
  refresh(): void {
    this.changed.fire();
  }

  async provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    if (!vscode.workspace.isTrusted) return [];
    const account = this.accounts.active()?.account;
    if (isBatchFile(document.uri.path)) return [accountLens(new vscode.Range(0, 0, 0, 0), account), this.batchLens(document)];
    const client = await this.server.ensureStarted();
    // VS Code cancels lens requests as the user types; a cancelled one simply has no lenses.
    const summary = await client.sendRequest(PayloadSummaryRequest, { uri: document.uri.toString() }, token).catch(() => null);
    if (!summary || token.isCancellationRequested) return [];
    const range = new vscode.Range(summary.line, 0, summary.line, 0);
    return [
      accountLens(range, account),
      new vscode.CodeLens(range, { title: vscode.l10n.t('Create contact'), command: 'contactPayloads.createContact', arguments: [document.uri] }),
      new vscode.CodeLens(range, { title: updateTitle(summary), command: 'contactPayloads.updateContact', arguments: [document.uri, ...(summary.vid !== undefined ? [summary.vid] : [])] }),
    ];
  }

  private batchLens(document: vscode.TextDocument): vscode.CodeLens {
    let counted = this.batchCounts.get(document);
    if (counted?.version !== document.version) {
      counted = { version: document.version, count: batchContacts(document.getText())?.length };
      this.batchCounts.set(document, counted);
    }
    return new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), { title: batchTitle(counted.count), command: 'contactPayloads.sendBatchFile', arguments: [document.uri] });
  }
}

function accountLens(range: vscode.Range, account: Account | undefined): vscode.CodeLens {
  return new vscode.CodeLens(range, account ? { title: accountLensTitle(account), command: 'contactPayloads.switchAccount' } : { title: `$(account) ${vscode.l10n.t('Add a HubSpot account…')}`, command: 'contactPayloads.addAccount' });
}

/** "$(account) Staging · 62515"; a production account's is marked. */
export function accountLensTitle(account: Pick<Account, 'name' | 'portal' | 'production'>): string {
  return `${accountIcon(account)} ${account.production ? vscode.l10n.t('{0} (production)', accountTitle(account)) : accountTitle(account)}`;
}

/** The icon that stands for an account wherever it is named: a warning for production. */
export function accountIcon(account: Pick<Account, 'production'>): string {
  return account.production ? '$(warning)' : '$(account)';
}

/** "Send 1000 contacts…"; "Send batch file…" while the file is not a batch the lens can count. */
export function batchTitle(count: number | undefined): string {
  return count === undefined ? vscode.l10n.t('Send batch file…') : vscode.l10n.t('Send {0}…', plural(count, 'contact', 'contacts'));
}

/** The update lens's title, in the words of the file's shape: v1 calls the id "vid". */
export function updateTitle(summary: PayloadSummary): string {
  const key = summary.shape === 'objects' ? 'id' : 'vid';
  return summary.vid !== undefined ? vscode.l10n.t('Update {0} {1}', key, summary.vid) : vscode.l10n.t('Update by {0}…', key);
}
