// The language server bundle (dist/server.js) in a web worker of a real browser (headless Chromium),
// as VS Code for the Web would run it: loaded from an http URL, speaking LSP over the worker's
// messages. It must answer exactly as the same bundle does in Node over stdio: the diagnostics of a
// bad file with their ranges and codes, a completion list, a hover, a quick fix. The worker's script
// comes with a Content-Security-Policy without 'unsafe-eval', as some web hosts serve extensions: the
// schema validators are compiled at build time, and nothing in the bundle may eval. Needs .ci/install-e2e.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { CompletionList, Diagnostic, Hover, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { CLIENT_PROFILES, LspTestClient, SERVER_BUNDLE } from '../lsp/lspClient';
import { launchBrowser } from './harness/browser';
import { BAD_CONTACT } from './harness/fixtures';
import { assertE2eInstalled, requireFile } from './harness/paths';
import { freshProfile } from './harness/profile';

const URI = 'file:///work/bad.contact.json';
const WAIT_MS = 20_000;
/** Inside the property name "lifecyclestage" of BAD_CONTACT: property-name completion and the property's hover are asked there. */
const NAME_POSITION = (() => {
  const lines = BAD_CONTACT.split('\n');
  const line = lines.findIndex((text) => text.includes('"lifecyclestage"'));
  return { line, character: lines[line].indexOf('"lifecyclestage"') + 1 };
})();

/** A worker script's policy that allows scripts from the page's origin and no eval or `new Function`. */
const NO_EVAL_POLICY = "script-src 'self'";
const EVAL_PROBE = "try { eval('1'); postMessage('allowed'); } catch (error) { postMessage(error.name); }";

