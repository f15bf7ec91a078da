// `contact-payloads convert FILE… [--to objects|v1] [--write]`: the editor's "Convert to … format"
// for scripts. One file is printed converted on stdout; with --write each file is rewritten in place.
// Outcomes and notes (what the target format could not say) go to stderr, so that stdout is the
// converted document alone.
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { bundledDefaultCatalog, convertPayload, FORMAT_NAMES, type ConversionResult, type PayloadFormat } from '../../../server/src/service';
import { BYTE_ORDER_MARK } from '../send/contactText';
import { displayPath, parseCommandLine, UsageError, type CommandContext } from './commandLine';
import { describeFileError, followedPath, readContactFile } from './contactFile';
import { ExitCode } from './exitCodes';
import { findContactFiles } from './findFiles';
import { CONVERT_HELP } from './help';
import { printable, printablePath } from './printable';

const FORMATS: readonly PayloadFormat[] = ['objects', 'v1'];

export async function convertCommand(args: readonly string[], context: CommandContext): Promise<ExitCode> {
  const { terminal, cwd } = context;
  const { values, positionals } = parseCommandLine(args, { to: { type: 'string' }, write: { type: 'boolean' } });
  if (values.help) {
    terminal.out(CONVERT_HELP);
    return ExitCode.Success;
  }
  const to = values.to ?? 'other';
  if (to !== 'other' && !isFormat(to)) throw new UsageError(`--to is one of ${FORMATS.join(', ')} (got "${to}").`);
  if (positionals.length === 0) throw new UsageError('convert takes at least one FILE.');
  const found = await findContactFiles(positionals, cwd);
  for (const argument of found.unmatched) terminal.err(`contact-payloads: nothing to convert in "${printablePath(argument)}".`);
  // Several documents one after the other on stdout would be no document at all.
  if (!values.write && found.files.length > 1) throw new UsageError(`without --write, convert prints one file; ${found.files.length} were given (--write rewrites each in place).`);

  let exitCode: ExitCode = found.unmatched.length > 0 ? ExitCode.UsageOrFiles : ExitCode.Success;
  for (const absolutePath of found.files) {
    const fileCode = await convertFile(absolutePath, to, values.write === true, context);
    exitCode = Math.max(exitCode, fileCode) as ExitCode;
  }
  return exitCode;
}

async function convertFile(absolutePath: string, to: PayloadFormat | 'other', write: boolean, { terminal, cwd }: CommandContext): Promise<ExitCode> {
  const shownPath = printablePath(displayPath(absolutePath, cwd));
  const read = await readContactFile(absolutePath, cwd);
  if (!read.ok) {
    terminal.err(`${shownPath} ${read.problem}`);
    return ExitCode.UsageOrFiles;
  }
  const converted: ConversionResult = convertPayload(read.text, to, bundledDefaultCatalog());
  if (!converted.ok && converted.reason === 'unconvertible') {
    terminal.err(`${shownPath}: not converted: ${printable(converted.message)}`);
    return ExitCode.Problems;
  }
  if (!converted.ok) {
    // Already in the format asked for: that is the wanted end state, and the file is left alone.
    terminal.err(`${shownPath}: ${converted.message}; left as it is`);
    if (!write) terminal.out(withoutFinalLineEnd(read.text));
    return ExitCode.Success;
  }
  if (write) {
    const written = await replaceFile(absolutePath, cwd, (read.byteOrderMark ? BYTE_ORDER_MARK : '') + converted.text);
    if (written !== true) {
      terminal.err(`${shownPath}: not converted: the file could not be written (${written})`);
      return ExitCode.UsageOrFiles;
    }
    terminal.err(`${shownPath}: converted to the ${FORMAT_NAMES[converted.to]}`);
  } else {
    terminal.out(withoutFinalLineEnd(converted.text));
  }
  for (const note of converted.notes) terminal.err(`${shownPath}: ${printable(note.message)}`);
  return ExitCode.Success;
}

/**
 * Writes the new text to a file beside the one it replaces, then renames it over that file: a
 * reader (or a crash) sees the old file or the new, never half of one. The file's permissions are
 * kept; a symbolic link (one that stays where readContactFile allows) is kept and its target written.
 */
async function replaceFile(absolutePath: string, cwd: string, text: string): Promise<true | string> {
  let temporary: string | undefined;
  try {
    const followed = await followedPath(absolutePath, cwd);
    if (!followed.ok) return followed.problem;
    const target = followed.realPath;
    temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
    const original = await open(target, 'r');
    const { mode } = await original.stat().finally(() => original.close());
    const handle = await open(temporary, 'wx', mode & 0o777);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.chmod(mode & 0o7777);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
    return true;
  } catch (error) {
    if (temporary !== undefined) await rm(temporary, { force: true });
    return describeFileError(error);
  }
}

/** The terminal adds the line end of the last line. */
function withoutFinalLineEnd(text: string): string {
  return text.replace(/\r?\n$/, '');
}

function isFormat(text: string): text is PayloadFormat {
  return (FORMATS as readonly string[]).includes(text);
}
