// `contact-payloads create FILE` and `update FILE [--vid N]`: the extension's send, for scripts.
// The same checks before sending (a file with errors is not sent), the same HTTP client (request,
// retries, outcome and its one-line summary), and HubSpot's 400s pointed at the file's lines as
// the editor shows them. The token comes from HUBSPOT_ACCESS_TOKEN only: a flag would show in
// process lists and shell history.
import { writeFile } from 'node:fs/promises';
import { BYTE_ORDER_MARK } from '../send/contactText';
import path from 'node:path';
import { rejectionFindings, parsePayload, toDiagnostics } from '../../../server/src/service';
import { DEFAULT_BASE_URL, parseBaseUrl, type BaseUrlResult, type HubSpotBaseUrl } from '../hubspot/baseUrl';
import { HubSpotConfigError } from '../hubspot/configError';
import { CREATE_TARGET, parseVid, type ContactOperation, type ContactPropertyValue, type ContactTarget } from '../hubspot/contactsApi';
import { createHubSpotClient, type HubSpotClient } from '../hubspot/hubspotClient';
import { plural } from '../hubspot/format';
import type { ContactOutcome } from '../hubspot/outcome';
import { readPayload, rejectedProperties } from '../send/payloadBody';
import { chooseUpdateTarget } from '../send/updateTarget';
import { withVid } from '../send/vidEdit';
import { displayPath, parseCommandLine, REQUEST_OPTIONS, requestOptions, UsageError, type CommandContext, type RequestOptions } from './commandLine';
import { readContactFile } from './contactFile';
import { ExitCode, exitCodeOf } from './exitCodes';
import { diagnoseText, severityName, type DiagnosedText } from './fileDiagnostics';
import { CREATE_HELP, UPDATE_HELP } from './help';
import { printablePath } from './printable';
import { diagnosticLines } from './reporters/textReporter';
import { previewLines, previewRequest } from './requestPreview';

export const TOKEN_VARIABLE = 'HUBSPOT_ACCESS_TOKEN';
export const BASE_URL_VARIABLE = 'HUBSPOT_BASE_URL';

/** The checked file, ready to send. */
interface SendableFile {
  readonly path: string;
  readonly absolutePath: string;
  readonly diagnosed: DiagnosedText;
  readonly properties: readonly ContactPropertyValue[];
  readonly savedVid: unknown;
}

export const createCommand = (args: readonly string[], context: CommandContext) => sendCommand('create', args, context);
export const updateCommand = (args: readonly string[], context: CommandContext) => sendCommand('update', args, context);

