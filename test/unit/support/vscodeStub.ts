// Lets a unit test import modules of client/src/extension outside VS Code: the `vscode` module they
// import is resolved to a stand-in that has only l10n.t (vscodeStandIn.ts). Only for modules that touch
// the rest of vscode in their functions, not when they load; a module that did at load time would fail here, loudly.
import { registerHooks } from 'node:module';

const STAND_IN = new URL('./vscodeStandIn.ts', import.meta.url).href;

registerHooks({
  resolve(specifier, context, nextResolve) {
    return specifier === 'vscode' ? { url: STAND_IN, shortCircuit: true } : nextResolve(specifier, context);
  },
});
