// What a rule finds, in offsets: the services speak offsets and the LSP layer turns them into
// UTF-16 line/character positions (and the CLI into line:column).
import type { DiagnosticCode, DiagnosticData } from './diagnosticCodes';
import type { Span } from './payloadModel';

export type Severity = 'error' | 'warning' | 'information';

export interface Finding {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly span: Span;
  readonly message: string;
  readonly data?: DiagnosticData;
  /** Another place that explains this one (the first occurrence of a duplicate). */
  readonly related?: { readonly span: Span; readonly message: string };
}
