// `--format github`: GitHub Actions workflow commands, which the runner turns into annotations on the
// files of a pull request: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.
// GitHub's columns are 1-based and its endColumn is the last column of the range (inclusive), and it
// takes columns only for a range within one line.
import { messageText, severityName, type SeverityName } from '../fileDiagnostics';
import { printable, printablePath } from '../printable';
import type { Terminal } from '../terminal';
import type { Reporter } from './reporter';
import { summaryLine } from './summaryLine';

const COMMAND: Record<SeverityName, string> = { error: 'error', warning: 'warning', information: 'notice' };

export function githubReporter(terminal: Terminal): Reporter {
  return {
    file(report) {
      // Printable first: GitHub's escaping keeps the command on one line, but would pass ESC or a
      // right-to-left override on to the log and the annotation.
      const file = printablePath(report.path);
      if (report.kind === 'unreadable') {
        terminal.out(workflowCommand('error', { file, title: 'unreadable-file' }, `${file} ${report.problem}`));
        return;
      }
      for (const diagnostic of report.diagnostics) {
        const { start, end } = diagnostic.range;
        const columns: Record<string, number> =
          start.line === end.line ? { col: start.character + 1, endLine: end.line + 1, endColumn: Math.max(start.character + 1, end.character) } : { endLine: end.line + 1 };
        const position = { file, line: start.line + 1, ...columns, title: String(diagnostic.code) };
        terminal.out(workflowCommand(COMMAND[severityName(diagnostic)], position, printable(messageText(diagnostic))));
      }
    },
    finish(totals) {
      for (const argument of totals.unmatched) terminal.out(workflowCommand('error', { title: 'nothing-to-check' }, `Nothing to check in "${printablePath(argument)}".`));
      terminal.out(summaryLine(totals));
    },
  };
}

/** GitHub's escaping: `%`, CR and LF everywhere; also `:` and `,` in property values. */
function workflowCommand(command: string, properties: Record<string, string | number>, message: string): string {
  const escapeData = (text: string) => text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
  const escapeProperty = (text: string) => escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
  const list = Object.entries(properties).map(([name, value]) => `${name}=${escapeProperty(String(value))}`).join(',');
  return `::${command}${list ? ` ${list}` : ''}::${escapeData(message)}`;
}
