// Desktop VS Code: the server runs as a Node process over IPC, and HubSpot is reached over undici. Both
// are loaded through dynamic imports: dist/clientMain.js is also the web build, whose worker must never
// evaluate Node's modules.
import type { ExtensionRuntime } from '../extensionRuntime';
import { SERVER_NODE_FLAGS } from '../../../../server/src/launch';
import { LANGUAGE_CLIENT_ID, LANGUAGE_CLIENT_NAME, SERVER_BUNDLE } from '../languageServer/languageClient';

export const nodeRuntime: ExtensionRuntime = {
  async createLanguageClient(context, clientOptions) {
    const { LanguageClient, TransportKind } = await import('vscode-languageclient/node');
    const module = context.asAbsolutePath(SERVER_BUNDLE);
    const serverOptions = {
      run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS] } },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6009'] } },
    };
    return new LanguageClient(LANGUAGE_CLIENT_ID, LANGUAGE_CLIENT_NAME, serverOptions, clientOptions);
  },
  startHubSpotSide: async (editing) => (await import('../sendingSide')).startSending(editing),
};
