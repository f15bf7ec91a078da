// The text of the response view: a JSONC document whose comment lines say what happened and what it
// means, followed by the pretty-printed body. No vscode import, so tests render it directly.
import { asObject } from '../../hubspot/bodyReaders';
import type { ContactOutcome } from '../../hubspot/outcome';
import { isOpenableProfileUrl } from '../../hubspot/profileLink';

/** `account`: the account it went to, as accountDescription says it. */
export function responseText(outcome: ContactOutcome, sourceName: string, at: Date, account?: string): string {
  const lines = [`${outcome.summary}`, `${outcome.method} ${outcome.url}`, `from ${sourceName} at ${at.toISOString()}`];
  if (account !== undefined) lines.push(`Account: ${account}`);
  lines.push(...explanation(outcome));
  if (outcome.correlationId) lines.push(`Correlation id: ${outcome.correlationId}`);
  const { rateLimit } = outcome;
  if (rateLimit.remaining !== undefined) {
    const window = rateLimit.intervalMs ? ` per ${rateLimit.intervalMs / 1000} s` : '';
    lines.push(`Rate limit: ${rateLimit.remaining}${rateLimit.max !== undefined ? ` of ${rateLimit.max}` : ''} left${window}`);
  }
  if (rateLimit.dailyRemaining !== undefined) lines.push(`Daily limit: ${rateLimit.dailyRemaining}${rateLimit.daily !== undefined ? ` of ${rateLimit.daily}` : ''} left today`);
  const link = contactLink(outcome);
  if (link) lines.push(`Open in HubSpot: ${link}`);
  const unlinked = unlinkedProfileUrl(outcome);
  if (unlinked) lines.push(`profile-url not linked: it is not a HubSpot app address (${unlinked})`);
  const header = lines.map((line) => `// ${line}`).join('\n');
  return `${header}\n${bodyText(outcome, unlinked)}\n`;
}

/** The contact's page in HubSpot, when the answer tells which portal it is in and names a page that may be opened. */
export function contactLink(outcome: ContactOutcome): string | undefined {
  if (outcome.kind !== 'created') return undefined;
  if (outcome.profileUrl) return isOpenableProfileUrl(outcome.profileUrl, new URL(outcome.url).origin) ? outcome.profileUrl : undefined;
  return outcome.portalId ? `https://app.hubspot.com/contacts/${outcome.portalId}/contact/${outcome.vid}` : undefined;
}

/**
 * The body's `profile-url` when it may not be opened, written so that VS Code, which links every
 * `scheme://…` in an editor, does not: `https[://]phish.example/…`.
 */
function unlinkedProfileUrl(outcome: ContactOutcome): string | undefined {
  if (outcome.kind !== 'created' || !outcome.profileUrl || contactLink(outcome)) return undefined;
  return outcome.profileUrl.replaceAll('://', '[://]');
}

function explanation(outcome: ContactOutcome): string[] {
  switch (outcome.kind) {
    case 'validationFailed':
      return outcome.results.map((r) => `  ${r.name}: ${r.error} — ${r.message}`);
    case 'alreadyExists':
      return outcome.vid === undefined ? [] : [`Existing contact: id ${outcome.vid} ("Update it instead" sends this file as an update of it)`];
    case 'existsMaybeCreated':
      return [
        `Contact ${outcome.vid} may have existed before this file was sent, or been created by the attempt whose answer was lost`,
        '"Update it instead" sends this file as an update of it, which applies its values either way; "Save id to file" keeps the id',
      ];
    case 'forbidden':
      return outcome.scopes.length ? [`Give the private app these scopes in HubSpot: ${outcome.scopes.join(', ')}`] : [];
    case 'unauthorized':
      return ['Set a new token with "HubSpot Contacts: Set Access Token".'];
    default:
      return [];
  }
}

function bodyText(outcome: ContactOutcome, unlinkedProfileUrl: string | undefined): string {
  if (outcome.body === undefined) return outcome.status === 204 ? '// (no content)' : '// (no body)';
  if (typeof outcome.body === 'string') return outcome.body.split('\n').map((l) => `// ${l}`).join('\n');
  const record = asObject(outcome.body);
  const body = unlinkedProfileUrl !== undefined && record && 'profile-url' in record ? { ...record, 'profile-url': unlinkedProfileUrl } : outcome.body;
  return JSON.stringify(body, null, 2);
}
