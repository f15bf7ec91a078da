// A contact's email, as HubSpot finds the contact by it: the `email` property's value (the last one,
// as HubSpot reads duplicates), else a v1 batch contact's own `email` key. Trimmed, as HubSpot trims.
import { contactsOf, lastMember, type JsonValue, type ParsedDocument, type ParsedPayload, type Span } from './payloadModel';
import { shapeOf } from './shapes';

export interface WrittenEmail {
  /** Trimmed; never empty. */
  readonly email: string;
  /** Where it is written: the string value. */
  readonly span: Span;
}

export function contactEmail(payload: ParsedPayload): WrittenEmail | undefined {
  const value = contactEmailValue(payload);
  return value && { email: (value.value as string).trim(), span: { offset: value.offset, length: value.length } };
}

/** The string value that holds the contact's email (not empty once trimmed), as the model has it: no new object (validation asks 10 000 contacts every keystroke). */
export function contactEmailValue(payload: ParsedPayload): JsonValue | undefined {
  const assignments = shapeOf(payload).assignments(payload);
  for (let i = assignments.length - 1; i >= 0; i--) {
    if (assignments[i].name === 'email') return nonEmptyString(assignments[i].assignedValue);
  }
  return payload.batchIndex !== undefined ? nonEmptyString(lastMember(payload.topMembers, 'email')?.value) : undefined;
}

/** Every contact's email in a document, in document order (contacts without one left out). */
export function contactEmails(document: ParsedDocument): WrittenEmail[] {
  const emails: WrittenEmail[] = [];
  for (const contact of contactsOf(document)) {
    const written = contact.root?.kind === 'object' ? contactEmail(contact) : undefined;
    if (written) emails.push(written);
  }
  return emails;
}

/** The key two emails are the same by: HubSpot matches emails trimmed and in any case. */
export function sameEmailKey(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * What the `duplicate-email` warning says, in a batch file (`otherPlace`: "line 12") and across the
 * files `check` is given ("seeds/team.contacts.json:12"): one wording for both.
 */
export function duplicateEmailMessage(email: string, otherPlace: string): string {
  return `"${email}" is also the email of the contact at ${otherPlace}: HubSpot finds contacts by email, so one would update the other. A seed set's plan sends neither.`;
}

function nonEmptyString(value: JsonValue | undefined): JsonValue | undefined {
  return value?.kind === 'string' && (value.value as string).trim() !== '' ? value : undefined;
}
