import * as vscode from 'vscode';
import type { CommandContext } from './commandContext';

export const refreshProperties = ({ catalog }: CommandContext) => () =>
  vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t("Fetching the portal's contact properties"), cancellable: true },
    (_progress, cancellation) => {
      const abort = new AbortController();
      cancellation.onCancellationRequested(() => abort.abort());
      return catalog.refresh(true, abort.signal);
    },
  );
