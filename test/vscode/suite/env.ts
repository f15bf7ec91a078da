// What the launchers (test/vscode/exthost.test.ts, test/vscode/launch-electron.ts) tell the in-editor
// suite through the extension host's environment. No imports: the harness uses this file too.

/** `trusted` (default): the whole suite. `untrusted`: only `*.untrusted.test.js`, in a folder that is not trusted. */
export const SUITE_MODE_VARIABLE = 'CONTACT_PAYLOADS_E2E_SUITE';
/**
 * The base URL of the HubSpot sandbox the launcher started. The user settings name it in
 * `contactPayloads.baseUrl`, as an earlier version's user had it: the upgrade makes it the first account.
 */
export const SANDBOX_URL_VARIABLE = 'CONTACT_PAYLOADS_E2E_SANDBOX_URL';
/** The sandbox's access token, which the suite stores through `contactPayloads.replaceToken`. */
export const SANDBOX_TOKEN_VARIABLE = 'CONTACT_PAYLOADS_E2E_TOKEN';
/** A second sandbox, another portal (the accounts suite adds it as an account of its own): its URL, token with every scope, and read-only token, as JSON. */
export const STAGING_SANDBOX_VARIABLE = 'CONTACT_PAYLOADS_E2E_STAGING';
/** The second sandbox's portal: the accounts suite's Staging and Live. */
export const STAGING_PORTAL = 111;

/** What a launcher puts in STAGING_SANDBOX_VARIABLE for the second sandbox it started. */
export function stagingSandboxValue(staging: { readonly url: string; readonly token: string; readonly readOnlyToken: string; readonly portalId: number }): string {
  return JSON.stringify({ url: staging.url, token: staging.token, readOnlyToken: staging.readOnlyToken, portalId: staging.portalId });
}

export type SuiteMode = 'trusted' | 'untrusted';

export const UNTRUSTED_SUFFIX = '.untrusted.test.js';

/** The user settings a launcher writes for a run against the sandbox at `sandboxUrl`. */
export function sandboxSettings(sandboxUrl: string, mode: SuiteMode): Record<string, unknown> {
  return {
    'contactPayloads.baseUrl': sandboxUrl,
    // The first-send modal would block a test; the browser UI test answers it instead.
    'contactPayloads.confirmBeforeSend': false,
    ...(mode === 'untrusted'
      ? {
          'security.workspace.trust.enabled': true,
          // No modal at startup: the folder simply opens in Restricted Mode.
          'security.workspace.trust.startupPrompt': 'never',
          'security.workspace.trust.untrustedFiles': 'open',
          // The user's own limit, which the workspace's (UNTRUSTED_FILES) must not override.
          'contactPayloads.maxDocumentSize': 1024,
        }
      : {}),
  };
}
