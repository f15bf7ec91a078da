// The question before a seed set is sent: it names the account (portal id and host) and what will
// be done, as the first-send confirmation of a single file does (contactPayloads.confirmBeforeSend),
// but for every set: a set may create thousands of contacts. Creates that an earlier run sent without
// learning their outcome are asked about even without it — each may make a second contact — and are
// left out unless the person chooses otherwise. A set to a production account is sent only once the
// person typed its portal id (or, when HubSpot did not say it, the account's name).
import * as vscode from 'vscode';
import { plural } from '../../hubspot/format';
import { accountLabel } from '../../seed/seedAccount';
import type { SeedPlan } from '../../seed/seedPlanning';
import { planSummary } from '../views/seedNodes';

export type SeedSendAnswer = 'send' | 'sendWithUncertain';

/** Undefined when the person did not send. */
export async function confirmSeedSend(plan: SeedPlan, confirmBeforeSend: boolean, production: boolean): Promise<SeedSendAnswer | undefined> {
  const answer = await askSeedSend(plan, confirmBeforeSend || production, production);
  if (answer === undefined || !production) return answer;
  return (await typedPortal(plan)) ? answer : undefined;
}

async function askSeedSend(plan: SeedPlan, confirm: boolean, production: boolean): Promise<SeedSendAnswer | undefined> {
  const { counts } = plan;
  if (!confirm && counts.uncertain === 0) return 'send';
  const toSend = counts.create + counts.update;
  const detail = [
    vscode.l10n.t('Account: {0} (CRM objects API {1}, batches of up to 100).', accountLabel(plan.account), plan.account.apiVersion),
    vscode.l10n.t('Plan: {0}.', planSummary(plan)),
    ...(counts.uncertain > 0
      ? [vscode.l10n.t('{0} without an email may already exist: an earlier run sent their create and never learned whether it happened. Creating them again may make a second contact of each.', plural(counts.uncertain, 'contact', 'contacts'))]
      : []),
    ...(confirm ? [vscode.l10n.t('A production account always asks; otherwise the setting contactPayloads.confirmBeforeSend turns this question off.')] : []),
  ].join('\n\n');
  const send = vscode.l10n.t('Send');
  const leaveOut = vscode.l10n.t('Send, Leaving Them Out');
  const createAgain = vscode.l10n.t('Send and Create Them Again');
  const choices = counts.uncertain > 0 ? [leaveOut, createAgain] : [send];
  const contacts = plural(toSend, 'contact', 'contacts');
  const question = production
    ? vscode.l10n.t('Send {0} to PRODUCTION: {1}?', contacts, accountLabel(plan.account))
    : vscode.l10n.t('Send {0} to {1}?', contacts, accountLabel(plan.account));
  const choice = await vscode.window.showWarningMessage(question, { modal: true, detail }, ...choices);
  if (choice === createAgain) return 'sendWithUncertain';
  return choice === send || choice === leaveOut ? 'send' : undefined;
}

/** True once the person typed what names the production portal; Escape sends nothing. */
async function typedPortal(plan: SeedPlan): Promise<boolean> {
  const expected = plan.account.portalId === undefined ? plan.account.name ?? plan.account.origin : String(plan.account.portalId);
  const typed = await vscode.window.showInputBox({
    title: vscode.l10n.t('Send {0} to PRODUCTION: {1}', plural(plan.counts.create + plan.counts.update, 'contact', 'contacts'), accountLabel(plan.account)),
    prompt: plan.account.portalId === undefined
      ? vscode.l10n.t('This account is marked production. Type the name of the account, {0}, to send the set.', expected)
      : vscode.l10n.t('This account is marked production. Type its portal id, {0}, to send the set.', expected),
    placeHolder: expected,
    ignoreFocusOut: true,
    validateInput: (input) => (input.trim() === expected ? undefined : vscode.l10n.t('Type {0} to send to this production account.', expected)),
  });
  return typed?.trim() === expected;
}
