// A fresh, throwaway VS Code profile per run: user data (with settings.json), extensions, a workspace
// folder holding copies of the fixture files, and a scratch HOME so that neither code-server nor
// Chromium writes into the real one. Everything lives under test-output/e2e/<name>/ and is wiped
// at the start of the next run of the same name, so a failed run can be looked at afterwards.
import fs from 'node:fs';
import path from 'node:path';
import { E2E_OUTPUT } from './paths';

export interface Profile {
  readonly name: string;
  /** test-output/e2e/<name>: logs and screenshots go here, next to the profile folders. */
  readonly dir: string;
  readonly home: string;
  readonly userDataDir: string;
  readonly extensionsDir: string;
  readonly workspace: string;
  readonly screenshotsDir: string;
  /** code-server's config file (CODE_SERVER_CONFIG); otherwise it writes ~/.config/code-server/config.yaml. */
  readonly configFile: string;
  /** The environment for every process started for this profile: the scratch HOME and XDG dirs. */
  env(extra?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
}

export interface ProfileOptions {
  /** User settings merged over the defaults below, e.g. `{ 'contactPayloads.baseUrl': 'http://127.0.0.1:1234' }`. */
  readonly settings?: Readonly<Record<string, unknown>>;
  /** Workspace files to create, by path relative to the workspace folder. */
  readonly files?: Readonly<Record<string, string>>;
}

/** Quiet, offline, deterministic: no welcome page, no telemetry, no update checks, no AI side bar. */
export const DEFAULT_SETTINGS: Readonly<Record<string, unknown>> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'chat.disableAIFeatures': true,
  // The workspace sits inside this repo's git tree; scanning it is noise and CPU.
  'git.enabled': false,
};

export function freshProfile(name: string, options: ProfileOptions = {}): Profile {
  const dir = path.join(E2E_OUTPUT, name);
  fs.rmSync(dir, { recursive: true, force: true });
  const home = path.join(dir, 'home');
  const userDataDir = path.join(dir, 'user-data');
  const extensionsDir = path.join(dir, 'extensions');
  const workspace = path.join(dir, 'workspace');
  const screenshotsDir = path.join(dir, 'screenshots');
  const configFile = path.join(dir, 'code-server.yaml');
  for (const d of [home, path.join(userDataDir, 'User'), extensionsDir, workspace, screenshotsDir]) fs.mkdirSync(d, { recursive: true });

  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...DEFAULT_SETTINGS, ...options.settings }, null, 2));
  // Flags given on the command line win over this file; it exists so code-server writes none of its own.
  fs.writeFileSync(configFile, 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n');
  for (const [relative, text] of Object.entries(options.files ?? {})) {
    const file = path.join(workspace, relative);
    if (!file.startsWith(workspace + path.sep)) throw new Error(`fixture path escapes the workspace: ${relative}`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }

  const env = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    CODE_SERVER_CONFIG: configFile,
    ...extra,
  });
  return { name, dir, home, userDataDir, extensionsDir, workspace, screenshotsDir, configFile, env };
}
