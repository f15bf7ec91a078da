// Reads a contact file for a seed set (seedContact.ts): each contact's properties as the CRM objects
// API takes them, the keys that find it in a portal, and the errors that keep it from being sent —
// the same errors the editor shows, from the same checks (validate.ts), so plan and editor agree.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { PropertyCatalog } from './catalog';
import { contactEmail } from './contactEmail';
import { DiagnosticCode } from './diagnosticCodes';
import type { DocumentKind } from './documentKind';
import type { Finding } from './finding';
import { parseDocument } from './payload';
import { contactsOf, lastMember, type JsonValue, type ParsedPayload } from './payloadModel';
import { MAX_SEED_PROBLEMS, type SeedContactRead, type SeedFileRead, type SeedProblem, type SeedProperty } from './seedContact';
import type { ServerSettings } from './serverSettings';
import { shapeOf } from './shapes';
import { contactErrors, fileErrors, isTooLarge } from './validate';

export function readSeedFile(text: string, catalog: PropertyCatalog, settings: ServerSettings, kind: DocumentKind): SeedFileRead {
  if (isTooLarge(text, settings)) {
    const message = `The file is ${text.length} characters long, over the ${settings.maxDocumentSize} of setting contactPayloads.maxDocumentSize: it is not read.`;
    return { kind, contacts: [], fileErrors: [{ line: 0, character: 0, code: DiagnosticCode.DocumentTooLarge, message }] };
  }
  const document = parseDocument(text, kind);
  // Positions are asked only for errors and contacts; the line index is built on the first.
  const positions = TextDocument.create('seed:file', 'json', 0, text);
  const problem = (finding: Finding): SeedProblem => ({ ...positions.positionAt(finding.span.offset), code: finding.code, message: finding.message });
  const problems = fileErrors(document).map(problem);
  const contacts: SeedContactRead[] = [];
  for (const contact of contactsOf(document)) {
    // A single file whose root is no object holds no contact: what is wrong is the file's.
    if (contact.root?.kind !== 'object') {
      problems.push(...contactErrors(contact, catalog, Infinity).first.map(problem));
      continue;
    }
    const errors = contactErrors(contact, catalog, MAX_SEED_PROBLEMS);
    contacts.push({
      index: contact.batchIndex ?? 0,
      ...positions.positionAt(contact.root.offset),
      offset: contact.root.offset,
      shape: shapeOf(contact).name,
      properties: propertiesToSend(contact),
      email: contactEmail(contact)?.email,
      id: savedId(contact),
      associations: associations(contact),
      errorCount: errors.count,
      errors: errors.first.map(problem),
    });
  }
  return { kind, contacts, fileErrors: problems };
}

/**
 * The properties as the CRM objects API takes them: each name once, where it is first set, with its
 * last value (as HubSpot reads duplicates); values as written (a v1 file's, as `convert` keeps them).
 * An assignment without a name or a plain value is left out: it is an error of the contact's.
 */
function propertiesToSend(contact: ParsedPayload): SeedProperty[] {
  const values = new Map<string, SeedProperty['value']>();
  // v1's batch form finds a contact by its own `email`; HubSpot sets that as the contact's email.
  const ownEmail = contact.batchIndex !== undefined && contact.properties?.value?.kind === 'array' ? lastMember(contact.topMembers, 'email')?.value : undefined;
  if (ownEmail?.kind === 'string') values.set('email', ownEmail.value as string);
  const assignments = shapeOf(contact).assignments(contact);
  for (let i = 0; i < assignments.length; i++) {
    const { name, assignedValue } = assignments[i];
    if (name !== undefined && isScalar(assignedValue)) values.set(name, assignedValue.value!);
  }
  return Array.from(values, ([property, value]) => ({ property, value }));
}

function isScalar(value: JsonValue | undefined): value is JsonValue {
  return value !== undefined && value.kind !== 'object' && value.kind !== 'array';
}

function savedId(contact: ParsedPayload): string | undefined {
  const id = shapeOf(contact).savedContactId(contact);
  return id === undefined ? undefined : String(id);
}

/** A CRM objects contact's `associations` as written; undefined when it has none (or it is not JSON: the contact has an error then). */
function associations(contact: ParsedPayload): unknown {
  const value = contact.properties?.value?.kind === 'object' ? lastMember(contact.topMembers, 'associations')?.value : undefined;
  if (!value) return undefined;
  try {
    return JSON.parse(contact.text.slice(value.offset, value.offset + value.length));
  } catch {
    return undefined;
  }
}
