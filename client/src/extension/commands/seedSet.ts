// The seed set commands: plan a folder (Send Seed Set…, from the palette or with a folder URI), what
// is selected in the Explorer (Send to HubSpot: a folder, or several files and folders), or the open
// batch file (Send Batch File, the editor title and the CodeLens); then send the plan in the view
// (its Send action) or stop the run (its Stop action). Each returns the plan or the report, for
// scripts and tests, or undefined when none was made.
import * as vscode from 'vscode';
import { isBatchFile } from '../../send/contactText';
import type { CommandContext } from './commandContext';

export const sendSeedSet = ({ seeds }: CommandContext) => async (folder?: vscode.Uri) => {
  const chosen = folder ?? (await pickFolder());
  return chosen ? seeds.plan([chosen]) : undefined;
};

/** The Explorer hands over the clicked resource and, with several selected, all of them. */
export const sendToHubSpot = ({ seeds }: CommandContext) => (clicked?: vscode.Uri, selected?: readonly vscode.Uri[]) => {
  const targets = selected && selected.length > 0 ? selected : clicked ? [clicked] : [];
  if (targets.length === 0) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Choose a folder or contact files in the Explorer to send them to HubSpot.'));
    return undefined;
  }
  return seeds.plan(targets);
};

export const sendBatchFile = ({ seeds }: CommandContext) => (file?: vscode.Uri) => {
  const target = file ?? vscode.window.activeTextEditor?.document.uri;
  if (!target || !isBatchFile(target.path)) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Open a *.contacts.json batch file to send it to HubSpot.'));
    return undefined;
  }
  return seeds.plan([target]);
};

export const sendSeedPlan = ({ seeds }: CommandContext) => () => seeds.send();

export const stopSeedRun = ({ seeds }: CommandContext) => () => seeds.stop();

async function pickFolder(): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    canSelectFolders: true,
    canSelectFiles: false,
    canSelectMany: false,
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
    title: vscode.l10n.t('Send a seed set to HubSpot'),
    openLabel: vscode.l10n.t('Plan Seed Set'),
  });
  return picked?.[0];
}
