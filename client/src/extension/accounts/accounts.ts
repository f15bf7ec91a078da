// The editor's accounts (accounts/accountStore.ts) on VS Code's storage: the list in global state,
// the tokens in SecretStorage, the active account per workspace. A workspace may suggest an account
// by name (contactPayloads.account) — only a name: a workspace never supplies a base URL or a token.
// On the first start with accounts, the per-host tokens of earlier versions become accounts.
import * as vscode from 'vscode';
import { AccountStore, isTokenKey } from '../../accounts/accountStore';
import { accountsFromHostTokens } from '../../accounts/hostTokenMigration';
import { DEFAULT_BASE_URL } from '../../hubspot/baseUrl';
import { SETTINGS_SECTION } from '../../../../server/src/protocol';

const SUGGESTED_ACCOUNT_SETTING = 'account';
/** The setting of earlier versions, read once into the first account. */
const LEGACY_BASE_URL_SETTING = 'baseUrl';

export class Accounts extends AccountStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** An account added, removed, chosen, changed or its token replaced (in any window), or the workspace's suggestion changed. */
  readonly onDidChangeAccounts = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];
  /** Settled once the upgrade from per-host tokens has run: read the accounts after it. */
  readonly ready: Promise<void>;

  constructor(private readonly context: vscode.ExtensionContext, log: vscode.LogOutputChannel) {
    super(context.globalState, context.workspaceState, context.secrets, () => {
      const name = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<unknown>(SUGGESTED_ACCOUNT_SETTING);
      return typeof name === 'string' && name.trim() !== '' ? name.trim() : undefined;
    });
    this.subscriptions = [
      this.changed,
      this.onDidChange(() => this.changed.fire()),
      context.secrets.onDidChange((e) => { if (isTokenKey(e.key)) this.changed.fire(); }),
      vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration(`${SETTINGS_SECTION}.${SUGGESTED_ACCOUNT_SETTING}`)) this.changed.fire(); }),
    ];
    this.ready = this.upgrade(log).catch((error: unknown) => log.error(`The upgrade of earlier access tokens to accounts failed: ${String(error)}`));
  }

  /** Moves the tokens of earlier versions into accounts, once; says in the log what it made. */
  private async upgrade(log: vscode.LogOutputChannel): Promise<void> {
    const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
    const inspected = config.inspect<string>(LEGACY_BASE_URL_SETTING);
    // An untrusted workspace's value is not the user's: VS Code does not apply it, and neither does the upgrade.
    const others = [inspected?.globalValue, ...(vscode.workspace.isTrusted ? [inspected?.workspaceValue, inspected?.workspaceFolderValue] : [])];
    const made = await accountsFromHostTokens({
      store: this,
      global: this.context.globalState,
      secrets: this.context.secrets,
      configuredBaseUrl: config.get<string>(LEGACY_BASE_URL_SETTING, DEFAULT_BASE_URL),
      otherBaseUrls: others.filter((value): value is string => typeof value === 'string'),
    });
    for (const account of made) log.info(`Upgrade: the access token and base URL of ${account.baseUrl} are now the account "${account.name}"`);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
