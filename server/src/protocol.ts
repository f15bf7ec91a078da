// Every custom message between the extension and the language server, declared once and typed.
// The client imports this file too, so both sides agree on names and shapes.
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { CatalogSource, PropertyDefinition, RejectedProperty, SeedFileRead, ServerSettings } from './service';

export type { RejectedProperty, SeedFileRead };

/**
 * The settings section the server reads (workspace/configuration, initializationOptions,
 * didChangeConfiguration) and the extension contributes. Its shape on the wire is ServerSettings:
 * what the user sets, plus `syntaxErrors`, which the VS Code client fills in.
 */
export const SETTINGS_SECTION = 'contactPayloads';
export type SettingsOnTheWire = Partial<ServerSettings>;

export interface HubSpotRejectionParams {
  readonly uri: string;
  /** An empty list clears earlier rejections (the next send succeeded). */
  readonly rejected: readonly RejectedProperty[];
}

/** Client → server: HubSpot rejected these entries of the document; show them until they change. */
export const HubSpotRejectionNotification = new NotificationType<HubSpotRejectionParams>('contactPayloads/hubspotRejection');

export interface PayloadSummaryParams {
  readonly uri: string;
}

export interface PayloadSummary {
  /** The payload's shape: v1's `properties` array, or the CRM objects' `properties` object. */
  readonly shape: 'v1' | 'objects';
  /** The contact id saved at the top level by "Save id to file" (v1's `vid`, the CRM objects' `id`), when it can be used. */
  readonly vid?: number;
  /** How many properties the file sets (v1 entries, or members of the CRM objects' `properties`). */
  readonly entryCount: number;
  /** Line of the root object's opening brace, where the CodeLens goes. */
  readonly line: number;
}

/** Client → server: what the CodeLens and the send commands need to know about a document, from the server's parse. */
export const PayloadSummaryRequest = new RequestType<PayloadSummaryParams, PayloadSummary | null, void>('contactPayloads/payloadSummary');

export interface CatalogParams {
  readonly source: CatalogSource;
  /** The portal's definitions; absent to go back to the bundled defaults. */
  readonly properties?: readonly PropertyDefinition[];
}

/** Client → server: the property catalog to check against (the server never reaches the network itself). */
export const CatalogNotification = new NotificationType<CatalogParams>('contactPayloads/catalog');

export interface CheckTextParams {
  readonly uri: string;
  /** The text about to be sent, which may differ from what the server last validated (or it never saw it). */
  readonly text: string;
}

export interface CheckTextResult {
  /** Errors the engine finds in the text, whatever its size, with what HubSpot rejected of it; syntax errors count. */
  readonly errorCount: number;
}

/** Client → server: check this text now, as it is about to be sent (the editor's diagnostics may be older, or capped, or absent). */
export const CheckTextRequest = new RequestType<CheckTextParams, CheckTextResult, void>('contactPayloads/checkText');

export interface ReadSeedFilesParams {
  /** Contact files (`*.contact.json`) and batch files (`*.contacts.json`); the name decides which. */
  readonly uris: readonly string[];
}

/** One file's answer: its contacts as a seed set sends them, or why it could not be read (never a thrown error). */
export type SeedFileAnswer =
  | { readonly uri: string; readonly ok: true; readonly read: SeedFileRead }
  | { readonly uri: string; readonly ok: false; readonly problem: string };

export interface ReadSeedFilesResult {
  /** In the order of `uris`. */
  readonly files: readonly SeedFileAnswer[];
}

/**
 * Client → server: read these files for a seed set, each from its open document (its current text)
 * or else from disk (`file:` URIs only), with the catalog the server has (the portal's when loaded).
 */
export const ReadSeedFilesRequest = new RequestType<ReadSeedFilesParams, ReadSeedFilesResult, void>('contactPayloads/readSeedFiles');
