// "Create Contact from File" and "Update Contact by VID": send what the editor shows, explain the answer.
import * as vscode from 'vscode';
import { CheckTextRequest, HubSpotRejectionNotification } from '../../../../server/src/protocol';
import type { ExtensionScope } from '../extensionContext';
import type { HubSpotBaseUrl } from '../../hubspot/baseUrl';
import { CREATE_TARGET, parseVid, requestLine, updateTarget, type ContactOperation, type ContactPropertyValue, type ContactTarget } from '../../hubspot/contactsApi';
import { DEFAULT_CONTACTS_API, type HubSpotClient } from '../../hubspot/hubspotClient';
import type { ContactOutcome } from '../../hubspot/outcome';
import type { LanguageServerHost } from '../languageServer/languageServerHost';
import { isContactDocument } from '../contactDocuments';
import { readPayload, rejectedProperties } from '../../send/payloadBody';
import { chooseUpdateTarget } from '../../send/updateTarget';
import { writeVidIntoDocument } from '../hubspot/vidDocumentEdit';
import { contactLink } from '../views/responseText';
import type { CommandContext } from './commandContext';
import type { SendServices } from './sendServices';

/** Returns the outcome (for scripts and tests), or undefined when nothing was sent. */
export const createContact = ({ services, scope }: CommandContext) => (target?: vscode.Uri) =>
  send(services, scope, 'create', target, undefined);

export const updateContact = ({ services, scope }: CommandContext) => (target?: vscode.Uri, vid?: number) =>
  send(services, scope, 'update', target, vid);

export const saveVidCommand = () => (target: vscode.Uri, vid: number) => writeVidIntoDocument(target, vid);

async function send(services: SendServices, scope: ExtensionScope, operation: ContactOperation, target: vscode.Uri | undefined, givenVid: number | undefined): Promise<ContactOutcome | undefined> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showErrorMessage('Sending to HubSpot needs a trusted workspace: trust this folder first. Validation works without it.');
    return undefined;
  }
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

  const contact = operation === 'create' ? CREATE_TARGET : await chooseContact(payload.savedVid, givenVid);
  if (!contact) return undefined;

  const client = await readyClient(services, contact);
  if (!client) return undefined;

  const what = contact.operation === 'create' ? 'Creating the contact in HubSpot' : `Updating contact ${contact.id} in HubSpot`;
  const outcome = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: what, cancellable: true }, (_progress, cancellation) => {
    const abort = new AbortController();
    cancellation.onCancellationRequested(() => abort.abort());
    return client.sendContact(contact, payload.properties, { signal: abort.signal });
  });

  scope.log.info(`${operation} from ${vscode.workspace.asRelativePath(document.uri)}: ${outcome.summary}`);
  await reportRejections(services, document.uri, outcome, payload.properties);
  await services.responses.show(document.uri, outcome);
  offerNextSteps(document.uri, outcome);
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
 * The vid given (CodeLens, "Update it instead"), else the file's saved `vid`, else one the user types
 * (digits only: a non-numeric vid once made HubSpot answer 200 with nothing done).
 */
async function chooseContact(fileVid: unknown, givenVid: number | undefined): Promise<ContactTarget | undefined> {
  const checkedVid = givenVid === undefined ? undefined : parseVid(givenVid);
  if (givenVid !== undefined && checkedVid === undefined) {
    void vscode.window.showErrorMessage(`"${String(givenVid)}" is not a vid: a vid is a positive whole number, such as 61574.`);
    return undefined;
  }
  // The file read for the body holds the saved vid too; one that is no id is asked for, as if absent.
  const chosen = chooseUpdateTarget(checkedVid, fileVid);
  if (chosen.ok) return chosen.target;
  const typed = await vscode.window.showInputBox({
    title: 'Update Contact by VID',
    prompt: 'The vid (contact id) of the contact to update. "Save vid to file" after a create keeps it in the file.',
    placeHolder: '61574',
    ignoreFocusOut: true,
    validateInput: (text) => (parseVid(text) === undefined ? 'A vid is a positive whole number, such as 61574.' : undefined),
  });
  const typedVid = typed === undefined ? undefined : parseVid(typed);
  return typedVid === undefined ? undefined : updateTarget(typedVid);
}

