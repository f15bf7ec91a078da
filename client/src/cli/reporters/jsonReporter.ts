// `--format json`: one JSON document on stdout once every file is checked. Positions are 1-based,
// the end column exclusive, columns in UTF-16 code units (the text format's numbers).
import { messageText, severityName } from '../fileDiagnostics';
import { jsonText } from '../printable';
import type { Terminal } from '../terminal';
import { oneBased, type FileReport, type Reporter } from './reporter';

export function jsonReporter(terminal: Terminal): Reporter {
  const files: unknown[] = [];
  return {
    file(report: FileReport) {
      if (report.kind === 'unreadable') {
        files.push({ path: report.path, problem: report.problem });
        return;
      }
      const diagnostics = report.diagnostics.map((diagnostic) => ({
        ...oneBased(diagnostic.range),
        severity: severityName(diagnostic),
        code: diagnostic.code,
        message: messageText(diagnostic),
        ...(diagnostic.relatedInformation?.length
          ? { related: diagnostic.relatedInformation.map((related) => ({ ...oneBased(related.location.range), message: related.message })) }
          : {}),
      }));
      files.push({ path: report.path, diagnostics });
    },
    finish(totals) {
      const { files: checked, filesWithProblems, errors, warnings, information, unreadableFiles, unmatched, maxWarnings, exitCode } = totals;
      const summary = { files: checked, filesWithProblems, errors, warnings, information, unreadableFiles, unmatched, maxWarnings: maxWarnings ?? null, exitCode };
      terminal.out(jsonText({ summary, files }));
    },
  };
}