async function sendCommand(operation: ContactOperation, args: readonly string[], context: CommandContext): Promise<ExitCode> {
  const { terminal, env } = context;
  const { values, positionals } = parseCommandLine(args, {
    'base-url': { type: 'string' },
    vid: { type: 'string' },
    'save-vid': { type: 'boolean' },
    json: { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    force: { type: 'boolean' },
    ...REQUEST_OPTIONS,
  });
  if (values.help) {
    terminal.out(operation === 'create' ? CREATE_HELP : UPDATE_HELP);
    return ExitCode.Success;
  }
  if (operation === 'create' && values.vid !== undefined) throw new UsageError('create makes a new contact; --vid is for update.');
  if (operation === 'update' && values['save-vid']) throw new UsageError('update keeps the vid it is given; --save-vid is for create.');
  if (positionals.length !== 1) throw new UsageError(`${operation} takes one FILE (got ${positionals.length}).`);
  const givenVid = values.vid === undefined ? undefined : parseVid(values.vid);
  if (values.vid !== undefined && givenVid === undefined) throw new UsageError(`--vid takes a contact's vid, a positive whole number such as 61574 (got "${values.vid}").`);
  const request = requestOptions(values);
  const json = values.json === true;
  // With --json, standard output is the JSON document alone; everything else goes to standard error.
  const report = json ? terminal.err : terminal.out;

  const baseUrl = chosenBaseUrl(values['base-url'], env);
  if (!baseUrl.ok) return configProblem(context, baseUrl.message);

  const absolutePath = path.resolve(context.cwd, positionals[0] ?? '');
  const file = await sendableFile(absolutePath, context, values.force === true);
  if (typeof file === 'number') return file;

  let target = CREATE_TARGET;
  if (operation === 'update') {
    const chosen = chooseUpdateTarget(givenVid, file.savedVid);
    if (!chosen.ok) return configProblem(context, `${file.path}: ${chosen.problem}; pass --vid N.`);
    target = chosen.target;
  }

  const token = env[TOKEN_VARIABLE]?.trim() ?? '';
  if (values['dry-run']) {
    const preview = previewRequest({ target, baseUrl: baseUrl.baseUrl, properties: file.properties, hasToken: token !== '' });
    if (json) terminal.out(JSON.stringify({ ...preview, body: JSON.parse(preview.body) as unknown }, null, 2));
    else for (const line of previewLines(preview)) terminal.out(line);
    if (token === '') terminal.err(`Note: ${TOKEN_VARIABLE} is not set; a real send needs it.`);
    return ExitCode.Success;
  }
  if (token === '') {
    return configProblem(context, `${TOKEN_VARIABLE} is not set: export a HubSpot private app's access token in it (it is read from nowhere else).`);
  }

  const outcome = await send(target, file.properties, baseUrl.baseUrl, token, request, context);
  if (outcome === undefined) return ExitCode.UsageOrFiles;
  if (json) terminal.out(JSON.stringify(outcome, null, 2));
  report(`${file.path}: ${outcome.summary}`);
  for (const line of rejectionLines(file, outcome, context)) report(line);

  const exitCode = exitCodeOf(outcome);
  if (values['save-vid'] && outcome.kind === 'existsMaybeCreated') {
    // Saved, the vid would make the next run an update, as if this file had made that contact.
    report(`${file.path}: vid ${outcome.vid} not saved: it is not known whether this file created that contact (update --vid ${outcome.vid} applies the file to it)`);
  }
  const vidToSave = outcome.kind === 'created' || outcome.kind === 'alreadyExists' ? outcome.vid : undefined;
  if (values['save-vid'] && vidToSave !== undefined) {
    const saved = await writeVidToFile(file, vidToSave, context.cwd);
    if (saved !== true) {
      terminal.err(`${file.path}: the vid ${vidToSave} could not be saved: ${saved}`);
      return exitCode === ExitCode.Success ? ExitCode.UsageOrFiles : exitCode;
    }
    report(`${file.path}: saved vid ${vidToSave}${outcome.kind === 'alreadyExists' ? ' (the existing contact)' : ''}`);
  }
  return exitCode;
}

function chosenBaseUrl(flag: string | undefined, env: NodeJS.ProcessEnv): BaseUrlResult {
  // An empty variable counts as unset: CI systems export unset configuration values as "".
  const fromEnv = env[BASE_URL_VARIABLE]?.trim() || undefined;
  return parseBaseUrl(flag ?? fromEnv ?? DEFAULT_BASE_URL);
}

/** Reads and checks the file as the extension does before sending; a number is the exit status when it cannot be sent. */
async function sendableFile(absolutePath: string, context: CommandContext, force: boolean): Promise<SendableFile | ExitCode> {
  const { terminal } = context;
  const shownPath = printablePath(displayPath(absolutePath, context.cwd));
  const read = await readContactFile(absolutePath, context.cwd);
  if (!read.ok) {
    terminal.err(`${shownPath} ${read.problem}`);
    return ExitCode.UsageOrFiles;
  }
  const diagnosed = diagnoseText(absolutePath, read.text);
  const errors = diagnosed.diagnostics.filter((diagnostic) => severityName(diagnostic) === 'error');
  if (errors.length > 0 && !force) {
    const checked = { kind: 'checked' as const, path: shownPath, absolutePath, ...diagnosed };
    for (const error of errors) for (const line of diagnosticLines(checked, error, terminal)) terminal.err(line);
    terminal.err(`${shownPath}: not sent: ${plural(errors.length, 'error', 'errors')} that HubSpot would reject (--force sends it anyway).`);
    return ExitCode.Problems;
  }
  const payload = readPayload(read.text);
  if (!payload.ok) {
    terminal.err(`${shownPath}: not sent: ${payload.message}`);
    return ExitCode.Problems;
  }
  return { path: shownPath, absolutePath, diagnosed, properties: payload.properties, savedVid: payload.savedVid };
}

async function send(
  target: ContactTarget,
  properties: readonly ContactPropertyValue[],
  baseUrl: HubSpotBaseUrl,
  token: string,
  { timeouts, maxRetries }: RequestOptions,
  context: CommandContext,
): Promise<ContactOutcome | undefined> {
  const { terminal } = context;
  let client: HubSpotClient;
  try {
    client = createHubSpotClient({
      baseUrl: baseUrl.origin,
      token,
      timeouts,
      retry: maxRetries === undefined ? undefined : { maxRetries },
      env: context.env,
      userAgent: `contact-payloads-for-hubspot (command line "contact-payloads") ${context.version}`,
      // Attempts that are retried are worth a line on stderr: a CI log then shows why a step took long.
      log: (entry) => {
        if (entry.retryInMs !== undefined) terminal.err(entry.message);
      },
    });
  } catch (error) {
    if (!(error instanceof HubSpotConfigError)) throw error;
    configProblem(context, error.message);
    return undefined;
  }
  // Ctrl-C cancels the request; the outcome then says whether it may have been applied.
  const abort = new AbortController();
  const cancel = () => abort.abort();
  process.once('SIGINT', cancel);
  try {
    const options = { signal: abort.signal };
    return await client.sendContact(target, properties, options);
  } finally {
    process.off('SIGINT', cancel);
    await client.close();
  }
}

/** HubSpot's per-property 400 results on the entries that were sent, as the editor marks them. */
function rejectionLines(file: SendableFile, outcome: ContactOutcome, { terminal }: CommandContext): string[] {
  if (outcome.kind !== 'validationFailed') return [];
  const rejected = rejectedProperties(outcome.results, file.properties);
  const { document } = file.diagnosed;
  const diagnostics = toDiagnostics(document, rejectionFindings(parsePayload(document.getText()), rejected));
  const checked = { kind: 'checked' as const, path: file.path, absolutePath: file.absolutePath, ...file.diagnosed };
  return diagnostics.flatMap((diagnostic) => diagnosticLines(checked, diagnostic, terminal));
}

/** Writes the vid into the file as it is now, changing nothing else; true, or why not. */
async function writeVidToFile(file: SendableFile, vid: number, cwd: string): Promise<true | string> {
  const read = await readContactFile(file.absolutePath, cwd);
  if (!read.ok) return `the file ${read.problem}`;
  let text: string;
  try {
    text = withVid(read.text, vid);
  } catch {
    return 'the file is no longer a JSON object';
  }
  try {
    await writeFile(file.absolutePath, (read.byteOrderMark ? BYTE_ORDER_MARK : '') + text, 'utf8');
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return true;
}

function configProblem({ terminal }: CommandContext, message: string): ExitCode {
  terminal.err(`contact-payloads: ${message}`);
  return ExitCode.UsageOrFiles;
}
