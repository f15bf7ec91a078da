// What the in-editor tests share: event-driven waits with a deadline (never a sleep), the fixture
// files, the sandbox the launcher started, and the response view. Bundled into each test file.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { SANDBOX_TOKEN_VARIABLE, SANDBOX_URL_VARIABLE } from './env';

export const EXTENSION_ID = 'contact-payloads.contact-payloads';
export const SOURCE = 'contact-payloads';
export const RESPONSE_SCHEME = 'contact-payloads-response';
/** How long any single wait for VS Code or the language server may take. */
export const WAIT_MS = 20_000;

/** The fields of the extension's ContactOutcome the tests read (the command returns the whole outcome). */
export interface Outcome {
  readonly kind: string;
  readonly status: number | undefined;
  readonly summary: string;
  readonly vid?: number;
}

/**
 * Resolves once `accept(value)` returns a value other than undefined, checked now and on each of
 * `events`; rejects with `what()` at the deadline. Subscribes before checking, so nothing is missed.
 */
export function waitFor<T>(events: readonly vscode.Event<unknown>[], accept: () => T | undefined, what: () => string, timeoutMs = WAIT_MS): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const subscriptions: vscode.Disposable[] = [];
    const done = (): void => {
      clearTimeout(timer);
      for (const subscription of subscriptions) subscription.dispose();
    };
    const check = (): void => {
      let value: T | undefined;
      try {
        value = accept();
      } catch (error) {
        done();
        reject(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      if (value !== undefined) {
        done();
        resolve(value);
      }
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`${what()} (waited ${timeoutMs} ms)`));
    }, timeoutMs);
    for (const event of events) subscriptions.push(event(check));
    check();
  });
}

/** The document's diagnostics from our server once `accept` takes them (on `onDidChangeDiagnostics`). */
export function diagnosticsFor(uri: vscode.Uri, accept: (diagnostics: readonly vscode.Diagnostic[]) => boolean, timeoutMs = WAIT_MS): Promise<vscode.Diagnostic[]> {
  return diagnosticsWhere(uri, accept, 'what the test waits for', timeoutMs, (d) => d.source === SOURCE);
}

/** The document's diagnostics, from every source unless `from` picks some, once `accept` takes them. */
export function diagnosticsWhere(
  uri: vscode.Uri,
  accept: (diagnostics: readonly vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = WAIT_MS,
  from: (diagnostic: vscode.Diagnostic) => boolean = () => true,
): Promise<vscode.Diagnostic[]> {
  const current = (): vscode.Diagnostic[] => vscode.languages.getDiagnostics(uri).filter(from);
  return waitFor(
    [vscode.languages.onDidChangeDiagnostics],
    () => {
      const diagnostics = current();
      return accept(diagnostics) ? diagnostics : undefined;
    },
    () => `the diagnostics of ${vscode.workspace.asRelativePath(uri)} never became ${what}; they are: ${JSON.stringify(current().map(describeDiagnostic))}`,
    timeoutMs,
  );
}

/** An open document once `accept` takes it, checked on every open and change of a document. */
export function documentWhere(accept: (document: vscode.TextDocument) => boolean, what: string, timeoutMs = WAIT_MS): Promise<vscode.TextDocument> {
  return waitFor(
    [vscode.workspace.onDidOpenTextDocument, vscode.workspace.onDidChangeTextDocument],
    () => vscode.workspace.textDocuments.find(accept),
    () => `no open document became ${what}`,
    timeoutMs,
  );
}

/** The response view of `source` (scheme contact-payloads-response) once its text passes `accept`. */
export function responseDocument(source: vscode.Uri, accept: (text: string) => boolean, what: string): Promise<vscode.TextDocument> {
  const isResponse = (document: vscode.TextDocument): boolean => document.uri.scheme === RESPONSE_SCHEME && document.uri.query === source.toString();
  return documentWhere((document) => isResponse(document) && accept(document.getText()), `the response view of ${vscode.workspace.asRelativePath(source)} ${what}`).catch((error: unknown) => {
    const shown = vscode.workspace.textDocuments.filter(isResponse).map((document) => document.getText());
    throw new Error(`${error instanceof Error ? error.message : String(error)}; it shows: ${JSON.stringify(shown)}`);
  });
}

/** A workspace file, opened in an editor. */
export async function openFixture(name: string): Promise<{ uri: vscode.Uri; document: vscode.TextDocument; editor: vscode.TextEditor }> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the launcher opened a workspace folder');
  const uri = vscode.Uri.joinPath(folder.uri, name);
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document);
  return { uri, document, editor };
}

/** The position `offset` characters into the first occurrence of `needle` on or after line `fromLine`. */
export function positionOf(document: vscode.TextDocument, needle: string, offset = 0, fromLine = 0): vscode.Position {
  for (let line = fromLine; line < document.lineCount; line++) {
    const character = document.lineAt(line).text.indexOf(needle);
    if (character >= 0) return new vscode.Position(line, character + offset);
  }
  throw new Error(`${needle} is not in ${vscode.workspace.asRelativePath(document.uri)}`);
}

