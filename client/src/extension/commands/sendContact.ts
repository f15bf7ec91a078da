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
    void vscode.window.showErrorMessage(vscode.l10n.t('Open a *.contact.json file to send it to HubSpot.'));
    return undefined;
  }

  const text = document.getText();
  const payload = readPayload(text);
  if (!payload.ok) {
    void showErrorWithProblems(payload.message);
    return undefined;
  }
  if (!(await acceptProblems(services.server, document.uri, text))) return undefined;

  const contact = operation === 'create' ? CREATE_TARGET : await chooseContact(payload, givenId);
  if (!contact) return undefined;
  const { extras, notSent: note } = bodyExtrasFor(payload, contact.operation);

  const ready = await readyClient(services, contact, payload.shape, note);
  if (!ready) return undefined;

  const what = contact.operation === 'create'
    ? vscode.l10n.t('Creating the contact in HubSpot')
    : contact.email === undefined ? vscode.l10n.t('Updating contact {0} in HubSpot', contact.id) : vscode.l10n.t('Updating the contact with email {0} in HubSpot', contact.email);
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
  const sendAnyway = vscode.l10n.t('Send Anyway');
  const showProblems = vscode.l10n.t('Show Problems');
  const choice = await vscode.window.showWarningMessage(
    errors === 1 ? vscode.l10n.t('This file has 1 error that HubSpot would reject.') : vscode.l10n.t('This file has {0} errors that HubSpot would reject.', errors),
    { modal: true, detail: vscode.l10n.t('HubSpot answers 400 to values it does not accept, and nothing of the request is applied.') },
    sendAnyway,
    showProblems,
  );
  if (choice === showProblems) await vscode.commands.executeCommand('workbench.actions.view.problems');
  return choice === sendAnyway;
}

/**
 * The id given (CodeLens, "Update it instead"), else the file's saved id, else, for a file with an
 * email, the choice of updating by it, else one the user types (digits only: a non-numeric vid once
 * made HubSpot answer 200 with nothing done).
 */
async function chooseContact(payload: Payload, givenId: number | undefined): Promise<ContactTarget | undefined> {
  const checkedId = givenId === undefined ? undefined : parseVid(givenId);
  if (givenId !== undefined && checkedId === undefined) {
    void vscode.window.showErrorMessage(vscode.l10n.t('"{0}" is not a contact id: an id is a positive whole number, such as 61574.', String(givenId)));
    return undefined;
  }
  // The file read for the body holds the saved id too; one that is no id is asked for, as if absent.
  const chosen = chooseUpdateTarget(checkedId, payload);
  if (chosen.ok) return chosen.target;
  if (chosen.email !== undefined) {
    const byEmail = vscode.l10n.t('Update by email {0}', chosen.email);
    const choice = await vscode.window.showQuickPick([byEmail, vscode.l10n.t('Enter a contact id…')], {
      title: vscode.l10n.t('Update Contact'),
      placeHolder: vscode.l10n.t('Which contact should this file update? ({0})', chosen.problem),
      ignoreFocusOut: true,
    });
    if (choice === undefined) return undefined;
    if (choice === byEmail) return updateByEmail(chosen.email);
  }
  const typed = await vscode.window.showInputBox({
    title: vscode.l10n.t('Update Contact by Id'),
    prompt: vscode.l10n.t('The id of the contact to update ({0}). "Save id to file" after a create keeps it in the file.', chosen.problem),
    placeHolder: '61574',
    ignoreFocusOut: true,
    validateInput: (text) => (parseVid(text) === undefined ? vscode.l10n.t('A contact id is a positive whole number, such as 61574.') : undefined),
  });
  const typedId = typed === undefined ? undefined : parseVid(typed);
  return typedId === undefined ? undefined : updateTarget(typedId);
}

