import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import '../../../support/vscodeStub';

const manifest = JSON.parse(readFileSync(path.join(import.meta.dirname, '../../../../../package.json'), 'utf8')) as {
  contributes: {
    commands: { command: string }[];
    menus: Record<string, { command: string; when?: string }[]>;
    views: Record<string, { id: string; when?: string }[]>;
  };
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

test('every sending command is hidden on the web in the palette and every menu, and so are the views; the editing commands are not', async () => {
  const { SENDING_COMMANDS } = await import('../../../../../client/src/extension/commands/commandTable');
  const { EDITING_COMMANDS } = await import('../../../../../client/src/extension/commands/editingCommands');
  const { COMMAND_PREFIX } = await import('../../../../../client/src/extension/extensionContext');
  const { WEB_WORKER_HOST_CONTEXT } = await import('../../../../../client/src/extension/web/noSendingOnTheWeb');
  const HIDDEN_ON_THE_WEB = `!${WEB_WORKER_HOST_CONTEXT}`;
  const sending = new Set(Object.keys(SENDING_COMMANDS).map((name) => `${COMMAND_PREFIX}.${name}`));
  const hiddenOnTheWeb = (when: string | undefined): boolean => when === 'false' || (when ?? '').split(' && ').includes(HIDDEN_ON_THE_WEB);
  const palette = manifest.contributes.menus.commandPalette ?? [];
  for (const command of sending) assert.ok(hiddenOnTheWeb(palette.find((item) => item.command === command)?.when), `${command} is hidden in the palette on the web`);
  for (const [menu, items] of Object.entries(manifest.contributes.menus)) {
    // view/… menus belong to the views, which are hidden on the web themselves.
    if (menu.startsWith('view/')) continue;
    for (const item of items) if (sending.has(item.command)) assert.ok(hiddenOnTheWeb(item.when), `${menu}: ${item.command} (when: ${item.when ?? 'none'})`);
  }
  for (const view of Object.values(manifest.contributes.views).flat()) assert.equal(view.when, HIDDEN_ON_THE_WEB, view.id);
  for (const name of Object.keys(EDITING_COMMANDS)) {
    const command = `${COMMAND_PREFIX}.${name}`;
    assert.ok(!Object.values(manifest.contributes.menus).flat().some((item) => item.command === command && (item.when ?? '').includes(HIDDEN_ON_THE_WEB)), `${command} stays on the web`);
  }
});
