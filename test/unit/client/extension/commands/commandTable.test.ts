import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import '../../../support/vscodeStub';

const manifest = JSON.parse(readFileSync(path.join(import.meta.dirname, '../../../../../package.json'), 'utf8')) as {
  contributes: { commands: { command: string }[] };
};

test("package.json's contributes.commands are exactly the editing and the sending commands the extension registers, each once", async () => {
  // Loaded after the stub is in place: the tables' modules import vscode.
  const { SENDING_COMMANDS } = await import('../../../../../client/src/extension/commands/commandTable');
  const { EDITING_COMMANDS } = await import('../../../../../client/src/extension/commands/editingCommands');
  const COMMANDS = { ...EDITING_COMMANDS, ...SENDING_COMMANDS };
  assert.equal(Object.keys(COMMANDS).length, Object.keys(EDITING_COMMANDS).length + Object.keys(SENDING_COMMANDS).length);
  const { COMMAND_PREFIX } = await import('../../../../../client/src/extension/extensionContext');
  const registered = Object.keys(COMMANDS).map((name) => `${COMMAND_PREFIX}.${name}`).sort();
  const contributed = manifest.contributes.commands.map(({ command }) => command).sort();
  assert.deepEqual(registered, contributed);
  for (const factory of Object.values(COMMANDS)) assert.equal(typeof factory, 'function');
});
