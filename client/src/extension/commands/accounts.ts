// Add Account…, Switch Account…, Remove Account, Replace Token: the accounts a person sends to, each
// with its token in secret storage. Adding an account or replacing its token asks HubSpot whose the
// token is and what it may do (in a trusted workspace), so that a token that cannot write contacts is
// said at once, not at the first 403. Values handed to a command (another extension, a script, a
// `command:` link) only fill in the boxes, which say so: the person confirms with Enter — an account
// or token the user did not choose would send their seed data into someone else's portal.
import * as vscode from 'vscode';
import { accountTitle, type Account, type AccountSettings, type PortalFacts } from '../../accounts/account';
import { cannotWriteContacts, checkAccount, type AccountCheck } from '../../accounts/accountCheck';
import { DEFAULT_BASE_URL, parseBaseUrl } from '../../hubspot/baseUrl';
import { API_VERSIONS, DEFAULT_API_VERSION, type ApiVersion } from '../../hubspot/contactsObjects';
import { knownApiVersion } from '../../send/apiChoice';
import { readSendSettings } from '../configuration';
import type { ExtensionScope } from '../extensionContext';
import type { CommandContext } from './commandContext';
import type { SendServices } from './sendServices';

/** What a script may hand to Add Account: the boxes are filled in with it, never skipped. */
interface HandedAccount {
  readonly name?: unknown;
  readonly baseUrl?: unknown;
  readonly apiVersion?: unknown;
  readonly production?: unknown;
  readonly token?: unknown;
}

/** A private-app token has no spaces and is not tiny; the input box says so before anything is stored. */
export function checkTokenInput(input: string): string | undefined {
  const token = input.trim();
  if (token === '') return vscode.l10n.t('Paste the access token of your HubSpot private app (pat-na1-…).');
  if (/\s/.test(token)) return vscode.l10n.t('An access token has no spaces or line breaks.');
  if (token.length < 8) return vscode.l10n.t('This is too short to be an access token.');
  return undefined;
}

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** Returns the account added, or undefined when the person stopped. */
export const addAccount = ({ services, scope }: CommandContext) => async (handed?: HandedAccount): Promise<Account | undefined> => {
  const store = services.connection.accounts;
  await store.ready;
  const given = typeof handed === 'object' && handed !== null ? handed : {};
  const apiVersion = knownApiVersion(given.apiVersion);
  const settings = str(given.name) !== undefined && str(given.baseUrl) !== undefined && str(given.token) !== undefined
    ? await confirmHandedAccount(store.problemWith.bind(store), { name: str(given.name)!, baseUrl: str(given.baseUrl)!, apiVersion, production: given.production === true }, str(given.token)!)
    : await askAccount(store.problemWith.bind(store), str(given.name), str(given.baseUrl), apiVersion);
  if (!settings) {
    if (given.token !== undefined) scope.log.info('An account handed to Add Account was not added: the user did not confirm it');
    return undefined;
  }
  const { token, ...account } = settings;
  const check = await checkToken(services, account.name, account.baseUrl, token);
  const production = settings.interactive ? await askProduction(account.name, check) : account.production;
  if (production === undefined) return undefined;
  const version = settings.interactive ? await askApiVersion(account.name) : { apiVersion: account.apiVersion };
  if (version === undefined) return undefined;
  const added = await store.add({ name: account.name, baseUrl: account.baseUrl, apiVersion: version.apiVersion, production }, token, check?.kind === 'checked' ? check.portal : undefined);
  scope.log.info(`Account "${added.name}" added for ${added.baseUrl}${production ? ' (production)' : ''}; it is the active account`);
  report(scope, vscode.l10n.t('Account {0} added and active', added.name), added.baseUrl, check);
  return added;
};

/** Switches to the account of that name (a script's), or to the one the person picks; "Add Account…" is among them. */
export const switchAccount = ({ services, scope }: CommandContext) => async (name?: unknown): Promise<boolean> => {
  const store = services.connection.accounts;
  await store.ready;
  const target = typeof name === 'string' ? store.findByName(name) : await pickAccount(store.list(), store.active()?.account, vscode.l10n.t('Switch HubSpot account'), true);
  if (target === 'add') return (await vscode.commands.executeCommand<Account | undefined>('contactPayloads.addAccount')) !== undefined;
  if (!target) {
    if (typeof name === 'string') void vscode.window.showErrorMessage(vscode.l10n.t('There is no account named {0}.', name));
    return false;
  }
  await store.choose(target.id);
  scope.log.info(`Active account: "${target.name}" (${target.baseUrl})`);
  return true;
};

