// What a person does in the workbench, as the browser tests (ui.test.ts, webui.test.ts) do it: keys
// and the widgets they open. The selectors are VS Code internals, pinned by code-server's version.
import type { Page } from 'playwright-core';

/** Ctrl+G to a 1-based line and column of the active editor; returns once the cursor is back in it. */
export async function goToLine(page: Page, { line, column }: { line: number; column: number }): Promise<void> {
  await page.keyboard.press('Control+G');
  await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
  await page.keyboard.type(`${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** Runs a command from the palette (F1) by its title, as a person types it. */
export async function runFromPalette(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
  await page.keyboard.type(title);
  await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

/** Quick Open (Ctrl+P) a workspace file; resolves once its editor tab is the active one. */
export async function quickOpen(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
  await page.keyboard.type(name);
  await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: name }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.tab.active').filter({ hasText: name }).waitFor();
}
