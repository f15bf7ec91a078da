import type { CommandContext } from './commandContext';

export const showOutput = ({ scope }: CommandContext) => () => scope.log.show(true);