export const removeAccount = ({ services, scope }: CommandContext) => async (name?: unknown): Promise<boolean> => {
  const store = services.connection.accounts;
  await store.ready;
  const target = typeof name === 'string' ? store.findByName(name) : await pickAccount(store.list(), store.active()?.account, vscode.l10n.t('Remove which HubSpot account?'), false);
  if (!target || target === 'add') return false;
  const remove = vscode.l10n.t('Remove');
  const choice = await vscode.window.showWarningMessage(vscode.l10n.t('Remove the account {0}?', target.name), {
    modal: true,
    detail: vscode.l10n.t("Its access token is deleted from VS Code's secret storage; requests to {0} stay in the request history.", target.baseUrl),
  }, remove);
  if (choice !== remove) return false;
  await store.remove(target.id);
  scope.log.info(`Account "${target.name}" removed, and its token`);
  return true;
};

/**
 * A new token for the active account (a handed one only fills in the box, which says so). Returns
 * true when a token was stored. With no account yet, it is Add Account, which asks for everything.
 */
export const replaceToken = ({ services, scope }: CommandContext) => async (token?: unknown): Promise<boolean> => {
  const store = services.connection.accounts;
  await store.ready;
  const active = store.active()?.account;
  if (!active) return (await vscode.commands.executeCommand<Account | undefined>('contactPayloads.addAccount')) !== undefined;
  const handed = typeof token === 'string' ? token : undefined;
  const host = hostOf(active.baseUrl);
  const given = await vscode.window.showInputBox({
    title: handed === undefined
      ? vscode.l10n.t('HubSpot access token for the account {0} ({1})', active.name, host)
      : vscode.l10n.t('Store the HubSpot access token handed to this command, for the account {0} ({1})?', active.name, host),
    prompt: handed === undefined
      ? vscode.l10n.t("The access token of your HubSpot private app. It is kept in VS Code's secret storage and sent only to {0}.", active.baseUrl)
      : vscode.l10n.t('Another extension or a link filled in this token; you did not paste it. Contacts sent to {0} would go to the account it belongs to. Enter stores it, Escape does not.', active.name),
    placeHolder: 'pat-na1-…',
    value: handed,
    password: true,
    ignoreFocusOut: true,
    validateInput: checkTokenInput,
  });
  if (given === undefined) {
    if (handed !== undefined) scope.log.info(`A token handed to Replace Token for "${active.name}" was not stored: the user did not confirm it`);
    return false;
  }
  const check = await checkToken(services, active.name, active.baseUrl, given.trim());
  const portal = check?.kind === 'checked' ? check.portal : undefined;
  await store.replaceToken(active.id, given.trim(), portal);
  scope.log.info(`Access token replaced for the account "${active.name}" (${active.baseUrl})`);
  const before = active.portal?.portalId;
  if (before !== undefined && portal?.portalId !== undefined && portal.portalId !== before) {
    void vscode.window.showWarningMessage(vscode.l10n.t('The new token belongs to portal {0}; the account {1} was portal {2}. Sends to {1} now go to portal {0}.', portal.portalId, active.name, before));
  }
  report(scope, vscode.l10n.t('Access token stored for {0}', active.name), active.baseUrl, check);
  return true;
};

/** `interactive`: the production mark and the API version are still to be asked. */
type AskedAccount = AccountSettings & { readonly token: string; readonly interactive: boolean };
type ProblemWith = (settings: Pick<AccountSettings, 'name' | 'baseUrl'>) => string | undefined;

/** One box that shows everything handed over; Enter adds it. */
async function confirmHandedAccount(problemWith: ProblemWith, settings: AccountSettings, token: string): Promise<AskedAccount | undefined> {
  const problem = problemWith(settings) ?? checkTokenInput(token);
  if (problem) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The account handed to Add Account cannot be added: {0}', problem));
    return undefined;
  }
  const parsed = parseBaseUrl(settings.baseUrl);
  const origin = parsed.ok ? parsed.baseUrl.origin : settings.baseUrl;
  const confirmed = await vscode.window.showInputBox({
    title: settings.production
      ? vscode.l10n.t('Add the HubSpot account {0} at {1} (production) with the token handed to this command?', settings.name, origin)
      : vscode.l10n.t('Add the HubSpot account {0} at {1} with the token handed to this command?', settings.name, origin),
    prompt: vscode.l10n.t('Another extension or a link filled in this account and its token; you did not type them. Contacts sent to {0} would go to {1}, to the portal the token belongs to. Enter adds it, Escape does not.', settings.name, origin),
    value: token,
    password: true,
    ignoreFocusOut: true,
    validateInput: checkTokenInput,
  });
  return confirmed === undefined ? undefined : { ...settings, baseUrl: origin, token: confirmed.trim(), interactive: false };
}

