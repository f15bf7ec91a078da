// Debian's Chromium, headless, driven by playwright-core; one page per run with its console kept.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { EXTENSION_ID } from './logs';
import { CHROMIUM } from './paths';
import type { Profile } from './profile';

/** From the offline recipe: no sandbox (root in a container), no GPU, no background network. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const VIEWPORT = { width: 1400, height: 900 } as const;

export function launchBrowser(profile: Profile): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_ARGS], env: profile.env(), timeout: 30_000 });
}

export interface Workbench {
  readonly page: Page;
  /** Saves `<profile>/screenshots/NN-<step>.png` and returns its path. */
  screenshot(step: string): Promise<string>;
  /**
   * Saves `<README_IMAGES>/<name>.jpg`, a picture of this moment for the README, when the environment
   * names that folder (`npm run readme-images`); otherwise nothing.
   */
  readmePicture(name: string): Promise<void>;
  /**
   * Copies the log files the extension wrote in the web worker extension host (its output channels)
   * to `<profile>/user-data/logs/webWorker/<extension id>/`, where extensionLogTail reads them beside
   * the Node host's. That host keeps them in the browser's IndexedDB, gone with the browser.
   */
  saveWebHostLogs(): Promise<void>;
}

/**
 * Runs in the page (as text: the project's types have no DOM). VS Code for the Web writes log files
 * into the `vscode-logs-store` of its `vscode-web-db`, keyed by path, each value the file's bytes.
 */
const READ_WEB_HOST_LOGS = `async (folder) => {
  const db = await new Promise((resolve, reject) => {
    const request = indexedDB.open('vscode-web-db');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const store = db.transaction('vscode-logs-store', 'readonly').objectStore('vscode-logs-store');
  const entries = await new Promise((resolve) => {
    const keys = store.getAllKeys();
    const values = store.getAll();
    values.onsuccess = () => resolve(keys.result.map((key, index) => [String(key), values.result[index]]));
  });
  const logs = {};
  for (const [key, value] of entries) {
    if (key.includes(folder)) logs[key.slice(key.lastIndexOf('/') + 1)] = value instanceof Uint8Array ? new TextDecoder().decode(value) : String(value);
  }
  db.close();
  return logs;
}`;

/** The folder `npm run readme-images` has the UI test write the README's pictures to. */
const README_IMAGES_VARIABLE = 'CONTACT_PAYLOADS_README_IMAGES';
/** JPEG at this quality keeps a 1400×900 workbench near 100 KB: the Marketplace page loads five quickly. */
const README_IMAGE_QUALITY = 72;

/** A new page whose console and page errors go to `<profile>/workbench-console.log`. */
export async function newWorkbenchPage(browser: Browser, profile: Profile): Promise<Workbench> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  const consoleLog = path.join(profile.dir, 'workbench-console.log');
  page.on('console', (message) => fs.appendFileSync(consoleLog, `[${message.type()}] ${message.text()}\n`));
  page.on('pageerror', (error) => fs.appendFileSync(consoleLog, `[pageerror] ${error.stack ?? error.message}\n`));
  let shots = 0;
  return {
    page,
    async screenshot(step: string): Promise<string> {
      shots += 1;
      const file = path.join(profile.screenshotsDir, `${String(shots).padStart(2, '0')}-${step}.png`);
      await page.screenshot({ path: file });
      return file;
    },
    async readmePicture(name: string): Promise<void> {
      const folder = process.env[README_IMAGES_VARIABLE];
      if (!folder) return;
      fs.mkdirSync(folder, { recursive: true });
      await page.screenshot({ path: path.join(folder, `${name}.jpg`), type: 'jpeg', quality: README_IMAGE_QUALITY });
    },
    async saveWebHostLogs(): Promise<void> {
      const logs: Record<string, string> = await page.evaluate(`(${READ_WEB_HOST_LOGS})(${JSON.stringify(`/exthost/webWorker/${EXTENSION_ID}/`)})`);
      const folder = path.join(profile.userDataDir, 'logs', 'webWorker', EXTENSION_ID);
      for (const [name, text] of Object.entries(logs)) {
        fs.mkdirSync(folder, { recursive: true });
        fs.writeFileSync(path.join(folder, name), text);
      }
    },
  };
}

/** The workbench URL for a folder, with an optional smoke-test-driver payload. */
export function workbenchUrl(serverUrl: string, folder: string, payload?: ReadonlyArray<readonly [string, string]>): string {
  let url = `${serverUrl}/?folder=${encodeURIComponent(folder)}`;
  if (payload) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}
