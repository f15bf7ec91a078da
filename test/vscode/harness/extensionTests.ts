// The in-editor mocha suite (the @vscode/test-electron `extensionTestsPath` contract) run in
// code-server's Node extension host. The workbench reads extensionDevelopmentPath and
// extensionTestsPath from the page's `payload` URL parameter when code-server runs with the
// smoke-test driver, sends every log line to `window.codeAutomationLog`, and reports the suite's
// result to `window.codeAutomationExit(code)`.
import fs from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';
import util from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { MOCHA_BEGIN, MOCHA_END } from '../suite/markers';
import { launchBrowser, newWorkbenchPage, workbenchUrl, type Workbench } from './browser';
import { startCodeServer, type CodeServer } from './codeServer';
import { DeadlineError, withDeadline } from './deadline';
import { extensionLogTail } from './logs';
import { assertE2eInstalled, REPO_ROOT, requireFile } from './paths';
import { freshProfile, type Profile, type ProfileOptions } from './profile';

export interface ExtensionTestOptions extends ProfileOptions {
  /** The output folder's name under test-output/e2e/. */
  readonly name: string;
  /** Absolute path of the extension folder (its package.json and its built `main`). */
  readonly extensionDevelopmentPath: string;
  /** Absolute path of the built suite index (exports `run()`). */
  readonly extensionTestsPath: string;
  /** Extra environment for the extension host. */
  readonly env?: NodeJS.ProcessEnv;
  /** Defaults to true; false (with `security.workspace.trust.enabled` in the settings) opens the folder untrusted. */
  readonly disableWorkspaceTrust?: boolean;
  /** Deadline for the whole suite, from opening the page to codeAutomationExit. Default 120 s. */
  readonly timeoutMs?: number;
  /**
   * Input boxes a person would confirm during the suite (a test in the extension host cannot press
   * a key): each time an input box whose title or prompt holds one of these texts shows, Enter is pressed.
   */
  readonly confirmInputBoxes?: readonly string[];
  /**
   * Texts to watch the page for while the suite runs (a status bar item's, a notification's):
   * what the extension shows a person (the extension host ends with the suite, and its items with it).
   */
  readonly watchFor?: readonly string[];
}

export interface ExtensionTestResult {
  /** What the suite reported through codeAutomationExit: 0 when every test passed. */
  readonly exitCode: number;
  /** mocha's own output, picked out of the workbench log. */
  readonly mochaOutput: string;
  readonly profile: Profile;
  /** How often each of `confirmInputBoxes` was confirmed, by its text. */
  readonly inputBoxesConfirmed: ReadonlyMap<string, number>;
  /** Which of `watchFor` showed. */
  readonly seen: ReadonlySet<string>;
}

