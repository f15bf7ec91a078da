// Every command the extension contributes, by its name under `contactPayloads.`: main.ts registers
// each one from this table, and a unit test holds the table to package.json's contributes.commands.
import { addAccount, removeAccount, replaceToken, switchAccount } from './accounts';
import type { CommandContext } from './commandContext';
import { clearHistory, copyHistoryAsCurl, openHistoryEntry, refreshHistory, resendHistoryEntry, revealHistorySource } from './history';
import { refreshProperties } from './refreshProperties';
import { restartServer } from './restartServer';
import { sendBatchFile, sendSeedPlan, sendSeedSet, sendToHubSpot, stopSeedRun } from './seedSet';
import { createContact, saveIdCommand, updateContact } from './sendContact';
import { showOutput } from './showOutput';

export type CommandFactory = (ctx: CommandContext) => (...args: never[]) => unknown;

export const COMMANDS = {
  createContact,
  updateContact,
  addAccount,
  switchAccount,
  removeAccount,
  replaceToken,
  refreshProperties,
  // Its name stays: keybindings and scripts call it by it.
  saveVid: saveIdCommand,
  restartServer,
  showOutput,
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
