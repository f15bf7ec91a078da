// The status bar item shown while a contact file is open: the account a send goes to ("HubSpot:
// Staging · 62515"), marked when it is production, click to switch. A workspace that suggests an
// account the user has not added says so, and the click offers to add it under that name.
import * as vscode from 'vscode';
import { accountTitle } from '../../accounts/account';
import type { Accounts } from '../accounts/accounts';
import { SeedFileStatusItem } from './seedFileStatusItem';

export class AccountStatus extends SeedFileStatusItem {
  constructor(private readonly accounts: Accounts) {
    super('contactPayloads.account', 'HubSpot Contacts: account', 101, [accounts.onDidChangeAccounts]);
    void accounts.ready.then(() => this.update());
  }

  protected render(): void {
    const active = this.accounts.active();
    const suggested = this.accounts.suggested();
    const missing = suggested !== undefined && !this.accounts.findByName(suggested);
    if (!active || missing) {
      this.item.text = `$(account) HubSpot: ${missing ? `${suggested} (not added)` : 'no account'}`;
      this.item.tooltip = missing
        ? `This workspace suggests the account ${suggested}, which you have not added. Click to add it (you choose its base URL and token).`
        : 'No HubSpot account is set up. Click to add one.';
      this.item.command = { title: 'Add Account…', command: 'contactPayloads.addAccount', arguments: missing ? [{ name: suggested }] : [] };
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    } else {
      const { account, reason } = active;
      this.item.text = `${account.production ? '$(warning)' : '$(account)'} HubSpot: ${accountTitle(account)}`;
      const lines = [
        `Sends go to the account **${account.name}**${account.portal?.portalId === undefined ? '' : `, portal ${account.portal.portalId}`}, at ${account.baseUrl}.`,
        ...(account.production ? ['It is marked **production**: every send asks first.'] : []),
        ...(reason === 'suggested' ? ['This workspace suggests it (contactPayloads.account).'] : []),
        'Click to switch accounts.',
      ];
      const tooltip = new vscode.MarkdownString(lines.join('\n\n'));
      tooltip.isTrusted = false;
      this.item.tooltip = tooltip;
      this.item.command = 'contactPayloads.switchAccount';
      this.item.backgroundColor = account.production ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    }
  }
}
