// What `check` hands its output formats: each file's diagnostics as it is checked, then the totals.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { ExitCode } from '../exitCodes';

export type FileReport =
  | {
      readonly kind: 'checked';
      /** Relative to the current folder with `/` separators (absolute when outside it); printed through printablePath. */
      readonly path: string;
      readonly absolutePath: string;
      readonly document: TextDocument;
      readonly diagnostics: readonly Diagnostic[];
    }
  | {
      readonly kind: 'unreadable';
      readonly path: string;
      readonly absolutePath: string;
      /** "cannot be read: permission denied", "is not UTF-8 text; …" */
      readonly problem: string;
    };

export interface CheckTotals {
  /** Files read and checked; unreadable ones are counted apart. */
  readonly files: number;
  readonly filesWithProblems: number;
  readonly errors: number;
  readonly warnings: number;
  readonly information: number;
  readonly unreadableFiles: number;
  /** Arguments that named no file: a missing path, a folder without payloads, a glob that matched nothing. */
  readonly unmatched: readonly string[];
  readonly maxWarnings: number | undefined;
  readonly exitCode: ExitCode;
}

export interface Reporter {
  file(report: FileReport): void;
  finish(totals: CheckTotals): void;
}

/** 1-based line and column, end column exclusive, in UTF-16 code units: the fixtures' and editors' counting. */
export interface OneBasedRange {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export function oneBased(range: Diagnostic['range']): OneBasedRange {
  return { line: range.start.line + 1, column: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}