/** Name, base URL and token, one box each; the production mark is asked once HubSpot named the portal. */
async function askAccount(problemWith: ProblemWith, name: string | undefined, baseUrl: string | undefined, apiVersion: AccountSettings['apiVersion']): Promise<AskedAccount | undefined> {
  const chosenName = await vscode.window.showInputBox({
    title: vscode.l10n.t('Add HubSpot Account (1/3): a name'),
    prompt: vscode.l10n.t('A name for this account, e.g. Test account, Staging, Production. Scripts use it too: contact-payloads --account NAME.'),
    value: name,
    ignoreFocusOut: true,
    validateInput: (input) => problemWith({ name: input, baseUrl: DEFAULT_BASE_URL }),
  });
  if (chosenName === undefined) return undefined;
  const chosenUrl = await vscode.window.showInputBox({
    title: vscode.l10n.t('Add HubSpot Account (2/3): where its API is'),
    prompt: vscode.l10n.t("HubSpot's API is at {0} for every portal; another base URL is for a proxy or the local sandbox. The token is sent only there.", DEFAULT_BASE_URL),
    value: baseUrl ?? DEFAULT_BASE_URL,
    ignoreFocusOut: true,
    validateInput: (input) => { const parsed = parseBaseUrl(input); return parsed.ok ? undefined : parsed.message; },
  });
  if (chosenUrl === undefined) return undefined;
  const parsed = parseBaseUrl(chosenUrl);
  if (!parsed.ok) return undefined;
  const token = await vscode.window.showInputBox({
    title: vscode.l10n.t('Add HubSpot Account (3/3): the access token of {0}', chosenName.trim()),
    prompt: vscode.l10n.t("The access token of the portal's private app (Settings → Integrations → Private apps). It is kept in VS Code's secret storage and sent only to {0}.", parsed.baseUrl.origin),
    placeHolder: 'pat-na1-…',
    password: true,
    ignoreFocusOut: true,
    validateInput: checkTokenInput,
  });
  if (token === undefined) return undefined;
  return { name: chosenName.trim(), baseUrl: parsed.baseUrl.origin, apiVersion, production: false, token: token.trim(), interactive: true };
}

async function askProduction(name: string, check: AccountCheck | undefined): Promise<boolean | undefined> {
  const portalId = check?.kind === 'checked' ? check.portal.portalId : undefined;
  const items = [
    { label: vscode.l10n.t('A test account, sandbox or staging portal'), production: false },
    { label: `$(warning) ${vscode.l10n.t('Production')}`, description: vscode.l10n.t('every send asks first, naming the portal; a seed set asks for its portal id'), production: true },
  ];
  const title = portalId === undefined ? vscode.l10n.t('Is {0} a production account?', name) : vscode.l10n.t('Is {0} (portal {1}) a production account?', name, portalId);
  const picked = await vscode.window.showQuickPick(items, { title, ignoreFocusOut: true });
  return picked?.production;
}

/** `{ apiVersion: undefined }`: the account follows the contactPayloads.apiVersion setting; undefined: the person stopped. */
async function askApiVersion(name: string): Promise<{ readonly apiVersion: ApiVersion | undefined } | undefined> {
  const items = [
    { label: vscode.l10n.t('The contactPayloads.apiVersion setting'), description: vscode.l10n.t('{0} now', readSendSettings().apiVersion), apiVersion: undefined },
    ...API_VERSIONS.map((version) => ({ label: version, description: version === DEFAULT_API_VERSION ? vscode.l10n.t('the current version') : undefined, apiVersion: version })),
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('The CRM objects API version of {0}', name),
    placeHolder: vscode.l10n.t('Which API CRM objects files ({0}) of this account go through; v1 files always go to v1', '{"properties": {…}}'),
    ignoreFocusOut: true,
  });
  return picked && { apiVersion: picked.apiVersion };
}

