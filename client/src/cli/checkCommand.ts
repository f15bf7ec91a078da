// `contact-payloads check [PATH|GLOB…]`: the language server's diagnostics for payload files, for CI.
// Every file is checked even when some cannot be read; the exit status says what was found.
import { displayPath, parseCommandLine, UsageError, wholeNumberOption, type CommandContext } from './commandLine';
import { readContactFile } from './contactFile';
import { ExitCode } from './exitCodes';
import { diagnoseText, severityName } from './fileDiagnostics';
import { findContactFiles } from './findFiles';
import { CHECK_HELP } from './help';
import { githubReporter } from './reporters/githubReporter';
import { jsonReporter } from './reporters/jsonReporter';
import type { FileReport, Reporter } from './reporters/reporter';
import { sarifReporter } from './reporters/sarifReporter';
import { textReporter } from './reporters/textReporter';

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
  for (const absolutePath of found.files) {
    const report = await checkFile(absolutePath, context.cwd);
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

async function checkFile(absolutePath: string, cwd: string): Promise<FileReport> {
  const path = displayPath(absolutePath, cwd);
  const read = await readContactFile(absolutePath, cwd);
  if (!read.ok) return { kind: 'unreadable', path, absolutePath, problem: read.problem };
  return { kind: 'checked', path, absolutePath, ...diagnoseText(absolutePath, read.text) };
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
