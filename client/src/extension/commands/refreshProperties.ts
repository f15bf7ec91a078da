import * as vscode from 'vscode';
import type { PortalCatalog } from '../hubspot/portalCatalog';

export const refreshProperties = (catalog: PortalCatalog) => () => () =>
  vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: "Fetching the portal's contact properties", cancellable: true },
    (_progress, cancellation) => {
      const abort = new AbortController();
      cancellation.onCancellationRequested(() => abort.abort());
      return catalog.refresh(true, abort.signal);
    },
  );
