// The server's entry, one bundle for both hosts. In a web worker (VS Code for the Web) it speaks over
// the worker's messages (vscode-languageserver/browser); in Node over IPC (VS Code) or `--stdio` (any
// LSP editor: `node dist/server.js --stdio`). Each transport is loaded only in the host it runs in: the
// Node one needs Node's modules, which a worker has not.
import type { Connection } from 'vscode-languageserver';
import type { BrowserMessageReader } from 'vscode-languageserver/browser';
import { startServer } from './server';

declare const WorkerGlobalScope: unknown;
/** The worker's global scope, as the message reader and writer take it. */
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

async function connect(): Promise<Connection> {
  if (typeof WorkerGlobalScope !== 'undefined') {
    const { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } = await import('vscode-languageserver/browser');
    return createConnection(ProposedFeatures.all, new BrowserMessageReader(self), new BrowserMessageWriter(self));
  }
  const { createConnection, ProposedFeatures } = await import('vscode-languageserver/node');
  return createConnection(ProposedFeatures.all);
}

void connect().then(startServer);
