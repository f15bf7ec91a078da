// The status bar item shown while a contact file is open: the account a send goes to ("HubSpot:
// Staging · 62515"), marked when it is production, click to switch. A workspace that suggests an
// account the user has not added says so — in the tooltip while another account is active (the text
// always names where sends go), in the text with a click that adds it under that name when none is.
import * as vscode from 'vscode';
import { accountTitle } from '../../accounts/account';
import type { Accounts } from '../accounts/accounts';
import { accountIcon } from './codeLens';
import { SeedFileStatusItem } from './seedFileStatusItem';

export class AccountStatus extends SeedFileStatusItem {
  constructor(private readonly accounts: Accounts) {
    super('contactPayloads.account', vscode.l10n.t('HubSpot Contacts: account'), 101, [accounts.onDidChangeAccounts]);
    void accounts.ready.then(() => this.update());
  }

  protected render(): void {
    const active = this.accounts.active();
    const suggested = this.accounts.suggested();
    const missing = suggested !== undefined && !this.accounts.findByName(suggested);
    if (!active) {
      this.item.text = `$(account) ${missing ? vscode.l10n.t('HubSpot: {0} (not added)', suggested) : vscode.l10n.t('HubSpot: no account')}`;
      this.item.tooltip = missing
        ? vscode.l10n.t('This workspace suggests the account {0}, which you have not added. Click to add it (you choose its base URL and token).', suggested)
        : vscode.l10n.t('No HubSpot account is set up. Click to add one.');
      this.item.command = { title: vscode.l10n.t('Add Account…'), command: 'contactPayloads.addAccount', arguments: missing ? [{ name: suggested }] : [] };
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    } else {
      const { account, reason } = active;
      this.item.text = `${accountIcon(account)} ${vscode.l10n.t('HubSpot: {0}', accountTitle(account))}`;
      const lines = [
        account.portal?.portalId === undefined
          ? vscode.l10n.t('Sends go to the account **{0}**, at {1}.', account.name, account.baseUrl)
          : vscode.l10n.t('Sends go to the account **{0}**, portal {1}, at {2}.', account.name, account.portal.portalId, account.baseUrl),
        ...(account.production ? [vscode.l10n.t('It is marked **production**: every send asks first.')] : []),
        ...(reason === 'suggested' ? [vscode.l10n.t('This workspace suggests it (contactPayloads.account).')] : []),
        ...(missing ? [vscode.l10n.t('This workspace suggests the account {0}, which you have not added: Add Account… adds it.', suggested)] : []),
        vscode.l10n.t('Click to switch accounts.'),
      ];
      const tooltip = new vscode.MarkdownString(lines.join('\n\n'));
      tooltip.isTrusted = false;
      this.item.tooltip = tooltip;
      this.item.command = 'contactPayloads.switchAccount';
      this.item.backgroundColor = account.production ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    }
  }
}
