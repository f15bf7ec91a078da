// The commands that reach HubSpot, by their name under `contactPayloads.`: sendingSide.ts registers each
// one from this table on the desktop; the others are in editingCommands.ts. A unit test holds the two
// tables to package.json's contributes.commands.
import { addAccount, removeAccount, replaceToken, switchAccount } from './accounts';
import type { CommandContext } from './commandContext';
import { clearHistory, copyHistoryAsCurl, openHistoryEntry, refreshHistory, resendHistoryEntry, revealHistorySource } from './history';
import { refreshProperties } from './refreshProperties';
import { sendBatchFile, sendSeedPlan, sendSeedSet, sendToHubSpot, stopSeedRun } from './seedSet';
import { createContact, saveIdCommand, updateContact } from './sendContact';

export type CommandFactory = (ctx: CommandContext) => (...args: never[]) => unknown;

export const SENDING_COMMANDS = {
  createContact,
  updateContact,
  addAccount,
  switchAccount,
  removeAccount,
  replaceToken,
  refreshProperties,
  // Its name stays: keybindings and scripts call it by it.
  saveVid: saveIdCommand,
  sendSeedSet,
  sendToHubSpot,
  sendBatchFile,
  sendSeedPlan,
  stopSeedRun,
  openHistoryEntry,
  copyHistoryAsCurl,
  revealHistorySource,
  resendHistoryEntry,
  refreshHistory,
  clearHistory,
} satisfies Record<string, CommandFactory>;