/** A page on 127.0.0.1 that starts the server in a worker and keeps every message it sends. */
async function serve(): Promise<{ url: string; close: () => Promise<void> }> {
  // The page's own script: the worker, what it sent, what it threw; and whether a worker under the same
  // policy may eval (it must not, or the policy proves nothing).
  const page = `<!doctype html><meta charset="utf-8"><title>server in a worker</title><script>
    const probe = new Worker('/eval-probe.js');
    probe.onmessage = (event) => { window.evalInWorker = event.data; };
    const worker = new Worker('/server.js');
    window.lsp = { messages: [], errors: [], send: (message) => worker.postMessage(message) };
    worker.onmessage = (event) => window.lsp.messages.push(event.data);
    worker.onerror = (event) => window.lsp.errors.push(event.message);
  </script>`;
  const server = http.createServer((request, response) => {
    if (request.url === '/server.js' || request.url === '/eval-probe.js') {
      response.writeHead(200, { 'content-type': 'text/javascript', 'content-security-policy': NO_EVAL_POLICY });
      response.end(request.url === '/server.js' ? fs.readFileSync(SERVER_BUNDLE) : EVAL_PROBE);
      return;
    }
    response.writeHead(request.url === '/' ? 200 : 404, { 'content-type': 'text/html' });
    response.end(request.url === '/' ? page : '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** What the page's script keeps on `window.lsp`. */
interface PageLsp {
  readonly messages: unknown[];
  readonly errors: string[];
  send(message: unknown): void;
}

/** A JSON-RPC message from the worker: an answer (id, result or error) or a notification (method, params). */
interface WorkerMessage {
  readonly id?: number;
  readonly method?: string;
  readonly params?: unknown;
  readonly result?: unknown;
  readonly error?: unknown;
}

/** JSON-RPC to the worker through the page: requests answered by id, notifications kept. */
class WorkerLsp {
  private nextId = 1;
  constructor(private readonly page: Page) {}

  notify(method: string, params: unknown): Promise<void> {
    return this.page.evaluate((message) => (globalThis as unknown as { lsp: PageLsp }).lsp.send(message), { jsonrpc: '2.0', method, params });
  }

  async request<T>(method: string, params: unknown): Promise<T> {
    const id = this.nextId++;
    await this.page.evaluate((message) => (globalThis as unknown as { lsp: PageLsp }).lsp.send(message), { jsonrpc: '2.0', id, method, params });
    const answer = await this.waitFor((message) => message.id === id && !('method' in message), `the answer to ${method}`);
    assert.equal(answer.error, undefined, `${method} failed: ${JSON.stringify(answer.error)}`);
    return answer.result as T;
  }

  /** The first message the worker sent that `accept` takes, waiting for it. */
  async waitFor(accept: (message: WorkerMessage) => boolean, what: string): Promise<WorkerMessage> {
    for (;;) {
      // One snapshot: what is searched is what is counted, so a message arriving in between is not missed.
      const { messages, errors } = await this.page.evaluate(() => {
        const lsp = (globalThis as unknown as { lsp: PageLsp }).lsp;
        return { messages: [...lsp.messages], errors: [...lsp.errors] };
      });
      assert.deepEqual(errors, [], 'the worker threw');
      const found = (messages as WorkerMessage[]).find(accept);
      if (found) return found;
      // Woken by the next message, not by a timer: fails at the deadline if none comes.
      await this.page.waitForFunction((seen) => (globalThis as unknown as { lsp: PageLsp }).lsp.messages.length > seen, messages.length, { timeout: WAIT_MS })
        .catch((error: unknown) => { throw new Error(`no ${what} from the worker within ${WAIT_MS} ms`, { cause: error }); });
    }
  }
}

/** What the same bundle answers in Node over stdio, for the same client capabilities. */
async function answersInNode(): Promise<{ diagnostics: Diagnostic[]; completion: string[]; hover: Hover | null }> {
  const client = await LspTestClient.start(CLIENT_PROFILES.pushPlainText);
  try {
    await client.open(URI, BAD_CONTACT);
    const { diagnostics } = await client.pushedDiagnostics(URI, (params) => params.diagnostics.length > 0);
    const completion = await client.connection.sendRequest<CompletionList>('textDocument/completion', { textDocument: { uri: URI }, position: NAME_POSITION });
    const hover = await client.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: URI }, position: NAME_POSITION });
    assert.ok(hover !== null && diagnostics.length >= 2 && completion.items.length > 0, 'the Node server answers every question the worker is asked');
    return { diagnostics, completion: completion.items.map((item) => item.label).sort(), hover };
  } finally {
    await client.stop();
  }
}

void test('the language server runs in a browser web worker that may not eval and answers as it does in Node: diagnostics with their ranges, completion, hover, a quick fix', { timeout: 120_000 }, async () => {
  assertE2eInstalled();
  requireFile(SERVER_BUNDLE, 'the server bundle', 'run `npm run build` first');
  const expected = await answersInNode();
  const site = await serve();
  let browser: Browser | undefined;
  try {
    browser = await launchBrowser(freshProfile('web-worker-server'));
    const page = await browser.newPage();
    await page.goto(site.url);
    const lsp = new WorkerLsp(page);
    await page.waitForFunction(() => 'evalInWorker' in globalThis, undefined, { timeout: WAIT_MS });
    assert.equal(await page.evaluate(() => (globalThis as unknown as { evalInWorker: string }).evalInWorker), 'EvalError', "the worker's policy forbids eval");
    const initialized = await lsp.request<{ capabilities: Record<string, unknown>; serverInfo?: { name: string } }>('initialize', { processId: null, rootUri: null, capabilities: CLIENT_PROFILES.pushPlainText });
    assert.equal(initialized.serverInfo?.name, 'contact-payloads');
    assert.ok(initialized.capabilities.completionProvider && initialized.capabilities.hoverProvider && initialized.capabilities.codeActionProvider, JSON.stringify(initialized.capabilities));
    await lsp.notify('initialized', {});
    await lsp.notify('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'json', version: 1, text: BAD_CONTACT } });
    const published = await lsp.waitFor((message) => message.method === 'textDocument/publishDiagnostics' && (message.params as PublishDiagnosticsParams).uri === URI && (message.params as PublishDiagnosticsParams).diagnostics.length > 0, 'diagnostics of the bad file');
    const { diagnostics } = published.params as PublishDiagnosticsParams;
    assert.deepEqual(diagnostics, expected.diagnostics, 'the same diagnostics, ranges and codes as in Node');
    assert.ok(diagnostics.some((diagnostic) => diagnostic.code === 'invalid-email'), JSON.stringify(diagnostics));

    const completion = await lsp.request<CompletionList>('textDocument/completion', { textDocument: { uri: URI }, position: NAME_POSITION });
    assert.deepEqual(completion.items.map((item) => item.label).sort(), expected.completion);
    assert.ok(completion.items.some((item) => item.label === 'firstname'), 'the property names of the catalog');
    assert.deepEqual(await lsp.request<Hover | null>('textDocument/hover', { textDocument: { uri: URI }, position: NAME_POSITION }), expected.hover);

    const invalidOption = diagnostics.find((diagnostic) => diagnostic.code === 'invalid-option');
    assert.ok(invalidOption, 'the label given for an option value is flagged');
    const actions = await lsp.request<{ title: string; edit?: unknown }[]>('textDocument/codeAction', { textDocument: { uri: URI }, range: invalidOption.range, context: { diagnostics: [invalidOption] } });
    assert.ok(actions.some((action) => /option value 'lead'/.test(action.title) && action.edit !== undefined), `a quick fix: ${actions.map((action) => action.title).join(' | ')}`);
  } finally {
    await browser?.close().catch(() => undefined);
    await site.close();
  }
});
