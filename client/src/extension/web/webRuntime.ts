// VS Code for the Web (vscode.dev, github.dev, code-server's web worker host): the server runs in a web
// worker, and HubSpot cannot be reached — its API answers no cross-origin request carrying a token
// (docs/web.md) — so the send, account and history commands explain that instead.
import * as vscode from 'vscode';
import type { ExtensionRuntime } from '../extensionRuntime';
import { LANGUAGE_CLIENT_ID, LANGUAGE_CLIENT_NAME, SERVER_BUNDLE } from '../languageServer/languageClient';
import { explainNoSendingOnTheWeb } from './noSendingOnTheWeb';

/** A dedicated worker, as much of it as is used here (the project's types have no DOM). */
interface ServerWorker {
  postMessage(message: unknown): void;
  terminate(): void;
}
declare const Worker: new (url: string, options?: { name?: string }) => ServerWorker;

export const webRuntime: ExtensionRuntime = {
  async createLanguageClient(context, clientOptions) {
    const { LanguageClient, BrowserMessageReader, BrowserMessageWriter } = await import('vscode-languageclient/browser');
    const script = vscode.Uri.joinPath(context.extensionUri, SERVER_BUNDLE);
    // A new worker for each start: a stopped server has closed its worker, so a restart cannot reuse it.
    let worker: ServerWorker | undefined;
    const connectToNewServer = async () => {
      worker?.terminate();
      worker = await serverWorker(script);
      return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
    };
    const client = new LanguageClient(LANGUAGE_CLIENT_ID, LANGUAGE_CLIENT_NAME, connectToNewServer, clientOptions);
    return Object.assign(client, {
      async restart() {
        await client.stop();
        await client.start();
      },
    });
  },
  startHubSpotSide: explainNoSendingOnTheWeb,
};

/**
 * The server's worker, from the script's own address where the host allows it (vscode.dev serves
 * extensions over https); code-server refuses workers of remote extensions ("Creating workers from
 * remote extensions is currently not supported") but lets the extension fetch its files, so there the
 * worker runs the fetched text from a blob.
 */
async function serverWorker(script: vscode.Uri): Promise<ServerWorker> {
  const name = LANGUAGE_CLIENT_NAME;
  try {
    return new Worker(script.toString(true), { name });
  } catch {
    const response = await fetch(script.toString(true));
    if (!response.ok) throw new Error(`the language server's script could not be read (${response.status} from ${script.toString(true)})`);
    return new Worker(URL.createObjectURL(new Blob([await response.text()], { type: 'application/javascript' })), { name });
  }
}
