import type { ExtensionScope } from '../extensionContext';

export const showOutput = (scope: ExtensionScope) => () => scope.log.show(true);
