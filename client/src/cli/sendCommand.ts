// `contact-payloads create FILE` and `update FILE [--id N | --by-email]`: the extension's send, for
// scripts. The same checks before sending (a file with errors is not sent), the same choice of API by
// the file's shape (v1 or CRM objects, the latter in --api-version), the same HTTP client (request,
// retries, outcome and its one-line summary), and HubSpot's 400s pointed at the file's lines as the
// editor shows them. The token comes from HUBSPOT_ACCESS_TOKEN only: a flag would show in process
// lists and shell history.
import { writeFile } from 'node:fs/promises';
import { BYTE_ORDER_MARK, isBatchFile } from '../send/contactText';
import path from 'node:path';
import { rejectionFindings, parsePayload, toDiagnostics } from '../../../server/src/service';
import { CREATE_TARGET, parseVid, type BodyExtras, type ContactOperation, type ContactsApi, type ContactTarget } from '../hubspot/contactsApi';
import { plural } from '../hubspot/format';
import type { ContactOutcome } from '../hubspot/outcome';
import { contactsApiFor } from '../send/apiChoice';
import { bodyExtrasFor } from '../send/associations';
import { withId } from '../send/idEdit';
import { readPayload, rejectedProperties, type Payload, type PayloadShapeName } from '../send/payloadBody';
import { SAVED_ID_KEYS } from '../send/savedId';
import { chooseUpdateByEmail, chooseUpdateTarget } from '../send/updateTarget';
import { displayPath, parseCommandLine, REQUEST_OPTIONS, requestOptions, UsageError, type CommandContext, type RequestOptions } from './commandLine';
import { readContactFile } from './contactFile';
import { ExitCode, exitCodeOf } from './exitCodes';
import { diagnoseText, severityName, type DiagnosedText } from './fileDiagnostics';
import { CREATE_HELP, UPDATE_HELP } from './help';
import { printablePath } from './printable';
import { diagnosticLines } from './reporters/textReporter';
import { previewLines, previewRequest } from './requestPreview';
import { commandClient, commandTarget, configProblem, TARGET_OPTIONS, type CommandTarget } from './hubspotAccess';

/** The checked file, ready to send. */
interface SendableFile {
  readonly path: string;
  readonly absolutePath: string;
  readonly diagnosed: DiagnosedText;
  readonly payload: Payload;
}

export const createCommand = (args: readonly string[], context: CommandContext) => sendCommand('create', args, context);
export const updateCommand = (args: readonly string[], context: CommandContext) => sendCommand('update', args, context);

