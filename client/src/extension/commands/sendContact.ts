// "Create Contact from File" and "Update Contact by Id": send what the editor shows, in the API of
// its shape (a v1 file to Contacts v1, a CRM objects file to contactPayloads.apiVersion), explain the answer.
import * as vscode from 'vscode';
import { CheckTextRequest, HubSpotRejectionNotification } from '../../../../server/src/protocol';
import type { ExtensionScope } from '../extensionContext';
import { accountDescription, accountTitle } from '../../accounts/account';
import { CREATE_TARGET, parseVid, requestLine, updateByEmail, updateTarget, type ContactOperation, type ContactPropertyValue, type ContactsApi, type ContactTarget } from '../../hubspot/contactsApi';
import type { HubSpotClient } from '../../hubspot/hubspotClient';
import type { ContactOutcome } from '../../hubspot/outcome';
import type { LanguageServerHost } from '../languageServer/languageServerHost';
import { isContactDocument } from '../contactDocuments';
import { bodyExtrasFor } from '../../send/associations';
import { readPayload, rejectedProperties, type Payload, type PayloadShapeName } from '../../send/payloadBody';
import { chooseUpdateTarget } from '../../send/updateTarget';
import { writeIdIntoDocument } from '../hubspot/idDocumentEdit';
import { contactLink } from '../views/responseText';
import type { CommandContext } from './commandContext';
import { connectionWithToken, type ReadyConnection, trustedForSending } from './connectionPrompt';
import type { SendServices } from './sendServices';

/** Returns the outcome (for scripts and tests), or undefined when nothing was sent. */
export const createContact = ({ services, scope }: CommandContext) => (target?: vscode.Uri) =>
  send(services, scope, 'create', target, undefined);

export const updateContact = ({ services, scope }: CommandContext) => (target?: vscode.Uri, id?: number) =>
  send(services, scope, 'update', target, id);

export const saveIdCommand = () => (target: vscode.Uri, id: number) => writeIdIntoDocument(target, id);

async function send(services: SendServices, scope: ExtensionScope, operation: ContactOperation, target: vscode.Uri | undefined, givenId: number | undefined): Promise<ContactOutcome | undefined> {
  if (!trustedForSending()) return undefined;
  const document = await contactDocument(target);
  if (!document) {
    void vscode.window.showErrorMessage('Open a *.contact.json file to send it to HubSpot.');
    return undefined;
  }

  const text = document.getText();
  const payload = readPayload(text);
  if (!payload.ok) {
    void showProblemsOffer(vscode.window.showErrorMessage(payload.message, 'Show Problems'));
    return undefined;
  }
  if (!(await acceptProblems(services.server, document.uri, text))) return undefined;

  const contact = operation === 'create' ? CREATE_TARGET : await chooseContact(payload, givenId);
  if (!contact) return undefined;
  const { extras, notSent: note } = bodyExtrasFor(payload, contact.operation);

  const ready = await readyClient(services, contact, payload.shape, note);
  if (!ready) return undefined;

  const what = contact.operation === 'create' ? 'Creating the contact in HubSpot' : `Updating ${contactName(contact)} in HubSpot`;
  const outcome = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: what, cancellable: true }, (_progress, cancellation) => {
    const abort = new AbortController();
    cancellation.onCancellationRequested(() => abort.abort());
    return ready.client.sendContact(contact, payload.properties, { signal: abort.signal, extras, source: document.uri.toString() });
  });

  scope.log.info(`${operation} from ${vscode.workspace.asRelativePath(document.uri)} (${ready.api.label}): ${outcome.summary}${note ? ` ${note}` : ''}`);
  await reportRejections(services, document.uri, outcome, payload.properties);
  await services.responses.show(document.uri, outcome, ready.account);
  offerNextSteps(document.uri, outcome, payload.shape, note);
  return outcome;
}

/** "contact 61574", "the contact with email a@b.co". */
function contactName(target: Extract<ContactTarget, { operation: 'update' }>): string {
  return target.email === undefined ? `contact ${target.id}` : `the contact with email ${target.email}`;
}

