// Diagnostics for what HubSpot itself rejected (a 400's validationResults) when the file was sent.
// Each stays on its entry while the entry still holds the value that was sent, and goes when it changes.
import { DiagnosticCode } from './diagnosticCodes';
import type { Finding } from './finding';
import { isBatch, type ParsedDocument, type ParsedPayload } from './payloadModel';
import { shapeOf } from './shapes';

/** One property HubSpot refused in a 400 answer (`validationResults`), with the value that was sent. */
export interface RejectedProperty {
  readonly name: string;
  /** The value as sent, so the diagnostic disappears once the entry changes. */
  readonly value: unknown;
  /** HubSpot's code: INVALID_EMAIL, INVALID_OPTION, PROPERTY_DOESNT_EXIST, … */
  readonly error: string;
  readonly message: string;
  /** In a batch file: which of its contacts (0-based) HubSpot rejected this of; a single file's have none. */
  readonly contactIndex?: number;
}

/** HubSpot's codes that are about the name rather than the value. */
const NAME_ERRORS = new Set(['PROPERTY_DOESNT_EXIST']);

/** In a batch file, each contact's rejections on that contact; in a single file, all of them on it. */
export function documentRejectionFindings(document: ParsedDocument, rejected: readonly RejectedProperty[]): Finding[] {
  if (rejected.length === 0) return [];
  if (!isBatch(document)) return rejectionFindings(document, rejected);
  return document.contacts.flatMap((contact) => rejectionFindings(contact, rejected.filter((rejection) => rejection.contactIndex === contact.batchIndex)));
}

export function rejectionFindings(payload: ParsedPayload, rejected: readonly RejectedProperty[]): Finding[] {
  if (rejected.length === 0) return [];
  const findings: Finding[] = [];
  for (const assignment of shapeOf(payload).assignments(payload)) {
    const value = assignment.assignedValue;
    if (assignment.name === undefined || !assignment.nameSpan || !value) continue;
    for (const rejection of rejected) {
      if (rejection.name !== assignment.name || value.value !== rejection.value) continue;
      findings.push({
        code: DiagnosticCode.HubSpotRejected,
        severity: 'error',
        span: NAME_ERRORS.has(rejection.error) ? assignment.nameSpan : value,
        message: `HubSpot rejected this (${rejection.error}): ${rejection.message}`,
      });
    }
  }
  return findings;
}
