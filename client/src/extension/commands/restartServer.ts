import type { CommandContext } from './commandContext';

export const restartServer = ({ scope, host }: CommandContext) => async () => {
  scope.log.info('Restarting the language server');
  await host.restart();
};
