// What a person does in the workbench, as the browser tests (ui.test.ts, webui.test.ts) do it: keys
// and the widgets they open. The selectors are VS Code internals, pinned by code-server's version.
import type { Page } from 'playwright-core';

/**
 * Ctrl+G to a 1-based line and column of the active editor; returns once the editor has the focus
 * again and the status bar shows the cursor there. A key pressed before both went nowhere, or to the
 * old position: a CI run waited in vain for the quick fix menu of a Ctrl+. pressed that early.
 */
export async function goToLine(page: Page, { line, column }: { line: number; column: number }): Promise<void> {
  await typeInQuickInput(page, 'Control+G', `${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  await page.locator('.editor-instance .monaco-editor.focused').waitFor();
  await page.locator('#status\\.editor\\.selection').filter({ hasText: `Ln ${line}, Col ${column}` }).waitFor();
}

/** Opens the quick input with `key` (F1: the palette, Control+P: Quick Open) and types `text` into it. */
export async function typeInQuickInput(page: Page, key: string, text: string): Promise<void> {
  await page.keyboard.press(key);
  await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
  await page.keyboard.type(text);
}

/** Picks the first row that shows `text` in the open quick input, once it is listed. */
async function pickRow(page: Page, text: string): Promise<void> {
  await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: text }).first().waitFor();
  await page.keyboard.press('Enter');
}

/** Runs a command from the palette (F1) by its title, as a person types it. */
export async function runFromPalette(page: Page, title: string): Promise<void> {
  await typeInQuickInput(page, 'F1', title);
  await pickRow(page, title);
}

/** Quick Open (Ctrl+P) a workspace file; resolves once its editor tab is the active one. */
export async function quickOpen(page: Page, name: string): Promise<void> {
  await typeInQuickInput(page, 'Control+P', name);
  await pickRow(page, name);
  await page.locator('.tab.active').filter({ hasText: name }).waitFor();
}
