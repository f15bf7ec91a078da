// `contact-payloads account [--account NAME | --base-url URL]`: which portal the token belongs to and
// what it may do, before a script sends anything — HubSpot's account details and the token's scopes
// (accounts/accountCheck.ts), each needed scope it lacks named with what it is for.
import { cannotWriteContacts, checkAccount } from '../accounts/accountCheck';
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
    const check = await checkAccount(client, token);
    if (check.kind === 'refused') return refused(context, check.message);
    if (check.kind === 'unreachable') return configProblem(context, check.message);
    const { portal, tokenInfo: info, missing, detailsProblem } = check;
    const { portalId } = portal;
    const production = account?.production === true;
    if (values.json) {
      terminal.out(JSON.stringify({
        account: account?.name, origin: baseUrl.origin, production, portalId,
        scopes: info.kind === 'described' ? info.scopes : undefined, missingScopes: missing.map(({ scope }) => scope),
        ...(info.kind === 'undescribed' ? { scopesUnknown: info.message } : {}),
      }, null, 2));
    } else {
      terminal.out(`Account: ${account ? `${account.name} — ` : ''}${baseUrl.origin}${production ? ' (production)' : ''}`);
      terminal.out(`Portal: ${portalId ?? `not known (${detailsProblem ?? 'no portal id in the account details'})`}`);
      if (info.kind === 'described') terminal.out(`Token scopes: ${info.scopes.length > 0 ? info.scopes.join(', ') : 'none'}`);
      else terminal.out(`Token scopes: not known — HubSpot did not describe this token (${info.message}); it may still work.`);
      for (const { scope, needed } of missing) terminal.out(`Missing ${scope}: needed ${needed}.`);
    }
    return cannotWriteContacts(check) ? ExitCode.Problems : ExitCode.Success;
  } finally {
    await client.close();
  }
}

function refused({ terminal }: CommandContext, message: string): ExitCode {
  terminal.err(`contact-payloads: ${message}`);
  return ExitCode.Problems;
}
