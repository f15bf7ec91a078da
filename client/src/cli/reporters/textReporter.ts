// `--format text`: `file:line:col severity code message`, the line of source with the range marked,
// related places as `file:line:col message`, and the summary. Coloured on a terminal only.
import type { Diagnostic } from 'vscode-languageserver-types';
import { messageText, severityName, type SeverityName } from '../fileDiagnostics';
import { printable, printablePath } from '../printable';
import { sourceExcerpt } from '../sourceExcerpt';
import type { Style, Terminal } from '../terminal';
import { oneBased, type FileReport, type Reporter } from './reporter';
import { summaryLine } from './summaryLine';

const SEVERITY_STYLE: Record<SeverityName, readonly Style[]> = {
  error: ['red', 'bold'],
  warning: ['yellow', 'bold'],
  information: ['blue'],
};

export function textReporter(terminal: Terminal): Reporter {
  return {
    file(report) {
      if (report.kind === 'unreadable') {
        terminal.out(`${terminal.style('bold', printablePath(report.path))} ${terminal.style(SEVERITY_STYLE.error, report.problem)}`);
        terminal.out('');
        return;
      }
      for (const diagnostic of report.diagnostics) {
        for (const line of diagnosticLines(report, diagnostic, terminal)) terminal.out(line);
      }
    },
    finish(totals) {
      const failed = totals.exitCode !== 0;
      terminal.out(terminal.style(failed ? ['red', 'bold'] : totals.warnings + totals.information > 0 ? 'yellow' : 'green', summaryLine(totals)));
    },
  };
}

/**
 * One diagnostic as a block of lines; a blank line ends it. Also used by `create` and `update` to
 * show the errors that stop a send and the values HubSpot rejected.
 */
export function diagnosticLines(report: Extract<FileReport, { kind: 'checked' }>, diagnostic: Diagnostic, terminal: Terminal): string[] {
  const { line, column } = oneBased(diagnostic.range);
  const severity = severityName(diagnostic);
  const style = SEVERITY_STYLE[severity];
  const shownPath = printablePath(report.path);
  const header = `${terminal.style('bold', `${shownPath}:${line}:${column}`)} ${terminal.style(style, severity)} ${terminal.style('dim', String(diagnostic.code))} ${printable(messageText(diagnostic))}`;
  const excerpt = sourceExcerpt(report.document, diagnostic.range);
  const gutter = String(line);
  const lines = [
    header,
    `${terminal.style('dim', `  ${gutter} |`)} ${excerpt.source}`,
    `${terminal.style('dim', `  ${' '.repeat(gutter.length)} |`)} ${terminal.style(style, excerpt.marker)}`,
  ];
  for (const related of diagnostic.relatedInformation ?? []) {
    const at = oneBased(related.location.range);
    lines.push(`  ${shownPath}:${at.line}:${at.column} ${printable(related.message)}`);
  }
  lines.push('');
  return lines;
}
