// VS Code's own JSON extension checks the syntax of every JSON file, *.contact.json included, and it
// marks a syntax error where our server does (both read broken JSON with jsonc-parser). Showing both
// would list every syntax error twice, so while it checks syntax, the server is told to leave syntax
// errors out (its `syntaxErrors` setting, added to the settings it asks for); every other finding is
// ours alone. Turning `json.validate.enable` off brings ours back: the client then re-sends settings.
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient';
import { SETTINGS_SECTION as SECTION, type SettingsOnTheWire } from '../../../../server/src/protocol';

const JSON_EXTENSION_ID = 'vscode.json-language-features';

/** Settings whose change alters what the server is told: ours, and whether VS Code's JSON extension validates. */
export const SETTINGS_THE_SERVER_FOLLOWS = [SECTION, 'json.validate'];
declare const WorkerGlobalScope: unknown;

/**
 * A web worker extension host sees only the extensions it runs, and the JSON extension, built into
 * every VS Code for the Web, may run in another host beside it (code-server runs it in its Node host).
 */
function builtInJsonExtensionPresent(): boolean {
  return vscode.extensions.getExtension(JSON_EXTENSION_ID) !== undefined || typeof WorkerGlobalScope !== 'undefined';
}

function builtInJsonChecksSyntax(): boolean {
  return builtInJsonExtensionPresent() && vscode.workspace.getConfiguration('json').get<boolean>('validate.enable', true);
}

/** Language client middleware: answers the server's workspace/configuration with `syntaxErrors` filled in. */
export const builtInJsonSyntaxMiddleware: Middleware = {
  workspace: {
    async configuration(params, token, next) {
      const answers = await next(params, token);
      if (!Array.isArray(answers)) return answers; // an error, passed on as it is
      return answers.map((answer: unknown, index) =>
        params.items[index]?.section === SECTION ? { ...(typeof answer === 'object' ? answer : {}), syntaxErrors: !builtInJsonChecksSyntax() } satisfies SettingsOnTheWire : answer,
      );
    },
  },
};