export async function runExtensionTests(options: ExtensionTestOptions): Promise<ExtensionTestResult> {
  assertE2eInstalled();
  requireFile(path.join(options.extensionDevelopmentPath, 'package.json'), 'the extension manifest (extensionDevelopmentPath)', 'check the path');
  requireFile(options.extensionTestsPath, 'the built suite (extensionTestsPath)', 'run `node test/vscode/build-suite.mjs`');
  const profile = freshProfile(options.name, options);
  const logFile = path.join(profile.dir, 'workbench-automation.log');
  const lines: string[] = [];
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let workbench: Workbench | undefined;
  try {
    server = await startCodeServer(profile, {
      smokeTestDriver: true,
      disableWorkspaceTrust: options.disableWorkspaceTrust ?? true,
      ...(options.env ? { env: options.env } : {}),
    });
    browser = await launchBrowser(profile);
    workbench = await newWorkbenchPage(browser, profile);
    const { page } = workbench;

    let reportExit: (code: number) => void = () => {};
    const exited = new Promise<number>((resolve) => { reportExit = resolve; });
    await page.exposeFunction('codeAutomationLog', (level: string, args: unknown) => {
      const line = util.format(...(Array.isArray(args) ? (args as unknown[]) : [args]));
      lines.push(line);
      fs.appendFileSync(logFile, `[${level}] ${line}\n`);
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => reportExit(code));

    const remote = (file: string): string => `vscode-remote://${server!.authority}${file}`;
    await page.goto(workbenchUrl(server.url, profile.workspace, [
      ['extensionDevelopmentPath', remote(options.extensionDevelopmentPath)],
      ['extensionTestsPath', remote(options.extensionTestsPath)],
    ]));
    let suiteEnded = false;
    const inputBoxesConfirmed = new Map<string, number>();
    for (const text of options.confirmInputBoxes ?? []) {
      void confirmEachTime(page, text, () => suiteEnded, (count) => inputBoxesConfirmed.set(text, count));
    }
    const seen = new Set<string>();
    for (const text of options.watchFor ?? []) {
      // No timeout: the page closing once the suite has ended rejects the wait.
      void page.getByText(text).first().waitFor({ state: 'visible', timeout: 0 }).then(() => seen.add(text), () => undefined);
    }
    let exitCode: number;
    try {
      exitCode = await withDeadline(exited, options.timeoutMs ?? 120_000, () => 'the extension tests did not finish (codeAutomationExit was not called)');
    } catch (error) {
      await workbench.screenshot('timed-out').catch(() => undefined);
      if (error instanceof DeadlineError) {
        throw new Error(`${error.message}; logs in ${profile.dir}\n${pickMochaOutput(lines) || lines.slice(-30).join('\n')}`, { cause: error });
      }
      throw error;
    } finally {
      // A loop still waiting for its dialog ends when the browser closes below.
      suiteEnded = true;
    }
    await workbench.screenshot('after-tests').catch(() => undefined);
    return { exitCode, mochaOutput: pickMochaOutput(lines), profile, inputBoxesConfirmed, seen };
  } finally {
    // A suite in the web worker host logs into the browser: kept before it closes, for extensionLogTail.
    await workbench?.saveWebHostLogs().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await server?.stop();
  }
}

/**
 * Holds a run to what passing means: exit code 0, mocha's count of passing tests above zero, none
 * failing or pending; prints mocha's output, and on failure the extension's own log beside it.
 */
export function assertSuitePassed(t: { diagnostic(message: string): void }, result: ExtensionTestResult, what: string): void {
  t.diagnostic(`logs: ${path.relative(REPO_ROOT, result.profile.dir)}`);
  if (result.exitCode !== 0) t.diagnostic(`the extension's output channel:\n${extensionLogTail(result.profile)}`);
  assert.equal(result.exitCode, 0, `${what} failed (exit code ${result.exitCode}):\n${result.mochaOutput}`);
  console.log(result.mochaOutput);
  assert.match(result.mochaOutput, /\b[1-9]\d* passing\b/, 'mocha reported passing tests');
  assert.doesNotMatch(result.mochaOutput, /\b\d+ (failing|pending)\b/);
}

/** Presses Enter in the input box each time it shows, until the suite has ended or the page closes. */
async function confirmEachTime(page: Page, text: string, ended: () => boolean, confirmed: (count: number) => void): Promise<void> {
  const box = page.locator('.quick-input-widget').filter({ hasText: text });
  let count = 0;
  while (!ended()) {
    try {
      // No timeout: the page closing (the browser closes once the suite has ended) rejects this wait.
      // The widget stays in the page when hidden, with its last title: wait until it shows.
      await box.waitFor({ state: 'visible', timeout: 0 });
      await box.locator('input').press('Enter');
    } catch {
      return;
    }
    confirmed(++count);
    await box.waitFor({ state: 'hidden', timeout: 0 }).catch(() => undefined);
  }
}

/**
 * mocha's lines between the markers index.ts prints, without the workbench's own chatter (the full
 * stream is in `<profile>/workbench-automation.log`). When the suite never got as far as the begin
 * marker (it failed to load), the error entries instead.
 */
export function pickMochaOutput(lines: readonly string[]): string {
  // Offline noise: the extension gallery (open-vsx.org) and the missing vsda module.
  const clean = lines.filter((entry) => !/open-vsx\.org|vsda/.test(entry));
  const begin = clean.findIndex((line) => line.includes(MOCHA_BEGIN));
  if (begin === -1) return clean.filter((entry) => /error|fail|cannot|exception/i.test(entry)).join('\n');
  const end = clean.findIndex((line, i) => i > begin && line.includes(MOCHA_END));
  // The workbench's own components log in between, tagged `[Component] …`; mocha's lines never start with `[`.
  return clean
    .slice(begin + 1, end === -1 ? undefined : end)
    .filter((line) => !/^\[[A-Za-z][\w.-]*\] /.test(line))
    .join('\n')
    .trim();
}