async function contactDocument(target: vscode.Uri | undefined): Promise<vscode.TextDocument | undefined> {
  const document = target ? await vscode.workspace.openTextDocument(target) : vscode.window.activeTextEditor?.document;
  return document && isContactDocument(document) ? document : undefined;
}

/**
 * Errors the engine finds in the text being sent (not the diagnostics VS Code holds: they may be of an
 * older version, or absent for a file over the size limit or never opened): the user decides, nothing
 * is sent silently.
 */
async function acceptProblems(server: LanguageServerHost, uri: vscode.Uri, text: string): Promise<boolean> {
  const client = await server.ensureStarted();
  const { errorCount: errors } = await client.sendRequest(CheckTextRequest, { uri: uri.toString(), text });
  if (errors === 0) return true;
  const choice = await vscode.window.showWarningMessage(
    `This file has ${errors === 1 ? '1 error' : `${errors} errors`} that HubSpot would reject.`,
    { modal: true, detail: 'HubSpot answers 400 to values it does not accept, and nothing of the request is applied.' },
    'Send Anyway',
    'Show Problems',
  );
  if (choice === 'Show Problems') await vscode.commands.executeCommand('workbench.actions.view.problems');
  return choice === 'Send Anyway';
}

/**
 * The id given (CodeLens, "Update it instead"), else the file's saved id, else, for a file with an
 * email, the choice of updating by it, else one the user types (digits only: a non-numeric vid once
 * made HubSpot answer 200 with nothing done).
 */
async function chooseContact(payload: Payload, givenId: number | undefined): Promise<ContactTarget | undefined> {
  const checkedId = givenId === undefined ? undefined : parseVid(givenId);
  if (givenId !== undefined && checkedId === undefined) {
    void vscode.window.showErrorMessage(`"${String(givenId)}" is not a contact id: an id is a positive whole number, such as 61574.`);
    return undefined;
  }
  // The file read for the body holds the saved id too; one that is no id is asked for, as if absent.
  const chosen = chooseUpdateTarget(checkedId, payload);
  if (chosen.ok) return chosen.target;
  if (chosen.email !== undefined) {
    const byEmail = `Update by email ${chosen.email}`;
    const choice = await vscode.window.showQuickPick([byEmail, ENTER_ID], {
      title: 'Update Contact',
      placeHolder: `Which contact should this file update? (${chosen.problem})`,
      ignoreFocusOut: true,
    });
    if (choice === undefined) return undefined;
    if (choice === byEmail) return updateByEmail(chosen.email);
  }
  const typed = await vscode.window.showInputBox({
    title: 'Update Contact by Id',
    prompt: `The id of the contact to update (${chosen.problem}). "Save id to file" after a create keeps it in the file.`,
    placeHolder: '61574',
    ignoreFocusOut: true,
    validateInput: (text) => (parseVid(text) === undefined ? 'A contact id is a positive whole number, such as 61574.' : undefined),
  });
  const typedId = typed === undefined ? undefined : parseVid(typed);
  return typedId === undefined ? undefined : updateTarget(typedId);
}

const ENTER_ID = 'Enter a contact id…';

/** A client for the configured host with a token, for the API of the file's shape, after the first-send confirmation. */
async function readyClient(
  services: SendServices,
  contact: ContactTarget,
  shape: PayloadShapeName,
  note: string | undefined,
): Promise<{ readonly client: HubSpotClient; readonly api: ContactsApi; readonly account: string } | undefined> {
  const connection = await connectionWithToken(() => services.connection.clientForCurrentSettings(shape));
  if (!connection) return undefined;
  const { api, baseUrl } = connection;
  const question = contact.operation === 'create' ? 'Create a contact in HubSpot?' : `Update ${contactName(contact)} in HubSpot?`;
  const request = `${requestLine(api, baseUrl.origin, contact)}\n(${api.label})${note ? `\n\n${note}` : ''}`;
  if (!(await confirmedFirstSend(services, connection, question, request))) return undefined;
  return { client: connection.client, api, account: accountDescription(connection.account, baseUrl.host) };
}

