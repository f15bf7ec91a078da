// The language server for `*.contact.json` and batch files (`*.contacts.json`): wires a connection
// to the handlers, nothing else. The connection is made by the entry of the host it runs in (main.ts).
import { CodeActionKind, TextDocuments, TextDocumentSyncKind, type Connection, type InitializeResult } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CatalogStore } from './handlers/catalog';
import { registerCheckText } from './handlers/checkText';
import { registerCodeActions } from './handlers/codeActions';
import { registerCompletion } from './handlers/completion';
import type { ClientFeatures, ServerContext } from './handlers/context';
import { registerDiagnostics, type ExtraFindings } from './handlers/diagnostics';
import { DocumentCache } from './handlers/documentCache';
import { registerHover } from './handlers/hover';
import { HubSpotRejections } from './handlers/hubspotRejections';
import { registerPayloadSummary } from './handlers/payloadSummary';
import { registerReadSeedFiles } from './handlers/readSeedFiles';
import { withWholeRange } from './handlers/positions';
import { SettingsStore } from './handlers/settingsStore';
import { registerSymbols } from './handlers/symbols';
import { version } from '../../package.json';
import { SETTINGS_SECTION } from './protocol';
import { DIAGNOSTIC_SOURCE } from './service';

export function startServer(connection: Connection): void {
  // An edit whose range is not whole numbers applies at the whole positions before it, as a request's position does.
  const documents = new TextDocuments({
    create: TextDocument.create,
    update: (document, changes, version) => TextDocument.update(document, changes.map(withWholeRange), version),
  });
  const settings = new SettingsStore();
  const cache = new DocumentCache(() => settings.get());
  let client: ClientFeatures = { pullDiagnostics: false, diagnosticRefresh: false, snippets: false, configurationRequests: false };
  const catalog = new CatalogStore();

  const ctx: ServerContext = { connection, documents, cache, client: () => client, settings: () => settings.get(), catalog: () => catalog.get() };

  connection.onInitialize((params): InitializeResult => {
    const text = params.capabilities.textDocument;
    client = {
      pullDiagnostics: text?.diagnostic !== undefined,
      diagnosticRefresh: params.capabilities.workspace?.diagnostics?.refreshSupport === true,
      snippets: text?.completion?.completionItem?.snippetSupport === true,
      configurationRequests: params.capabilities.workspace?.configuration === true,
    };
    settings.setFrom((params.initializationOptions as Record<string, unknown> | undefined)?.[SETTINGS_SECTION]);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: ['"', ':', ';', '{', ','] },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite] },
        documentSymbolProvider: { label: 'Contact payload' },
        // The identifier names VS Code's diagnostic collection for our reports. Without one the name
        // is generated from a counter each extension host starts anew, so in a web worker host beside
        // a remote one (code-server) ours could share it with a collection of the other host (the
        // JSON extension reports on the same file), and the last to write wins: our problems were
        // gone in about 4 starts of 10.
        ...(client.pullDiagnostics ? { diagnosticProvider: { identifier: DIAGNOSTIC_SOURCE, interFileDependencies: false, workspaceDiagnostics: false } } : {}),
      },
      serverInfo: { name: 'contact-payloads', version },
    };
  });

  const rejections = new HubSpotRejections();
  const rejectedFindings: ExtraFindings = (uri, payload) => rejections.findingsFor(uri, payload);
  const diagnostics = registerDiagnostics(ctx, rejectedFindings);
  rejections.listen(ctx, () => diagnostics.revalidateAll());
  catalog.listen(ctx, () => diagnostics.revalidateAll());
  registerCompletion(ctx);
  registerHover(ctx);
  registerCodeActions(ctx);
  registerSymbols(ctx);
  registerPayloadSummary(ctx);
  registerCheckText(ctx, rejectedFindings);
  registerReadSeedFiles(ctx);

  connection.onInitialized(async () => {
    if (!client.configurationRequests) return;
    await settings.fetch(ctx);
    cache.clear();
    diagnostics.revalidateAll();
  });
  settings.listen(ctx, () => {
    cache.clear();
    diagnostics.revalidateAll();
  });

  documents.listen(connection);
  connection.listen();
}
