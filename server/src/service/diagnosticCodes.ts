// Every rule the server checks has one stable code; the README lists them. Quick fixes find their
// diagnostics by code and read what they need from `data`, so they never validate again.

export const DiagnosticCode = {
  // The document as a whole
  InvalidJson: 'invalid-json',
  EmptyDocument: 'empty-document',
  NestingTooDeep: 'nesting-too-deep',
  DocumentTooLarge: 'document-too-large',
  TooManyDiagnostics: 'too-many-diagnostics',
  RootNotObject: 'root-not-object',
  PropertiesMissing: 'properties-missing',
  PropertiesNotArray: 'properties-not-array',
  UnknownTopLevelKey: 'unknown-top-level-key',
  DuplicateKey: 'duplicate-key',
  InvalidVid: 'invalid-vid',
  InvalidSavedId: 'invalid-id',
  InvalidSchemaKey: 'invalid-schema-key',
  InvalidAssociation: 'invalid-association',
  MissingEmail: 'missing-email',
  // A batch file (`*.contacts.json`): its list, and what its contacts share
  BatchNotList: 'batch-not-list',
  ContactNotObject: 'contact-not-object',
  DuplicateEmail: 'duplicate-email',
  // One entry of `properties`
  EntryNotObject: 'entry-not-object',
  EntryMissingProperty: 'entry-missing-property',
  EntryMissingValue: 'entry-missing-value',
  PropertyNameNotString: 'property-name-not-string',
  ValueNotScalar: 'value-not-scalar',
  UnknownEntryKey: 'unknown-entry-key',
  InvalidTimestamp: 'invalid-timestamp',
  UnknownProperty: 'unknown-property',
  ReadOnlyProperty: 'read-only-property',
  DuplicateProperty: 'duplicate-property',
  NonStringValue: 'non-string-value',
  NullValue: 'null-value',
  // HubSpot's value rules
  InvalidEmail: 'invalid-email',
  InvalidOption: 'invalid-option',
  InvalidNumber: 'invalid-number',
  InvalidDate: 'invalid-date',
  InvalidDatetime: 'invalid-datetime',
  InvalidBool: 'invalid-bool',
  // What HubSpot itself answered when the file was sent
  HubSpotRejected: 'hubspot-rejected',
  // A check of ours that threw (a bug): what it would have found is not known
  CheckFailed: 'check-failed',
} as const;

export type DiagnosticCode = (typeof DiagnosticCode)[keyof typeof DiagnosticCode];

/** What a diagnostic carries for its quick fixes. The diagnostic's range is what a replacement replaces. */
export type DiagnosticData =
  /** Replace the diagnostic's range with one of these JSON string contents (names or values), best first. */
  | { readonly fix: 'replace'; readonly replacements: readonly string[] }
  /** Replace the non-string value in the range with this string. */
  | { readonly fix: 'quote'; readonly text: string }
  /** Remove entry number `entryIndex` of `properties` (a duplicate or a read-only property). */
  | { readonly fix: 'removeEntry'; readonly entryIndex: number };

export const DIAGNOSTIC_SOURCE = 'contact-payloads';
