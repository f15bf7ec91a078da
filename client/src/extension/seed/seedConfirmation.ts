// The question before a seed set is sent: it names the account (portal id and host) and what will
// be done, as the first-send confirmation of a single file does (contactPayloads.confirmBeforeSend),
// but for every set: a set may create thousands of contacts. Creates that an earlier run sent without
// learning their outcome are asked about even without it — each may make a second contact — and are
// left out unless the person chooses otherwise.
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
export async function confirmSeedSend(plan: SeedPlan, confirmBeforeSend: boolean): Promise<SeedSendAnswer | undefined> {
  const { counts } = plan;
  if (!confirmBeforeSend && counts.uncertain === 0) return 'send';
  const toSend = counts.create + counts.update;
  const detail = [
    `Account: ${accountLabel(plan.account)} (CRM objects API ${plan.account.apiVersion}, batches of up to 100).`,
    `Plan: ${planSummary(plan)}.`,
    ...(counts.uncertain > 0
      ? [`${plural(counts.uncertain, 'contact', 'contacts')} without an email may already exist: an earlier run sent their create and never learned whether it happened. Creating them again may make a second contact of each.`]
      : []),
    ...(confirmBeforeSend ? ['The setting contactPayloads.confirmBeforeSend turns this question off.'] : []),
  ].join('\n\n');
  const choices = counts.uncertain > 0 ? [LEAVE_OUT, CREATE_AGAIN] : [SEND];
  const choice = await vscode.window.showWarningMessage(`Send ${plural(toSend, 'contact', 'contacts')} to ${accountLabel(plan.account)}?`, { modal: true, detail }, ...choices);
  if (choice === CREATE_AGAIN) return 'sendWithUncertain';
  return choice === SEND || choice === LEAVE_OUT ? 'send' : undefined;
}
