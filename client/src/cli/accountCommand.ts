// `contact-payloads account [--account NAME | --base-url URL]`: which portal the token belongs to and
// what it may do, before a script sends anything — HubSpot's account details and the token's scopes
// (tokenInfo.ts), each needed scope it lacks named with what it is for.
import { asObject, positiveInteger } from '../hubspot/bodyReaders';
import { ACCOUNT_DETAILS_PATH } from '../hubspot/propertyDefinitions';
import { missingContactScopes, readTokenInfo } from '../hubspot/tokenInfo';
import { parseCommandLine, REQUEST_OPTIONS, requestOptions, type CommandContext } from './commandLine';
import { ExitCode } from './exitCodes';
import { ACCOUNT_HELP } from './help';
import { commandClient, commandTarget, configProblem, TARGET_OPTIONS } from './hubspotAccess';

export async function accountCommand(args: readonly string[], context: CommandContext): Promise<ExitCode> {
  const { terminal, env } = context;
  const { values, positionals } = parseCommandLine(args, { ...TARGET_OPTIONS, json: { type: 'boolean' }, ...REQUEST_OPTIONS });
  if (values.help) {
    terminal.out(ACCOUNT_HELP);
    return ExitCode.Success;
  }
  if (positionals.length > 0) return configProblem(context, `account takes no FILE (got ${positionals.join(' ')}).`);
  const chosen = commandTarget(values, env);
  if (!chosen.ok) return configProblem(context, chosen.message);
  const { baseUrl, token, missingToken, label, account } = chosen.target;
  if (token === '') return configProblem(context, missingToken);
  const client = commandClient({ baseUrl, token, request: requestOptions(values), account: label }, context);
  if (!client) return ExitCode.UsageOrFiles;
  try {
    const details = await client.getJson(ACCOUNT_DETAILS_PATH);
    if (!details.ok && (details.status === 401 || details.status === undefined)) {
      return details.status === 401 ? refused(context, `HubSpot refused the token (401): ${details.message}`) : configProblem(context, `HubSpot could not be reached: ${details.message}`);
    }
    const portalId = details.ok ? positiveInteger(asObject(details.body)?.portalId) : undefined;
    const info = await readTokenInfo(client, token);
    const missing = info.kind === 'described' ? missingContactScopes(info.scopes) : [];
    const production = account?.production === true;
    if (values.json) {
      terminal.out(JSON.stringify({
        account: account?.name, origin: baseUrl.origin, production, portalId,
        scopes: info.kind === 'described' ? info.scopes : undefined, missingScopes: missing.map(({ scope }) => scope),
        ...(info.kind === 'undescribed' ? { scopesUnknown: info.message } : {}),
      }, null, 2));
    } else {
      terminal.out(`Account: ${account ? `${account.name} — ` : ''}${baseUrl.origin}${production ? ' (production)' : ''}`);
      terminal.out(`Portal: ${portalId ?? `not known (${details.ok ? 'no portal id in the account details' : details.message})`}`);
      if (info.kind === 'described') terminal.out(`Token scopes: ${info.scopes.length > 0 ? info.scopes.join(', ') : 'none'}`);
      else terminal.out(`Token scopes: not known — HubSpot did not describe this token (${info.message}); it may still work.`);
      for (const { scope, needed } of missing) terminal.out(`Missing ${scope}: needed ${needed}.`);
    }
    return missing.some(({ scope }) => scope === 'crm.objects.contacts.write') ? ExitCode.Problems : ExitCode.Success;
  } finally {
    await client.close();
  }
}

function refused({ terminal }: CommandContext, message: string): ExitCode {
  terminal.err(`contact-payloads: ${message}`);
  return ExitCode.Problems;
}
