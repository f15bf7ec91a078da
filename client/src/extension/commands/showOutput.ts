import type { EditingSide } from '../extensionRuntime';

export const showOutput = ({ scope }: EditingSide) => () => scope.log.show(true);
