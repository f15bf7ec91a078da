import type { ExtensionScope } from '../extensionContext';
import type { LanguageServerHost } from '../languageServer/languageServerHost';

export const restartServer = (host: LanguageServerHost) => (scope: ExtensionScope) => async () => {
  scope.log.info('Restarting the language server');
  await host.restart();
};