/**
 * True once the person said Send: to every request to a production account, else to the first
 * request to the account since VS Code started (unless contactPayloads.confirmBeforeSend is off).
 * The modal names the request and the account.
 */
export async function confirmedFirstSend(services: SendServices, connection: ReadyConnection, question: string, request: string): Promise<boolean> {
  const { account, baseUrl, settings } = connection;
  if (!account.production && (!settings.confirmBeforeSend || services.confirmedAccounts.has(account.id))) return true;
  const why = account.production
    ? `${account.name} is marked production: every send to it asks first.`
    : 'This is the first request to this account since VS Code started. The setting contactPayloads.confirmBeforeSend turns this question off.';
  const choice = await vscode.window.showWarningMessage(account.production ? `${question} — to PRODUCTION (${accountTitle(account)})` : question, {
    modal: true,
    detail: `${request}\n\nAccount: ${accountDescription(account, baseUrl.host)}\n\n${why}`,
  }, 'Send');
  if (choice !== 'Send') return false;
  if (!account.production) services.confirmedAccounts.add(account.id);
  return true;
}

/** HubSpot's 400 per-property results go on the offending entries; a success clears earlier ones. */
async function reportRejections(services: SendServices, uri: vscode.Uri, outcome: ContactOutcome, properties: readonly ContactPropertyValue[]): Promise<void> {
  if (outcome.kind !== 'validationFailed' && outcome.kind !== 'created' && outcome.kind !== 'updated') return;
  const rejected = outcome.kind === 'validationFailed' ? rejectedProperties(outcome.results, properties) : [];
  const client = await services.server.ensureStarted();
  await client.sendNotification(HubSpotRejectionNotification, { uri: uri.toString(), rejected });
}

/**
 * A notification with what to do next; not awaited, so the command returns as soon as the answer is
 * shown. `note`: what was not sent (an update's associations), said beside whatever the answer was.
 */
function offerNextSteps(uri: vscode.Uri, outcome: ContactOutcome, shape: PayloadShapeName, note: string | undefined): void {
  const summary = note ? `${outcome.summary}. ${note}` : outcome.summary;
  switch (outcome.kind) {
    case 'created': {
      const link = contactLink(outcome);
      const actions = [SAVE_ID, ...(link ? ['Open in HubSpot'] : [])];
      void vscode.window.showInformationMessage(summary, ...actions).then((choice) => {
        if (choice === SAVE_ID) void writeIdIntoDocument(uri, outcome.vid, shape);
        if (choice === 'Open in HubSpot' && link) void vscode.env.openExternal(vscode.Uri.parse(link));
      });
      return;
    }
    case 'alreadyExists':
    case 'existsMaybeCreated': {
      // Whoever made the contact, updating it applies this file; the id is saved only when asked.
      const id = outcome.vid;
      if (id === undefined) { void vscode.window.showWarningMessage(summary); return; }
      void vscode.window.showWarningMessage(summary, 'Update it instead', SAVE_ID).then((choice) => {
        if (choice === 'Update it instead') void vscode.commands.executeCommand('contactPayloads.updateContact', uri, id);
        if (choice === SAVE_ID) void writeIdIntoDocument(uri, id, shape);
      });
      return;
    }
    case 'updated':
      void vscode.window.showInformationMessage(summary);
      return;
    case 'validationFailed':
      void showProblemsOffer(vscode.window.showErrorMessage(summary, 'Show Problems'));
      return;
    case 'unauthorized':
    case 'forbidden':
      void vscode.window.showErrorMessage(summary, 'Replace Token').then((choice) => {
        if (choice === 'Replace Token') void vscode.commands.executeCommand('contactPayloads.replaceToken');
      });
      return;
    case 'cancelled':
      void vscode.window.showWarningMessage(summary);
      return;
    default:
      void vscode.window.showErrorMessage(summary);
  }
}

/** Writes the id under the file's key ("vid" in a v1 file, "id" in a CRM objects file): one name for both. */
const SAVE_ID = 'Save id to file';

async function showProblemsOffer(choice: Thenable<string | undefined>): Promise<void> {
  if ((await choice) === 'Show Problems') await vscode.commands.executeCommand('workbench.actions.view.problems');
}
