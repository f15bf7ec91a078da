// Diagnostics, pulled or pushed. VS Code pulls (textDocument/diagnostic); many editors only understand
// publishDiagnostics, so the server pushes to clients that do not advertise pull support.
import { DocumentDiagnosticReportKind, type DocumentDiagnosticReport } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type Finding, type ParsedDocument, validate } from '../service';
import { CheckFailureLog } from './checkFailureLog';
import type { ServerContext } from './context';

/** Documents up to this size are validated on the next turn of the event loop; larger ones wait a little. */
const IMMEDIATE_SIZE = 256 * 1024;
const MAX_DEBOUNCE_MS = 250;
/** Documents pulled before they were opened, remembered until they open. */
const MAX_PULLED_BEFORE_OPEN = 1000;

export interface DiagnosticsHandler {
  /** Everything open must be checked again (settings or catalog changed). */
  revalidateAll(): void;
}

/** Findings that come from outside the document's own rules (what HubSpot answered when it was sent). */
export type ExtraFindings = (uri: string, payload: ParsedDocument) => Finding[];

export function registerDiagnostics(ctx: ServerContext, extraFindings: ExtraFindings): DiagnosticsHandler {
  const { connection, documents } = ctx;
  const failures = new CheckFailureLog((message) => connection.console.error(message));
  const diagnose = (document: TextDocument) => {
    const payload = ctx.cache.payloadOf(document);
    return validate(document, payload, ctx.catalog(), ctx.settings(), payload ? extraFindings(document.uri, payload) : [], failures.report);
  };

  // Pull mode: each report carries an id of what it was computed from (the document as opened, its
  // version, and the settings, catalog and HubSpot answers in force). VS Code pulls again when an editor
  // comes back into view; with the same id the answer is "unchanged", not another validation.
  let generation = 0;
  let opens = 0;
  const openedAs = new Map<string, number>();
  const resultIdOf = (document: TextDocument) => `${openedAs.get(document.uri) ?? 0}.${document.version}.${generation}`;
  // vscode-languageclient can pull for a document before its didOpen reaches us (for the documents
  // open as it starts: vscode-languageserver-node#1717), and it does not pull again when the didOpen
  // follows: without a refresh once it is open, the file would show no problems until its first edit.
  const pulledBeforeOpen = new Set<string>();
  const rememberPulledBeforeOpen = (uri: string) => {
    // A client that pulls for documents it never opens must not grow this without end.
    if (pulledBeforeOpen.size >= MAX_PULLED_BEFORE_OPEN) pulledBeforeOpen.delete(pulledBeforeOpen.values().next().value as string);
    pulledBeforeOpen.add(uri);
  };
  // Only to a client that said it takes the request: another answers with an error, and a rejection
  // nobody handles ends a Node process.
  const refreshPulled = () => {
    if (!ctx.client().diagnosticRefresh) return;
    connection.languages.diagnostics.refresh().catch((error: unknown) => connection.console.error(`Asking the client to pull diagnostics again failed: ${error instanceof Error ? error.message : String(error)}`));
  };
  connection.languages.diagnostics.on((params): DocumentDiagnosticReport => {
    const document = documents.get(params.textDocument.uri);
    if (!document) {
      rememberPulledBeforeOpen(params.textDocument.uri);
      return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    }
    const resultId = resultIdOf(document);
    if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items: diagnose(document) };
  });

  // Push mode: debounced per document, and a run only publishes for the version it validated.
  const pending = new Map<string, () => void>();
  const lastCostMs = new Map<string, number>();
  const cancel = (uri: string) => {
    pending.get(uri)?.();
    pending.delete(uri);
  };
  const publish = (uri: string) => {
    pending.delete(uri);
    const document = documents.get(uri);
    if (!document) return;
    const started = performance.now();
    let diagnostics;
    try {
      diagnostics = diagnose(document);
    } catch (error) {
      // Outside any request, nothing else would catch this: it would end the server.
      connection.console.error(`Validating ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return;
    }
    lastCostMs.set(uri, performance.now() - started);
    if (documents.get(uri)?.version !== document.version) return; // a newer version is already scheduled
    void connection.sendDiagnostics({ uri, version: document.version, diagnostics });
  };
  const schedule = (document: TextDocument) => {
    if (ctx.client().pullDiagnostics) return;
    cancel(document.uri);
    const delay = document.getText().length <= IMMEDIATE_SIZE ? 0 : Math.min(MAX_DEBOUNCE_MS, lastCostMs.get(document.uri) ?? MAX_DEBOUNCE_MS);
    pending.set(document.uri, delay === 0 ? soon(() => publish(document.uri)) : later(() => publish(document.uri), delay));
  };

  documents.onDidOpen((e) => {
    openedAs.set(e.document.uri, ++opens);
    schedule(e.document);
    if (pulledBeforeOpen.delete(e.document.uri)) refreshPulled();
  });
  documents.onDidChangeContent((e) => schedule(e.document));
  documents.onDidClose((e) => {
    cancel(e.document.uri);
    pulledBeforeOpen.delete(e.document.uri);
    lastCostMs.delete(e.document.uri);
    openedAs.delete(e.document.uri);
    ctx.cache.forget(e.document.uri);
    if (!ctx.client().pullDiagnostics) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  return {
    revalidateAll() {
      generation++;
      if (ctx.client().pullDiagnostics) refreshPulled();
      else for (const document of documents.all()) schedule(document);
    },
  };
}

/** Runs `task` once the event loop is free — setImmediate in Node, a zero timeout in a web worker, which has no setImmediate — and returns what cancels it. */
function soon(task: () => void): () => void {
  if (typeof setImmediate !== 'function') return later(task, 0);
  const handle = setImmediate(task);
  return () => clearImmediate(handle);
}

function later(task: () => void, delayMs: number): () => void {
  const handle = setTimeout(task, delayMs);
  return () => clearTimeout(handle);
}
