// The positions and ranges of a request, as a client sent them. Fractions are fine (the services take
// 2.5 as 2); what is not a number at all is refused as invalid params, rather than failing somewhere
// inside as an internal error.
import { ErrorCodes, ResponseError, type TextDocumentContentChangeEvent } from 'vscode-languageserver';
import type { Diagnostic, Position, Range } from 'vscode-languageserver';
import { wholeRange } from '../service';

export function requirePosition(position: unknown, what = 'position'): Position {
  const { line, character } = (typeof position === 'object' && position !== null ? position : {}) as Partial<Record<string, unknown>>;
  if (!isNumber(line) || !isNumber(character)) throw invalidParams(`${what} must be {"line": number, "character": number}`);
  return position as Position;
}

export function requireRange(range: unknown, what = 'range'): Range {
  const { start, end } = (typeof range === 'object' && range !== null ? range : {}) as Partial<Record<string, unknown>>;
  requirePosition(start, `${what}.start`);
  requirePosition(end, `${what}.end`);
  return range as Range;
}

/** A code action's context: the diagnostics it is asked about, each with a range. */
export function requireDiagnostics(context: unknown): Diagnostic[] {
  const diagnostics = (typeof context === 'object' && context !== null ? (context as { diagnostics?: unknown }).diagnostics : undefined);
  if (!Array.isArray(diagnostics)) throw invalidParams('context.diagnostics must be an array');
  diagnostics.forEach((diagnostic: unknown, index) => requireRange((diagnostic as { range?: unknown } | null)?.range, `context.diagnostics[${index}].range`));
  return diagnostics as Diagnostic[];
}

/** A change of an open document: TextDocument would cut and splice at fractional offsets. */
export function withWholeRange(change: TextDocumentContentChangeEvent): TextDocumentContentChangeEvent {
  return 'range' in change ? { ...change, range: wholeRange(change.range) } : change;
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && !Number.isNaN(value);
}

export function invalidParams(message: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, message);
}
