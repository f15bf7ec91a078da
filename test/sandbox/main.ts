// `npm run sandbox`: the HubSpot-compatible sandbox as a standalone server for trying the extension
// without a HubSpot account. Port: --port N or SANDBOX_PORT (else a free one). Token: --token T or
// SANDBOX_TOKEN (else a fixed demo token, so the one stored in VS Code keeps working across restarts).
// Properties the portal requires on create (CRM objects from 2026-09): --required-on-create a,b.
import { parseArgs } from 'node:util';
import { startSandbox } from './sandbox';

const DEMO_TOKEN = 'pat-na1-00000000-sand-box0-0000-000000000000';

function main(): void {
  const { values } = parseArgs({ options: { port: { type: 'string' }, token: { type: 'string' }, 'required-on-create': { type: 'string' } } });
  const portText = values.port ?? process.env.SANDBOX_PORT ?? '0';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    console.error(`Not a port number: ${portText}`);
    process.exit(2);
  }
  const token = values.token ?? process.env.SANDBOX_TOKEN ?? DEMO_TOKEN;

  const requiredOnCreate = (values['required-on-create'] ?? '').split(',').map((name) => name.trim()).filter((name) => name !== '');

  startSandbox({ port, token, requiredOnCreate }).then(
    (sandbox) => {
      console.log(`HubSpot sandbox listening on ${sandbox.url}`);
      console.log(`Access token:         ${sandbox.token}`);
      console.log(`Read-only token:      ${sandbox.readOnlyToken}  (answers 403 MISSING_SCOPES to create/update)`);
      console.log(`Write-only token:     ${sandbox.writeOnlyToken}  (answers 403 MISSING_SCOPES to reading a contact)`);
      if (requiredOnCreate.length > 0) console.log(`Required on create:   ${requiredOnCreate.join(', ')}  (CRM objects 2026-09 and later answer 400 VALIDATION_ERROR without them)`);
      console.log(`Set the extension's HubSpot base URL to ${sandbox.url} and store the access token with "HubSpot Contacts: Set Access Token".`);
      console.log(`Control API: GET ${sandbox.url}/__sandbox/requests, GET ${sandbox.url}/__sandbox/contacts, POST/DELETE ${sandbox.url}/__sandbox/faults. Ctrl+C stops.`);
      const stop = (): void => {
        sandbox.stop().then(() => process.exit(0), () => process.exit(1));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    },
    (error: unknown) => {
      console.error(`The sandbox could not start: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}

main();
