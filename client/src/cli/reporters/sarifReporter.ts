// `--format sarif`: a SARIF 2.1.0 log (OASIS), as GitHub code scanning and other viewers read it.
// Every diagnostic code is a rule; columns are UTF-16 code units, which SARIF names `utf16CodeUnits`;
// SARIF's endColumn is the column after the range, as in the text format. Files that could not be
// read are tool execution notifications, not results.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticCode } from '../../../../server/src/service';
import { ExitCode } from '../exitCodes';
import { messageText, severityName, type SeverityName } from '../fileDiagnostics';
import { jsonText } from '../printable';
import type { Terminal } from '../terminal';
import { oneBased, type FileReport, type Reporter } from './reporter';

const SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const SOURCE_ROOT = 'SRCROOT';
const LEVEL: Record<SeverityName, string> = { error: 'error', warning: 'warning', information: 'note' };
const RULE_IDS: readonly string[] = Object.values(DiagnosticCode);

export interface SarifTool {
  readonly name: string;
  readonly version: string;
  /** The folder relative paths are relative to. */
  readonly cwd: string;
}

export function sarifReporter(terminal: Terminal, tool: SarifTool): Reporter {
  const results: unknown[] = [];
  const notifications: unknown[] = [];
  const artifactLocation = (report: FileReport) => {
    // Files under the current folder are given relative to it, so that the log reads the same on every machine.
    const relative = !path.isAbsolute(report.path) && !report.path.startsWith('../');
    return relative
      ? { uri: report.path.split('/').map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT }
      : { uri: pathToFileURL(report.absolutePath).href };
  };
  const physicalLocation = (report: FileReport, range: Diagnostic['range']) => {
    const { line, column, endLine, endColumn } = oneBased(range);
    return { artifactLocation: artifactLocation(report), region: { startLine: line, startColumn: column, endLine, endColumn } };
  };

  return {
    file(report) {
      if (report.kind === 'unreadable') {
        notifications.push({ level: 'error', message: { text: `${report.path} ${report.problem}` }, locations: [{ physicalLocation: { artifactLocation: artifactLocation(report) } }] });
        return;
      }
      for (const diagnostic of report.diagnostics) {
        const code = String(diagnostic.code);
        const related = diagnostic.relatedInformation ?? [];
        results.push({
          ruleId: code,
          ...(RULE_IDS.includes(code) ? { ruleIndex: RULE_IDS.indexOf(code) } : {}),
          level: LEVEL[severityName(diagnostic)],
          message: { text: messageText(diagnostic) },
          locations: [{ physicalLocation: physicalLocation(report, diagnostic.range) }],
          ...(related.length
            ? { relatedLocations: related.map((info, index) => ({ id: index + 1, physicalLocation: physicalLocation(report, info.location.range), message: { text: info.message } })) }
            : {}),
        });
      }
    },
    finish(totals) {
      for (const argument of totals.unmatched) notifications.push({ level: 'error', message: { text: `Nothing to check in "${argument}".` } });
      const log = {
        $schema: SCHEMA,
        version: '2.1.0',
        runs: [
          {
            tool: { driver: { name: tool.name, version: tool.version, rules: RULE_IDS.map((id) => ({ id })) } },
            invocations: [{ executionSuccessful: totals.exitCode !== ExitCode.UsageOrFiles, exitCode: totals.exitCode, toolExecutionNotifications: notifications }],
            originalUriBaseIds: { [SOURCE_ROOT]: { uri: pathToFileURL(tool.cwd + path.sep).href } },
            columnKind: 'utf16CodeUnits',
            results,
          },
        ],
      };
      terminal.out(jsonText(log));
    },
  };
}
