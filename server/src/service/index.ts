// The engine: everything the language server's handlers and the CLI use, and nothing else. Pure
// functions of plain values (a text, a parsed payload, a catalog, settings); no connection, no
// editor. Code outside server/src/service imports this file, never the modules behind it.
export { parseDocument, parsePayload } from './payload';
export { updateDocument, updatePayload } from './payloadUpdate';
export { documentKindOf, type DocumentKind } from './documentKind';
export { contactsOf, isBatch, type JsonSyntaxProblem, type ParsedBatch, type ParsedDocument, type ParsedPayload, type Span } from './payloadModel';
export { readSeedFile } from './seedFile';
export { contactEmails, duplicateEmailMessage, sameEmailKey, type WrittenEmail } from './contactEmail';
export { MAX_SEED_PROBLEMS, type SeedContactRead, type SeedFileRead, type SeedProblem, type SeedProperty } from './seedContact';
export { countErrors, isTooLarge, toDiagnostics, validate, type CheckFailure, type CheckFailureListener } from './validate';
export { complete, type CompletionOptions } from './completion';
export { hover } from './hover';
export { codeActions } from './codeActions';
export { convertPayload, FORMAT_NAMES, type ConversionNote, type ConversionResult, type NoteSubject, type PayloadFormat } from './convert';
export { documentSymbols } from './symbols';
export { documentRejectionFindings, rejectionFindings, type RejectedProperty } from './hubspotRejections';
export { bundledDefaultCatalog, createCatalog, wellFormedDefinitions, type CatalogSource, type PropertyCatalog, type PropertyDefinition, type PropertyOption } from './catalog';
export { propertyNameIndex } from './suggest';
export { DEFAULT_SETTINGS, normaliseSettings, type ServerSettings } from './serverSettings';
export { DIAGNOSTIC_SOURCE, DiagnosticCode } from './diagnosticCodes';
export type { Finding } from './finding';
export { wholeRange } from './ranges';
export { savedContactId, shapeOf } from './shapes';