/** HubSpot's word on the token, asked only in a trusted workspace (sending needs one); undefined in an untrusted one. */
async function checkToken(services: SendServices, name: string, baseUrl: string, token: string): Promise<AccountCheck | undefined> {
  if (!vscode.workspace.isTrusted) return undefined;
  const client = services.connection.probeClient(name, baseUrl, token);
  if (!client.ok) return { kind: 'unreachable', message: client.message };
  try {
    return await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Asking HubSpot whose the token is and what it may do'), cancellable: true }, (_progress, cancellation) => {
      const abort = new AbortController();
      cancellation.onCancellationRequested(() => abort.abort());
      return checkAccount(client.client, token, abort.signal);
    });
  } finally {
    await client.client.close();
  }
}

/** Says what HubSpot said of the token: its portal and scopes, a missing contacts scope as a warning. `done`: the sentence that says what was done. */
function report(scope: ExtensionScope, done: string, baseUrl: string, check: AccountCheck | undefined): void {
  if (!check) {
    void vscode.window.showInformationMessage(vscode.l10n.t('{0}. HubSpot is not asked about its token from an untrusted workspace: Replace Token… in a trusted one checks it.', done));
    return;
  }
  if (check.kind !== 'checked') {
    scope.log.warn(`The token for ${baseUrl} was not checked: ${check.message}`);
    void vscode.window.showWarningMessage(vscode.l10n.t('{0}, but {1}. Replace Token when you have the right one.', done, check.message));
    return;
  }
  const { portal, missing } = check;
  const where = portal.portalId === undefined ? hostOf(baseUrl) : `portal ${portal.portalId}${portal.domain ? ` (${portal.domain})` : ''}`;
  scope.log.info(`The token for ${where} has the scopes ${portal.scopes?.join(', ') ?? '(not described)'}`);
  // The same place as the log line names it, in the words of the notifications.
  const shown = portal.portalId === undefined ? hostOf(baseUrl) : portal.domain ? vscode.l10n.t('portal {0} ({1})', portal.portalId, portal.domain) : vscode.l10n.t('portal {0}', portal.portalId);
  if (portal.scopes === undefined) {
    void vscode.window.showInformationMessage(vscode.l10n.t('{0}: {1}. HubSpot did not say which scopes the token has: it may still work.', done, shown));
    return;
  }
  if (missing.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('{0}: {1}. Its token can create, update and read contacts and their properties.', done, shown));
    return;
  }
  const lacks = missing.map(({ scope: name, needed }) => `${name} (${needed})`).join('; ');
  const show = cannotWriteContacts(check) ? vscode.window.showErrorMessage : vscode.window.showWarningMessage;
  void show(vscode.l10n.t('{0}: {1}, but its private app lacks {2}. Add the scope in HubSpot (Settings → Integrations → Private apps), then Replace Token.', done, shown, lacks));
}

interface AccountItem extends vscode.QuickPickItem {
  readonly account?: Account;
}

async function pickAccount(accounts: readonly Account[], active: Account | undefined, title: string, offerAdd: boolean): Promise<Account | 'add' | undefined> {
  const items: AccountItem[] = accounts.map((account) => ({
    label: `${account.id === active?.id ? '$(check)' : '$(blank)'} ${account.name}`,
    description: [
      account.portal?.portalId === undefined ? undefined : vscode.l10n.t('portal {0}', account.portal.portalId),
      hostOf(account.baseUrl),
      account.apiVersion,
      account.production ? `$(warning) ${vscode.l10n.t('production')}` : undefined,
    ].filter(Boolean).join(' · '),
    detail: scopesNote(account.portal),
    account,
  }));
  if (offerAdd) items.push({ label: '', kind: vscode.QuickPickItemKind.Separator }, { label: `$(add) ${vscode.l10n.t('Add Account…')}` });
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: accounts.length === 0 ? vscode.l10n.t('No accounts yet') : active ? vscode.l10n.t('Active: {0}', accountTitle(active)) : vscode.l10n.t('Active: none'), matchOnDescription: true });
  if (!picked) return undefined;
  return picked.account ?? 'add';
}

function scopesNote(portal: PortalFacts | undefined): string | undefined {
  if (portal?.scopes === undefined) return undefined;
  return portal.scopes.includes('crm.objects.contacts.write') ? undefined : `$(error) ${vscode.l10n.t('its token cannot write contacts (crm.objects.contacts.write)')}`;
}

function hostOf(baseUrl: string): string {
  const parsed = parseBaseUrl(baseUrl);
  return parsed.ok ? parsed.baseUrl.host : baseUrl;
}
