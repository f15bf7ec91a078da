import type { Diagnostic } from 'vscode-languageserver-types';

/** LSP 3.18 allows markup in diagnostic messages; ours are plain strings. */
export function messageOf(diagnostic: Diagnostic): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}
