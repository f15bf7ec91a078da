// `npm run demo`: the packaged extension in a real VS Code (code-server) against the local sandbox,
// with a copy of examples/ open. Prints the address to open in a browser; Ctrl+C stops everything.
// Ports: DEMO_PORT for VS Code (default 8080), SANDBOX_PORT for the sandbox (default: any free one).
import fs from 'node:fs';
import path from 'node:path';
import { startSandbox } from '../sandbox/sandbox';
import { installVsix, startCodeServer } from './harness/codeServer';
import { assertE2eInstalled, REPO_ROOT, VSIX } from './harness/paths';
import { freshProfile } from './harness/profile';

const DEMO_TOKEN = 'pat-na1-demo-sandbox-token';

async function main(): Promise<void> {
  assertE2eInstalled();
  const sandbox = await startSandbox({ port: Number(process.env.SANDBOX_PORT ?? 0), token: DEMO_TOKEN });
  // Every file under examples/, its folders (a seed set) kept.
  const folder = path.join(REPO_ROOT, 'examples');
  const examples = Object.fromEntries(
    fs.readdirSync(folder, { recursive: true, encoding: 'utf8' })
      .filter((relative) => fs.statSync(path.join(folder, relative)).isFile())
      .map((relative) => [relative, fs.readFileSync(path.join(folder, relative), 'utf8')]),
  );
  const profile = freshProfile('demo', { settings: { 'contactPayloads.baseUrl': sandbox.url }, files: examples });
  await installVsix(profile, VSIX);
  const vscode = await startCodeServer(profile, { port: Number(process.env.DEMO_PORT ?? 8080) });

  console.log(`
Contact Payloads for HubSpot is running in VS Code:

  ${vscode.url}/?folder=${encodeURIComponent(profile.workspace)}

The examples are copies in ${profile.workspace}; requests go to the local HubSpot sandbox at ${sandbox.url}.
To send a file: run "HubSpot Contacts: Replace Token…" (its account is the sandbox) and paste  ${DEMO_TOKEN}
then "HubSpot Contacts: Create Contact from File" (or the CodeLens above the payload).
Logs: ${profile.dir}. Ctrl+C stops VS Code and the sandbox.
`);
  const stop = (): void => {
    void Promise.allSettled([vscode.stop(), sandbox.stop()]).then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
