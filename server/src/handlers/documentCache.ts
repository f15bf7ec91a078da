// One parse per document version, shared by every feature (diagnostics, completion, hover, …).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { documentKindOf, isTooLarge, parseDocument, type ParsedDocument, type ServerSettings, updateDocument } from '../service';

interface CachedParse {
  readonly version: number;
  readonly payload: ParsedDocument | undefined;
}

export class DocumentCache {
  private readonly parses = new Map<string, CachedParse>();

  constructor(private readonly settings: () => ServerSettings) {}

  /** The parsed document (one contact, or a batch file's: the URI decides), or undefined when it is over the size limit (it is then not analysed). */
  payloadOf(document: TextDocument): ParsedDocument | undefined {
    const cached = this.parses.get(document.uri);
    if (cached?.version === document.version) return cached.payload;
    const text = document.getText();
    // The previous version's model is updated rather than rebuilt; it is replaced here and not used again.
    const payload = isTooLarge(text, this.settings()) ? undefined : cached?.payload ? updateDocument(cached.payload, text) : parseDocument(text, documentKindOf(document.uri));
    this.parses.set(document.uri, { version: document.version, payload });
    return payload;
  }

  forget(uri: string): void {
    this.parses.delete(uri);
  }

  /** Settings such as the size limit changed: parse again on next use. */
  clear(): void {
    this.parses.clear();
  }
}
