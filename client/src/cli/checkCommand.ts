// `contact-payloads check [PATH|GLOB…]`: the language server's diagnostics for payload files, for CI.
// Every file is checked even when some cannot be read; the exit status says what was found.
import { displayPath, parseCommandLine, UsageError, wholeNumberOption, type CommandContext } from './commandLine';
import { readContactFile } from './contactFile';
import { ExitCode } from './exitCodes';
import { diagnoseText, severityName, type DiagnosedText } from './fileDiagnostics';
import { findContactFiles } from './findFiles';
import { CHECK_HELP } from './help';
import { githubReporter } from './reporters/githubReporter';
import { jsonReporter } from './reporters/jsonReporter';
import type { FileReport, Reporter } from './reporters/reporter';
import { sarifReporter } from './reporters/sarifReporter';
import { textReporter } from './reporters/textReporter';
import { sharedEmailDiagnostics } from './sharedEmails';

const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
type Format = (typeof FORMATS)[number];

export async function checkCommand(args: readonly string[], context: CommandContext): Promise<ExitCode> {
  const { values, positionals } = parseCommandLine(args, {
    format: { type: 'string', short: 'f' },
    'max-warnings': { type: 'string' },
  });
  if (values.help) {
    context.terminal.out(CHECK_HELP);
    return ExitCode.Success;
  }
  const format = values.format ?? 'text';
  if (!isFormat(format)) throw new UsageError(`--format is one of ${FORMATS.join(', ')} (got "${format}").`);
  const maxWarnings = values['max-warnings'] === undefined ? undefined : wholeNumberOption('max-warnings', values['max-warnings'], 0);

  const reporter = reporterFor(format, context);
  const found = await findContactFiles(positionals, context.cwd);
  const counts = { files: 0, filesWithProblems: 0, errors: 0, warnings: 0, information: 0, unreadableFiles: 0 };
  // Every file is read before any is reported: an email one file shares with a later one is flagged in both.
  const checked: CheckedFile[] = [];
  for (const absolutePath of found.files) checked.push(await checkFile(absolutePath, context.cwd));
  for (const report of withSharedEmails(checked)) {
    if (report.kind === 'unreadable') {
      counts.unreadableFiles++;
    } else {
      counts.files++;
      if (report.diagnostics.length > 0) counts.filesWithProblems++;
      for (const diagnostic of report.diagnostics) counts[counterOf(severityName(diagnostic))]++;
    }
    reporter.file(report);
  }

  const tooManyWarnings = maxWarnings !== undefined && counts.warnings > maxWarnings;
  // A file that could not be checked outweighs the errors found: the result is incomplete.
  const exitCode =
    counts.unreadableFiles > 0 || found.unmatched.length > 0 ? ExitCode.UsageOrFiles
    : counts.errors > 0 || tooManyWarnings ? ExitCode.Problems
    : ExitCode.Success;
  reporter.finish({ ...counts, unmatched: found.unmatched, maxWarnings, exitCode });
  return exitCode;
}

/** A file's report, and each contact's email in it (none when it could not be read). */
interface CheckedFile {
  readonly report: FileReport;
  readonly emails: DiagnosedText['emails'];
}

async function checkFile(absolutePath: string, cwd: string): Promise<CheckedFile> {
  const path = displayPath(absolutePath, cwd);
  const read = await readContactFile(absolutePath, cwd);
  if (!read.ok) return { report: { kind: 'unreadable', path, absolutePath, problem: read.problem }, emails: [] };
  const { document, diagnostics, emails } = diagnoseText(absolutePath, read.text);
  return { report: { kind: 'checked', path, absolutePath, document, diagnostics }, emails };
}

/** The reports with a `duplicate-email` warning where a contact's email is another file's too, in document order. */
function withSharedEmails(files: readonly CheckedFile[]): FileReport[] {
  const added = sharedEmailDiagnostics(files.map(({ report, emails }) => ({ path: report.path, emails })));
  return files.map(({ report }, index): FileReport => {
    if (report.kind !== 'checked' || added[index].length === 0) return report;
    const diagnostics = [...report.diagnostics, ...added[index]].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    return { ...report, diagnostics };
  });
}

function reporterFor(format: Format, { terminal, cwd, version }: CommandContext): Reporter {
  switch (format) {
    case 'text':
      return textReporter(terminal);
    case 'json':
      return jsonReporter(terminal);
    case 'sarif':
      return sarifReporter(terminal, { name: 'contact-payloads', version, cwd });
    case 'github':
      return githubReporter(terminal);
  }
}

function isFormat(text: string): text is Format {
  return (FORMATS as readonly string[]).includes(text);
}

function counterOf(severity: ReturnType<typeof severityName>): 'errors' | 'warnings' | 'information' {
  return severity === 'information' ? 'information' : `${severity}s`;
}
