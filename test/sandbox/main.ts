// `npm run sandbox`: the HubSpot-compatible sandbox as a standalone server for trying the extension
// without a HubSpot account. Port: --port N or SANDBOX_PORT (else a free one). Token: --token T or
// SANDBOX_TOKEN (else a fixed demo token, so the one stored in VS Code keeps working across restarts).
// Properties the portal requires on create (CRM objects from 2026-09): --required-on-create a,b.
// Limits and faults to try a client's recovery on: --rate-limit 20/2s, --daily N,
// --faults 5xx=0.05,lost=0.03, and --seed N for the draws of the faults and of batch result order.
import { parseArgs } from 'node:util';
import { parseFaultRates, parseRateLimit, parseWholeNumber } from './mainOptions';
import { DEFAULT_RATE_LIMITS, type RateLimits } from './rateLimiter';
import { startSandbox, type SandboxOptions } from './sandbox';

const DEMO_TOKEN = 'pat-na1-00000000-sand-box0-0000-000000000000';

function main(): void {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      token: { type: 'string' },
      'required-on-create': { type: 'string' },
      'rate-limit': { type: 'string' },
      daily: { type: 'string' },
      faults: { type: 'string' },
      seed: { type: 'string' },
    },
  });
  const portText = values.port ?? process.env.SANDBOX_PORT ?? '0';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    console.error(`Not a port number: ${portText}`);
    process.exit(2);
  }
  const token = values.token ?? process.env.SANDBOX_TOKEN ?? DEMO_TOKEN;

  const requiredOnCreate = (values['required-on-create'] ?? '').split(',').map((name) => name.trim()).filter((name) => name !== '');

  let limitsAndFaults: Pick<SandboxOptions, 'rateLimits' | 'randomFaults' | 'seed'>;
  try {
    const rateLimits: Partial<RateLimits> = {
      ...(values['rate-limit'] === undefined ? {} : parseRateLimit(values['rate-limit'])),
      ...(values.daily === undefined ? {} : { daily: parseWholeNumber('daily', values.daily) }),
    };
    limitsAndFaults = {
      rateLimits,
      ...(values.faults === undefined ? {} : { randomFaults: parseFaultRates(values.faults) }),
      ...(values.seed === undefined ? {} : { seed: parseWholeNumber('seed', values.seed) }),
    };
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  }

  startSandbox({ port, token, requiredOnCreate, ...limitsAndFaults }).then(
    (sandbox) => {
      console.log(`HubSpot sandbox listening on ${sandbox.url}`);
      console.log(`Access token:         ${sandbox.token}`);
      console.log(`Read-only token:      ${sandbox.readOnlyToken}  (answers 403 MISSING_SCOPES to create/update)`);
      console.log(`Write-only token:     ${sandbox.writeOnlyToken}  (answers 403 MISSING_SCOPES to reading a contact)`);
      if (requiredOnCreate.length > 0) console.log(`Required on create:   ${requiredOnCreate.join(', ')}  (CRM objects 2026-09 and later answer 400 VALIDATION_ERROR without them)`);
      const limits = { ...DEFAULT_RATE_LIMITS, ...limitsAndFaults.rateLimits };
      console.log(`Rate limits:          ${limits.burst} requests per rolling ${limits.intervalMs} ms, ${limits.daily} a day`);
      if (values.faults !== undefined) console.log(`Random faults:        ${values.faults}  (seed ${limitsAndFaults.seed ?? 1})`);
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