/** A client for the configured host with a token, after the first-send confirmation. */
async function readyClient(services: SendServices, contact: ContactTarget): Promise<HubSpotClient | undefined> {
  let connection = await services.connection.clientForCurrentSettings();
  if (!connection.ok && connection.problem === 'noToken') {
    const host = connection.baseUrl.host;
    const choice = await vscode.window.showWarningMessage(`No HubSpot access token is set for ${host}.`, 'Set Access Token');
    if (choice !== 'Set Access Token' || !(await vscode.commands.executeCommand<boolean>('contactPayloads.setAccessToken'))) return undefined;
    connection = await services.connection.clientForCurrentSettings();
  }
  if (!connection.ok) {
    void vscode.window.showErrorMessage(connection.problem === 'config' ? connection.message : 'No HubSpot access token is set.');
    return undefined;
  }
  const { baseUrl, settings, tokenId } = connection;
  if (settings.confirmBeforeSend && !services.confirmedOrigins.has(baseUrl.origin)) {
    const choice = await vscode.window.showWarningMessage(
      contact.operation === 'create' ? 'Create a contact in HubSpot?' : `Update contact ${contact.id} in HubSpot?`,
      { modal: true, detail: `${requestLine(DEFAULT_CONTACTS_API, baseUrl.origin, contact)}\n\nAccount: ${account(services, baseUrl, tokenId)}\n\nThis is the first request to this host since VS Code started. The setting contactPayloads.confirmBeforeSend turns this question off.` },
      'Send',
    );
    if (choice !== 'Send') return undefined;
    services.confirmedOrigins.add(baseUrl.origin);
  }
  return connection.client;
}

function account(services: SendServices, baseUrl: HubSpotBaseUrl, tokenId: string | undefined): string {
  const portal = services.portalOf(baseUrl.origin, tokenId);
  return portal ? `${portal} at ${baseUrl.host}` : `the one the access token for ${baseUrl.host} belongs to`;
}

/** HubSpot's 400 per-property results go on the offending entries; a success clears earlier ones. */
async function reportRejections(services: SendServices, uri: vscode.Uri, outcome: ContactOutcome, properties: readonly ContactPropertyValue[]): Promise<void> {
  if (outcome.kind !== 'validationFailed' && outcome.kind !== 'created' && outcome.kind !== 'updated') return;
  const rejected = outcome.kind === 'validationFailed' ? rejectedProperties(outcome.results, properties) : [];
  const client = await services.server.ensureStarted();
  await client.sendNotification(HubSpotRejectionNotification, { uri: uri.toString(), rejected });
}

/** A notification with what to do next; not awaited, so the command returns as soon as the answer is shown. */
function offerNextSteps(uri: vscode.Uri, outcome: ContactOutcome): void {
  switch (outcome.kind) {
    case 'created': {
      const link = contactLink(outcome);
      const actions = ['Save vid to file', ...(link ? ['Open in HubSpot'] : [])];
      void vscode.window.showInformationMessage(outcome.summary, ...actions).then((choice) => {
        if (choice === 'Save vid to file') void writeVidIntoDocument(uri, outcome.vid);
        if (choice === 'Open in HubSpot' && link) void vscode.env.openExternal(vscode.Uri.parse(link));
      });
      return;
    }
    case 'alreadyExists':
    case 'existsMaybeCreated': {
      // Whoever made the contact, updating it applies this file; the vid is saved only when asked.
      const vid = outcome.vid;
      if (vid === undefined) { void vscode.window.showWarningMessage(outcome.summary); return; }
      void vscode.window.showWarningMessage(outcome.summary, 'Update it instead', 'Save vid to file').then((choice) => {
        if (choice === 'Update it instead') void vscode.commands.executeCommand('contactPayloads.updateContact', uri, vid);
        if (choice === 'Save vid to file') void writeVidIntoDocument(uri, vid);
      });
      return;
    }
    case 'updated':
      void vscode.window.showInformationMessage(outcome.summary);
      return;
    case 'validationFailed':
      void showProblemsOffer(vscode.window.showErrorMessage(outcome.summary, 'Show Problems'));
      return;
    case 'unauthorized':
    case 'forbidden':
      void vscode.window.showErrorMessage(outcome.summary, 'Replace Token').then((choice) => {
        if (choice === 'Replace Token') void vscode.commands.executeCommand('contactPayloads.setAccessToken');
      });
      return;
    case 'cancelled':
      void vscode.window.showWarningMessage(outcome.summary);
      return;
    default:
      void vscode.window.showErrorMessage(outcome.summary);
  }
}

async function showProblemsOffer(choice: Thenable<string | undefined>): Promise<void> {
  if ((await choice) === 'Show Problems') await vscode.commands.executeCommand('workbench.actions.view.problems');
}
