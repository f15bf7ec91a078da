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

const SEND = 'Send';
const LEAVE_OUT = 'Send, Leaving Them Out';
const CREATE_AGAIN = 'Send and Create Them Again';

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
    `Account: ${accountLabel(plan.account)} (CRM objects API ${plan.account.apiVersion}, batches of up to 100).`,
    `Plan: ${planSummary(plan)}.`,
    ...(counts.uncertain > 0
      ? [`${plural(counts.uncertain, 'contact', 'contacts')} without an email may already exist: an earlier run sent their create and never learned whether it happened. Creating them again may make a second contact of each.`]
      : []),
    ...(confirm ? ['A production account always asks; otherwise the setting contactPayloads.confirmBeforeSend turns this question off.'] : []),
  ].join('\n\n');
  const choices = counts.uncertain > 0 ? [LEAVE_OUT, CREATE_AGAIN] : [SEND];
  const choice = await vscode.window.showWarningMessage(`Send ${plural(toSend, 'contact', 'contacts')} to ${production ? 'PRODUCTION: ' : ''}${accountLabel(plan.account)}?`, { modal: true, detail }, ...choices);
  if (choice === CREATE_AGAIN) return 'sendWithUncertain';
  return choice === SEND || choice === LEAVE_OUT ? 'send' : undefined;
}

/** True once the person typed what names the production portal; Escape sends nothing. */
async function typedPortal(plan: SeedPlan): Promise<boolean> {
  const expected = plan.account.portalId === undefined ? plan.account.name ?? plan.account.origin : String(plan.account.portalId);
  const what = plan.account.portalId === undefined ? 'the name of the account' : 'its portal id';
  const typed = await vscode.window.showInputBox({
    title: `Send ${plural(plan.counts.create + plan.counts.update, 'contact', 'contacts')} to PRODUCTION: ${accountLabel(plan.account)}`,
    prompt: `This account is marked production. Type ${what}, ${expected}, to send the set.`,
    placeHolder: expected,
    ignoreFocusOut: true,
    validateInput: (input) => (input.trim() === expected ? undefined : `Type ${expected} to send to this production account.`),
  });
  return typed?.trim() === expected;
}
