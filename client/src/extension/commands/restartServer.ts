import type { EditingSide } from '../extensionRuntime';

export const restartServer = ({ scope, host }: EditingSide) => async () => {
  scope.log.info('Restarting the language server');
  await host.restart();
};