/** A client for the active account with a token, for the API of the file's shape, after the confirmation (confirmedSend). */
async function readyClient(
  services: SendServices,
  contact: ContactTarget,
  shape: PayloadShapeName,
  note: string | undefined,
): Promise<{ readonly client: HubSpotClient; readonly api: ContactsApi; readonly account: string } | undefined> {
  const connection = await connectionWithToken(() => services.connection.clientForCurrentSettings(shape));
  if (!connection) return undefined;
  const { api, baseUrl } = connection;
  const question = contact.operation === 'create'
    ? vscode.l10n.t('Create a contact in HubSpot?')
    : contact.email === undefined ? vscode.l10n.t('Update contact {0} in HubSpot?', contact.id) : vscode.l10n.t('Update the contact with email {0} in HubSpot?', contact.email);
  const request = `${requestLine(api, baseUrl.origin, contact)}\n(${api.label})${note ? `\n\n${note}` : ''}`;
  if (!(await confirmedSend(services, connection, question, request))) return undefined;
  return { client: connection.client, api, account: accountDescription(connection.account, baseUrl.host) };
}

/**
 * True once the person said Send: to every request to a production account, else to the first
 * request to the account since VS Code started (unless contactPayloads.confirmBeforeSend is off).
 * The modal names the request and the account.
 */
export async function confirmedSend(services: SendServices, connection: ReadyConnection, question: string, request: string): Promise<boolean> {
  const { account, baseUrl, settings } = connection;
  if (!account.production && (!settings.confirmBeforeSend || services.confirmedAccounts.has(account.id))) return true;
  const why = account.production
    ? vscode.l10n.t('{0} is marked production: every send to it asks first.', account.name)
    : vscode.l10n.t('This is the first request to this account since VS Code started. The setting contactPayloads.confirmBeforeSend turns this question off.');
  const send = vscode.l10n.t('Send');
  const choice = await vscode.window.showWarningMessage(account.production ? vscode.l10n.t('{0} — to PRODUCTION ({1})', question, accountTitle(account)) : question, {
    modal: true,
    detail: [request, vscode.l10n.t('Account: {0}', accountDescription(account, baseUrl.host)), why].join('\n\n'),
  }, send);
  if (choice !== send) return false;
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
  // Writes the id under the file's key ("vid" in a v1 file, "id" in a CRM objects file): one name for both.
  const saveId = vscode.l10n.t('Save id to file');
  switch (outcome.kind) {
    case 'created': {
      const link = contactLink(outcome);
      const open = vscode.l10n.t('Open in HubSpot');
      const actions = [saveId, ...(link ? [open] : [])];
      void vscode.window.showInformationMessage(summary, ...actions).then((choice) => {
        if (choice === saveId) void writeIdIntoDocument(uri, outcome.vid, shape);
        if (choice === open && link) void vscode.env.openExternal(vscode.Uri.parse(link));
      });
      return;
    }
    case 'alreadyExists':
    case 'existsMaybeCreated': {
      // Whoever made the contact, updating it applies this file; the id is saved only when asked.
      const id = outcome.vid;
      if (id === undefined) { void vscode.window.showWarningMessage(summary); return; }
      const updateInstead = vscode.l10n.t('Update it instead');
      void vscode.window.showWarningMessage(summary, updateInstead, saveId).then((choice) => {
        if (choice === updateInstead) void vscode.commands.executeCommand('contactPayloads.updateContact', uri, id);
        if (choice === saveId) void writeIdIntoDocument(uri, id, shape);
      });
      return;
    }
    case 'updated':
      void vscode.window.showInformationMessage(summary);
      return;
    case 'validationFailed':
      void showErrorWithProblems(summary);
      return;
    case 'unauthorized':
    case 'forbidden': {
      const replaceToken = vscode.l10n.t('Replace Token');
      void vscode.window.showErrorMessage(summary, replaceToken).then((choice) => {
        if (choice === replaceToken) void vscode.commands.executeCommand('contactPayloads.replaceToken');
      });
      return;
    }
    case 'cancelled':
      void vscode.window.showWarningMessage(summary);
      return;
    default:
      void vscode.window.showErrorMessage(summary);
  }
}

/** The error with a Show Problems button, which opens the Problems view. */
async function showErrorWithProblems(message: string): Promise<void> {
  const showProblems = vscode.l10n.t('Show Problems');
  if ((await vscode.window.showErrorMessage(message, showProblems)) === showProblems) await vscode.commands.executeCommand('workbench.actions.view.problems');
}
