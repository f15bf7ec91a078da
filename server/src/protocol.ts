// Every custom message between the extension and the language server, declared once and typed.
// The client imports this file too, so both sides agree on names and shapes.
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { CatalogSource, PropertyDefinition } from './service/catalog';

/** One property HubSpot refused in a 400 answer (`validationResults`), with the value that was sent. */
export interface RejectedProperty {
  readonly name: string;
  /** The value as sent, so the diagnostic disappears once the entry changes. */
  readonly value: unknown;
  /** HubSpot's code: INVALID_EMAIL, INVALID_OPTION, PROPERTY_DOESNT_EXIST, … */
  readonly error: string;
  readonly message: string;
}

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