/** The range `needle` covers (its first occurrence). */
export function rangeOf(document: vscode.TextDocument, needle: string): vscode.Range {
  const start = positionOf(document, needle);
  return new vscode.Range(start, start.translate(0, needle.length));
}

export function codeOf(diagnostic: vscode.Diagnostic): string {
  const { code } = diagnostic;
  return String(typeof code === 'object' ? code.value : code);
}

export function describeDiagnostic(diagnostic: vscode.Diagnostic): string {
  const { start, end } = diagnostic.range;
  return `${start.line}:${start.character}-${end.line}:${end.character} ${vscode.DiagnosticSeverity[diagnostic.severity]} ${codeOf(diagnostic)} ${diagnostic.message}`;
}

/** The sandbox the launcher started; fails in one line when the suite runs without one. */
export function sandbox(): { url: string; token: string } {
  const url = process.env[SANDBOX_URL_VARIABLE];
  const token = process.env[SANDBOX_TOKEN_VARIABLE];
  if (!url || !token) {
    throw new Error(`${SANDBOX_URL_VARIABLE} and ${SANDBOX_TOKEN_VARIABLE} are not set: run the suite through test/vscode/exthost.test.ts or launch-electron.ts, which start the HubSpot sandbox`);
  }
  return { url, token };
}

/**
 * The account the upgrade made of the launcher's `contactPayloads.baseUrl` user setting, as it does
 * for a user of an earlier version: named after the sandbox's host.
 */
export function sandboxAccountName(): string {
  return new URL(sandbox().url).host;
}

/** The sandbox's portal (the sandbox's default). */
export const SANDBOX_PORTAL = 62515;

/** The CodeLens above a payload that names the active account, while it is the sandbox's (its portal known once its token was checked). */
export function sandboxAccountLens(): string {
  return `$(account) ${sandboxAccountName()} · ${SANDBOX_PORTAL}`;
}

/**
 * Makes the sandbox's account the active one and puts its token into SecretStorage the way a script
 * would: Replace Token with the token as its argument (the launcher confirms the box).
 */
export async function storeSandboxToken(): Promise<void> {
  assert.equal(await vscode.commands.executeCommand<boolean>('contactPayloads.switchAccount', sandboxAccountName()), true, 'the upgrade made the base URL setting an account');
  const stored = await vscode.commands.executeCommand<boolean>('contactPayloads.replaceToken', sandbox().token);
  assert.equal(stored, true, 'contactPayloads.replaceToken stored the token');
}

/** A request the sandbox logged (GET /__sandbox/requests; the Authorization header is never logged). */
export interface SandboxRequest {
  readonly method: string;
  readonly path: string;
  readonly route: string;
  readonly status: number | undefined;
  readonly bodyText: string;
}

export async function sandboxRequests(): Promise<SandboxRequest[]> {
  const response = await fetch(`${sandbox().url}/__sandbox/requests`);
  assert.equal(response.status, 200, 'the sandbox answers its control API');
  return (await response.json()) as SandboxRequest[];
}

/** Makes the sandbox answer the next matching request this way (POST /__sandbox/faults; see test/sandbox/faults.ts). */
export async function injectFault(fault: { route: string; status?: number; body?: unknown; headers?: Record<string, string>; delayMs?: number; times?: number }): Promise<void> {
  const response = await fetch(`${sandbox().url}/__sandbox/faults`, { method: 'POST', body: JSON.stringify(fault) });
  assert.equal(response.status, 204, 'the sandbox took the fault');
}

export function createContact(uri: vscode.Uri): Thenable<Outcome | undefined> {
  return vscode.commands.executeCommand<Outcome | undefined>('contactPayloads.createContact', uri);
}

export function updateContact(uri: vscode.Uri, vid?: number): Thenable<Outcome | undefined> {
  return vid === undefined
    ? vscode.commands.executeCommand<Outcome | undefined>('contactPayloads.updateContact', uri)
    : vscode.commands.executeCommand<Outcome | undefined>('contactPayloads.updateContact', uri, vid);
}

/** The CodeLens titles VS Code shows above the payload, resolved. */
export async function codeLensTitles(uri: vscode.Uri): Promise<string[]> {
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 10);
  return lenses.map((lens) => lens.command?.title ?? '(unresolved)');
}

/** Replaces the first `before` in the document with `after` as one workspace edit. */
export async function replaceText(document: vscode.TextDocument, before: string, after: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, rangeOf(document, before), after);
  assert.equal(await vscode.workspace.applyEdit(edit), true, `replaced ${before} with ${after}`);
}

export function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** VS Code's JSON extension, without a schema, proposes JSON literals copied from the file ("email", ""); ours are bare names and values. */
export function isBuiltInJson(item: vscode.CompletionItem): boolean {
  return labelOf(item).startsWith('"');
}
