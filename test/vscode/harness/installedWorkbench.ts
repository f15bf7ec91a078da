// The .vsix installed into a fresh code-server, its workbench open on the profile's folder in headless
// Chromium: where the browser tests (ui.test.ts, webui.test.ts) start, as a person who installed it.
import type { Browser } from 'playwright-core';
import { launchBrowser, newWorkbenchPage, workbenchUrl, type Workbench } from './browser';
import { installVsix, startCodeServer, type CodeServer } from './codeServer';
import type { Profile } from './profile';

export interface InstalledWorkbench {
  readonly workbench: Workbench;
  /** Closes the browser and stops code-server. */
  close(): Promise<void>;
}

/** Resolves once the Explorer lists `shownFile` of the profile's folder; whatever started is stopped if a step fails. */
export async function openInstalledWorkbench(profile: Profile, vsix: string, shownFile: string, timeoutMs: number): Promise<InstalledWorkbench> {
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  const close = async (): Promise<void> => {
    await browser?.close().catch(() => undefined);
    await server?.stop();
  };
  try {
    await installVsix(profile, vsix);
    server = await startCodeServer(profile);
    browser = await launchBrowser(profile);
    const workbench = await newWorkbenchPage(browser, profile);
    await workbench.page.goto(workbenchUrl(server.url, profile.workspace));
    await workbench.page.locator('.explorer-folders-view .monaco-list-row').filter({ hasText: shownFile }).waitFor({ timeout: timeoutMs });
    return { workbench, close };
  } catch (error) {
    await close();
    throw error;
  }
}