async function sendCommand(operation: ContactOperation, args: readonly string[], context: CommandContext): Promise<ExitCode> {
  const { terminal, env } = context;
  const { values, positionals } = parseCommandLine(args, {
    ...TARGET_OPTIONS,
    // --id and --vid are one option, and so are --save-id and --save-vid: v1 calls the id "vid".
    id: { type: 'string' },
    vid: { type: 'string' },
    'by-email': { type: 'boolean' },
    'save-id': { type: 'boolean' },
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
  if (values.id !== undefined && values.vid !== undefined) throw new UsageError('--id and --vid are the same option: give one.');
  const idFlag = values.id !== undefined ? 'id' : 'vid';
  const idText = values.id ?? values.vid;
  const saveFlag = values['save-id'] ? 'save-id' : 'save-vid';
  const saveId = values['save-id'] === true || values['save-vid'] === true;
  const byEmail = values['by-email'] === true;
  if (operation === 'create' && idText !== undefined) throw new UsageError(`create makes a new contact; --${idFlag} is for update.`);
  if (operation === 'create' && byEmail) throw new UsageError('create makes a new contact; --by-email is for update.');
  if (operation === 'update' && saveId) throw new UsageError(`update keeps the id it is given; --${saveFlag} is for create.`);
  if (byEmail && idText !== undefined) throw new UsageError(`--by-email and --${idFlag} both choose the contact to update: give one.`);
  if (positionals.length !== 1) throw new UsageError(`${operation} takes one FILE (got ${positionals.length}).`);
  const givenId = idText === undefined ? undefined : parseVid(idText);
  if (idText !== undefined && givenId === undefined) throw new UsageError(`--${idFlag} takes a contact's ${idFlag}, a positive whole number such as 61574 (got "${idText}").`);
  const chosen = commandTarget(values, env);
  if (!chosen.ok) return configProblem(context, chosen.message);
  const { target: destination } = chosen;
  const request = requestOptions(values);
  const json = values.json === true;
  // With --json, standard output is the JSON document alone; everything else goes to standard error.
  const report = json ? terminal.err : terminal.out;

  const absolutePath = path.resolve(context.cwd, positionals[0] ?? '');
  const file = await sendableFile(absolutePath, context, values.force === true);
  if (typeof file === 'number') return file;

  const { payload } = file;
  let target = CREATE_TARGET;
  if (operation === 'update') {
    const chosen = byEmail ? chooseUpdateByEmail(payload) : chooseUpdateTarget(givenId, payload);
    if (!chosen.ok) return configProblem(context, `${file.path}: ${chosen.problem}; pass ${idHint(payload.shape, byEmail ? undefined : chosen.email)}.`);
    target = chosen.target;
  }
  const api = contactsApiFor(payload.shape, destination.apiVersion);
  if (payload.shape === 'v1' && values['api-version'] !== undefined) {
    terminal.err(`Note: --api-version is for CRM objects files; ${file.path} is a Contacts v1 file, sent to Contacts v1.`);
  }
  const { extras, notSent } = bodyExtrasFor(payload, operation);
  if (notSent) terminal.err(`Note: ${file.path}: ${notSent}`);

  const { token, baseUrl } = destination;
  if (values['dry-run']) {
    const preview = previewRequest({ api, target, baseUrl, properties: payload.properties, extras, hasToken: token !== '' });
    if (json) terminal.out(JSON.stringify({ ...preview, body: JSON.parse(preview.body) as unknown }, null, 2));
    else for (const line of previewLines(preview)) terminal.out(line);
    if (token === '') terminal.err(`Note: ${destination.missingToken.replace(/:.*$/, '')}; a real send needs it.`);
    return ExitCode.Success;
  }
  if (token === '') {
    return configProblem(context, destination.missingToken);
  }

  const outcome = await send({ api, target, payload, extras, source: file.path }, destination, request, context);
  if (outcome === undefined) return ExitCode.UsageOrFiles;
  if (json) terminal.out(JSON.stringify(outcome, null, 2));
  report(`${file.path}: ${outcome.summary}`);
  for (const line of rejectionLines(file, outcome, context)) report(line);

  const exitCode = exitCodeOf(outcome);
  const key = SAVED_ID_KEYS[payload.shape];
  if (saveId && outcome.kind === 'existsMaybeCreated') {
    // Saved, the id would make the next run an update, as if this file had made that contact.
    report(`${file.path}: ${key} ${outcome.vid} not saved: it is not known whether this file created that contact (update --${key} ${outcome.vid} applies the file to it)`);
  }
  const idToSave = outcome.kind === 'created' || outcome.kind === 'alreadyExists' ? outcome.vid : undefined;
  if (saveId && idToSave !== undefined) {
    const saved = await writeIdToFile(file, idToSave, context.cwd);
    if (saved !== true) {
      terminal.err(`${file.path}: the ${key} ${idToSave} could not be saved: ${saved}`);
      return exitCode === ExitCode.Success ? ExitCode.UsageOrFiles : exitCode;
    }
    report(`${file.path}: saved ${key} ${idToSave}${outcome.kind === 'alreadyExists' ? ' (the existing contact)' : ''}`);
  }
  return exitCode;
}


/** What to pass when the file names no contact: the id option under the shape's name, or its email. */
function idHint(shape: PayloadShapeName, email: string | undefined): string {
  const option = `--${SAVED_ID_KEYS[shape]} N`;
  return email === undefined ? option : `${option}, or --by-email to update the contact with email ${email}`;
}


/** Reads and checks the file as the extension does before sending; a number is the exit status when it cannot be sent. */
async function sendableFile(absolutePath: string, context: CommandContext, force: boolean): Promise<SendableFile | ExitCode> {
  const { terminal } = context;
  const shownPath = printablePath(displayPath(absolutePath, context.cwd));
  if (isBatchFile(absolutePath)) {
    terminal.err(`${shownPath}: a batch file holds many contacts; send it with "contact-payloads seed ${shownPath}".`);
    return ExitCode.UsageOrFiles;
  }
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
  return { path: shownPath, absolutePath, diagnosed, payload };
}

/** One send: the API the file's shape goes to, the contact, and what the body carries. */
interface SendRequest {
  readonly api: ContactsApi;
  readonly target: ContactTarget;
  readonly payload: Payload;
  readonly extras: BodyExtras | undefined;
  /** The file as printed, for the request's --history entry. */
  readonly source: string;
}

async function send(
  { api, target, payload, extras, source }: SendRequest,
  { baseUrl, token, label }: CommandTarget,
  request: RequestOptions,
  context: CommandContext,
): Promise<ContactOutcome | undefined> {
  const client = commandClient({ baseUrl, token, api, request, account: label }, context);
  if (!client) return undefined;
  // Ctrl-C cancels the request; the outcome then says whether it may have been applied.
  const abort = new AbortController();
  const cancel = () => abort.abort();
  process.once('SIGINT', cancel);
  try {
    return await client.sendContact(target, payload.properties, { signal: abort.signal, extras, source });
  } finally {
    process.off('SIGINT', cancel);
    await client.close();
  }
}

/** HubSpot's per-property 400 results on the entries that were sent, as the editor marks them. */
function rejectionLines(file: SendableFile, outcome: ContactOutcome, { terminal }: CommandContext): string[] {
  if (outcome.kind !== 'validationFailed') return [];
  const rejected = rejectedProperties(outcome.results, file.payload.properties);
  const { document } = file.diagnosed;
  const diagnostics = toDiagnostics(document, rejectionFindings(parsePayload(document.getText()), rejected));
  const checked = { kind: 'checked' as const, path: file.path, absolutePath: file.absolutePath, ...file.diagnosed };
  return diagnostics.flatMap((diagnostic) => diagnosticLines(checked, diagnostic, terminal));
}

/** Writes the id into the file as it is now, under its shape's key, changing nothing else; true, or why not. */
async function writeIdToFile(file: SendableFile, id: number, cwd: string): Promise<true | string> {
  const read = await readContactFile(file.absolutePath, cwd);
  if (!read.ok) return `the file ${read.problem}`;
  let text: string;
  try {
    text = withId(read.text, file.payload.shape, id);
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

