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
import type { Browser } from 'playwright-core';
import { launchBrowser, newWorkbenchPage, workbenchUrl } from './harness/browser';
import { installVsix, startCodeServer, type CodeServer } from './harness/codeServer';
import { WORKSPACE_FILES } from './harness/fixtures';
import { assertE2eInstalled, REPO_ROOT, requireFile, VSIX } from './harness/paths';
import { freshProfile } from './harness/profile';
import { quickOpen } from './harness/workbenchActions';

const EXTENSION_ID = 'contact-payloads.contact-payloads';
const STEP_TIMEOUT = 30_000;

void test('in the web worker host a person sees the squiggle and its Problems row, the status bar says sends are not made from the web, and the palette offers no send', { timeout: 180_000 }, async (t) => {
  requireFile(VSIX, 'the packaged extension', 'run `npm run package` first');
  assertE2eInstalled();
  const profile = freshProfile('webui', { files: WORKSPACE_FILES, settings: { 'remote.extensionKind': { [EXTENSION_ID]: ['web'] } } });
  t.diagnostic(`screenshots and logs: ${path.relative(REPO_ROOT, profile.dir)}`);
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  try {
    await installVsix(profile, VSIX);
    server = await startCodeServer(profile);
    browser = await launchBrowser(profile);
    const workbench = await newWorkbenchPage(browser, profile);
    const { page } = workbench;
    try {
      await page.goto(workbenchUrl(server.url, profile.workspace));
      await page.locator('.explorer-folders-view .monaco-list-row').filter({ hasText: 'bad.contact.json' }).waitFor({ timeout: STEP_TIMEOUT });

      await quickOpen(page, 'bad.contact.json');
      await page.locator('.editor-instance .monaco-editor .squiggly-error').first().waitFor({ timeout: STEP_TIMEOUT });
      await page.locator('.statusbar-item').filter({ hasText: 'HubSpot: not sent from the web' }).waitFor({ timeout: STEP_TIMEOUT });
      await page.keyboard.press('Control+Shift+M');
      await page.locator('.markers-panel .monaco-list-row').filter({ hasText: 'contact-payloads' }).filter({ hasText: /email/i }).first().waitFor({ timeout: STEP_TIMEOUT });
      await workbench.screenshot('squiggle-problems-status');

      // The palette, filtered to the extension's category: the editing commands, none that sends.
      await page.keyboard.press('F1');
      await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
      await page.keyboard.type('HubSpot Contacts:');
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
      throw error;
    }
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop();
  }
});
