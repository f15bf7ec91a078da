// What every handler needs: the connection, the open documents, their parses, settings and catalog.
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { PropertyCatalog, ServerSettings } from '../service';
import type { DocumentCache } from './documentCache';

/** What the client said it can do, read once in `initialize`. */
export interface ClientFeatures {
  readonly pullDiagnostics: boolean;
  /** It pulls again for every open document when asked to (workspace/diagnostic/refresh). */
  readonly diagnosticRefresh: boolean;
  readonly snippets: boolean;
  readonly configurationRequests: boolean;
}

export interface ServerContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly cache: DocumentCache;
  readonly client: () => ClientFeatures;
  readonly settings: () => ServerSettings;
  readonly catalog: () => PropertyCatalog;
}
