// The Request History's commands: open a recorded answer in the response view, copy the request as
// curl (the token as $HUBSPOT_ACCESS_TOKEN), open the file it was sent from, clear the history.
import * as vscode from 'vscode';
import { entryLabel } from '../../history/historyDays';
import type { HistoryEntry } from '../../history/historyEntry';
import { curlCommand, historyDocumentText } from '../../history/historyText';
import type { JsonAttempt } from '../../hubspot/hubspotClient';
import type { HttpRequest } from '../../hubspot/httpRequest';
import type { HistoryNode } from '../views/historyView';
import type { CommandContext } from './commandContext';
import { connectionWithToken, trustedForSending } from './connectionPrompt';
import { confirmedSend } from './sendContact';

export const openHistoryEntry = ({ services }: CommandContext) => async (node?: HistoryNode) => {
  if (node?.kind !== 'entry') return undefined;
  const { entry } = node;
  return services.responses.showText(`${entryLabel(entry).replaceAll('/', '-')} ${entry.id}`, historyDocumentText(entry));
};

/** Returns the command it copied, for scripts and tests. */
export const copyHistoryAsCurl = () => async (node?: HistoryNode) => {
  if (node?.kind !== 'entry') return undefined;
  const command = curlCommand(node.entry);
  await vscode.env.clipboard.writeText(command);
  void vscode.window.showInformationMessage(vscode.l10n.t('Copied as curl. It reads the token from $HUBSPOT_ACCESS_TOKEN: export it in your shell first.'));
  return command;
};

export const revealHistorySource = () => async (node?: HistoryNode) => {
  if (node?.kind !== 'entry' || node.entry.source === undefined) return;
  await vscode.window.showTextDocument(vscode.Uri.parse(node.entry.source), { preview: true });
};

const METHODS: readonly HttpRequest['method'][] = ['GET', 'POST', 'PATCH'];

/**
 * Sends a recorded request again, as it was, to the account it went to — only while that is the
 * active account at the same host, whose token it then carries — after the same confirmation as a new send.
 * The answer opens in the response view (and is recorded, as every request is).
 */
export const resendHistoryEntry = ({ services }: CommandContext) => async (node?: HistoryNode) => {
  if (node?.kind !== 'entry' || !trustedForSending()) return undefined;
  const { entry } = node;
  const method = METHODS.find((known) => known === entry.method);
  if (method === undefined || entry.requestBody?.truncatedFromBytes !== undefined) {
    void vscode.window.showErrorMessage(method === undefined
      ? vscode.l10n.t('A {0} request is not sent again.', entry.method)
      : vscode.l10n.t("This request's body was cut in the history (it was {0} bytes): it cannot be sent again as it was.", String(entry.requestBody?.truncatedFromBytes)));
    return undefined;
  }
  const connection = await connectionWithToken(() => services.connection.clientForCurrentSettings());
  if (!connection) return undefined;
  const url = new URL(entry.url);
  if (url.origin !== connection.baseUrl.origin || entry.account !== connection.account.name) {
    void vscode.window.showErrorMessage(vscode.l10n.t(
      'This request went to the account {0} ({1}), and requests go to {2} ({3}) now: it is sent again only where it went — switch to that account first.',
      String(entry.account), url.host, connection.account.name, connection.baseUrl.host,
    ));
    return undefined;
  }
  const request = `${entry.method} ${entry.url}\n${vscode.l10n.t('(first sent {0}, answered {1})', entry.at, String(entry.answer))}`;
  if (!(await confirmedSend(services, connection, vscode.l10n.t('Send this request to HubSpot again?'), request))) return undefined;
  const startedAt = Date.now();
  const attempt = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Sending {0} {1} again', entry.method, url.pathname), cancellable: true }, (_progress, cancellation) => {
    const abort = new AbortController();
    cancellation.onCancellationRequested(() => abort.abort());
    return connection.client.requestJson(method, url.pathname + url.search, entry.requestBody?.text, { signal: abort.signal, source: entry.source });
  });
  return services.responses.showText(`${entryLabel(entry).replaceAll('/', '-')} again ${entry.id}`, historyDocumentText(resent(entry, attempt, startedAt)));
};

/** The answer to a request sent again, in the form of a history entry, for the response view. */
function resent(entry: HistoryEntry, attempt: JsonAttempt, startedAt: number): HistoryEntry {
  const answered = attempt.kind === 'response';
  return {
    ...entry,
    at: new Date(startedAt).toISOString(),
    status: answered ? attempt.status : undefined,
    answer: answered ? String(attempt.status) : attempt.kind === 'cancelled' ? 'cancelled' : `no answer: ${attempt.message}`,
    durationMs: attempt.kind === 'cancelled' ? Date.now() - startedAt : attempt.durationMs,
    correlationId: answered ? attempt.correlationId : undefined,
    retries: 0,
    responseBody: answered && attempt.body !== undefined ? { text: typeof attempt.body === 'string' ? attempt.body : JSON.stringify(attempt.body) } : undefined,
  };
}

export const clearHistory = ({ history }: CommandContext) => () => history.clear();

/**
 * Loads the extension (which the view's welcome button needs first) and lists the history again.
 * Returns the history's file and its entries, oldest first, for scripts and tests.
 */
export const refreshHistory = ({ history }: CommandContext) => async () => {
  history.refresh();
  return { file: history.path, entries: await history.entries() };
};
