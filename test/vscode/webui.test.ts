// The installed .vsix in the browser's web worker extension host, as VS Code for the Web runs it,
// driven like a person would with headless Chromium: the squiggle and the Problems row of a bad file
// (the language server in a worker, started from the installed extension's files), the status bar
// saying that sends are not made from the web, and a command palette that offers the editing
// commands and no send. The user setting `remote.extensionKind` puts the extension in the web host
// (docs/web.md). Screenshots go to test-output/e2e/webui/screenshots/.
// Needs `npm run package` (dist/contact-payloads.vsix) and .ci/install-e2e.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { openInstalledWorkbench } from './harness/installedWorkbench';
import { WORKSPACE_FILES } from './harness/fixtures';
import { EXTENSION_ID, extensionLogTail } from './harness/logs';
import { assertE2eInstalled, REPO_ROOT, requireFile, VSIX } from './harness/paths';
import { freshProfile } from './harness/profile';
import { quickOpen, typeInQuickInput } from './harness/workbenchActions';

const STEP_TIMEOUT = 30_000;

void test('in the web worker host a person sees the squiggle and its Problems row, the status bar says sends are not made from the web, and the palette offers no send', { timeout: 180_000 }, async (t) => {
  requireFile(VSIX, 'the packaged extension', 'run `npm run package` first');
  assertE2eInstalled();
  const profile = freshProfile('webui', { files: WORKSPACE_FILES, settings: { 'remote.extensionKind': { [EXTENSION_ID]: ['web'] } } });
  t.diagnostic(`screenshots and logs: ${path.relative(REPO_ROOT, profile.dir)}`);
  const opened = await openInstalledWorkbench(profile, VSIX, 'bad.contact.json', STEP_TIMEOUT);
  try {
    const { workbench } = opened;
    const { page } = workbench;
    try {
      await quickOpen(page, 'bad.contact.json');
      await page.locator('.editor-instance .monaco-editor .squiggly-error').first().waitFor({ timeout: STEP_TIMEOUT });
      await page.locator('.statusbar-item').filter({ hasText: 'HubSpot: not sent from the web' }).waitFor({ timeout: STEP_TIMEOUT });
      await page.keyboard.press('Control+Shift+M');
      await page.locator('.markers-panel .monaco-list-row').filter({ hasText: 'contact-payloads' }).filter({ hasText: /email/i }).first().waitFor({ timeout: STEP_TIMEOUT });
      await workbench.screenshot('squiggle-problems-status');

      // The palette, filtered to the extension's category: the editing commands, none that sends.
      await typeInQuickInput(page, 'F1', 'HubSpot Contacts:');
      const rows = page.locator('.quick-input-list .monaco-list-row');
      await rows.filter({ hasText: 'Restart Language Server' }).first().waitFor({ timeout: STEP_TIMEOUT });
      await workbench.screenshot('palette');
      const titles = (await rows.allInnerTexts()).map((text) => text.split('\n')[0].trim());
      t.diagnostic(`palette: ${titles.join(' | ')}`);
      assert.ok(titles.some((title) => title.includes('Show Output')), `Show Output is offered: ${titles.join(' | ')}`);
      for (const sending of ['Create Contact', 'Update Contact', 'Add Account', 'Switch Account', 'Send Seed Set', 'Refresh']) {
        assert.ok(!titles.some((title) => title.includes(sending)), `no "${sending}" on the web: ${titles.join(' | ')}`);
      }
      await page.keyboard.press('Escape');
    } catch (error) {
      await workbench.screenshot('failure').catch(() => undefined);
      await workbench.saveWebHostLogs().catch(() => undefined);
      t.diagnostic(`the extension's output channel:\n${extensionLogTail(profile)}`);
      throw error;
    }
  } finally {
    await opened.close();
  }
});
