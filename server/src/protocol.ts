// Every custom message between the extension and the language server, declared once and typed.
// The client imports this file too, so both sides agree on names and shapes.
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { CatalogSource, PropertyDefinition, RejectedProperty, ServerSettings } from './service';

export type { RejectedProperty };

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
  /** The contact id saved at the top level by "Save vid to file", when it is a positive integer. */
  readonly vid?: number;
  readonly shape?: 'v1' | 'objects';
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
