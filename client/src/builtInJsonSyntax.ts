// VS Code's own JSON extension checks the syntax of every JSON file, *.contact.json included, and it
// marks a syntax error where our server does (both read broken JSON with jsonc-parser). Showing both
// would list every syntax error twice, so while it checks syntax, VS Code shows its syntax errors and
// not ours; every other finding is ours alone. Other editors get ours from the server as usual.
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import { DiagnosticCode } from '../../server/src/service/diagnosticCodes';

const JSON_EXTENSION_ID = 'vscode.json-language-features';

/** Read when diagnostics arrive, so that turning `json.validate.enable` off brings ours back with the next check. */
function builtInJsonChecksSyntax(): boolean {
  return vscode.extensions.getExtension(JSON_EXTENSION_ID) !== undefined && vscode.workspace.getConfiguration('json').get<boolean>('validate.enable', true);
}

function isSyntaxError(diagnostic: vscode.Diagnostic): boolean {
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return code === DiagnosticCode.InvalidJson;
}

function withoutDuplicateSyntaxErrors(diagnostics: vscode.Diagnostic[]): vscode.Diagnostic[] {
  return builtInJsonChecksSyntax() ? diagnostics.filter((diagnostic) => !isSyntaxError(diagnostic)) : diagnostics;
}

/** Language client middleware for both ways diagnostics reach VS Code: pulled (VS Code's way) and pushed. */
export const builtInJsonSyntaxMiddleware: Middleware = {
  async provideDiagnostics(document, previousResultId, token, next) {
    const report = await next(document, previousResultId, token);
    return report && 'items' in report ? { ...report, items: withoutDuplicateSyntaxErrors(report.items) } : report;
  },
  handleDiagnostics(uri, diagnostics, next) {
    next(uri, withoutDuplicateSyntaxErrors(diagnostics));
  },
};
