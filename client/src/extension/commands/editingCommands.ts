// The commands of every extension host, by their name under `contactPayloads.`; those that send are in
// commandTable.ts (desktop only). A unit test holds the two tables to package.json's contributes.commands.
import type { EditingSide } from '../extensionRuntime';
import { restartServer } from './restartServer';
import { showOutput } from './showOutput';

export const EDITING_COMMANDS = {
  restartServer,
  showOutput,
} satisfies Record<string, (editing: EditingSide) => (...args: never[]) => unknown>;
