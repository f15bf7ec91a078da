// One parse per document version, shared by every feature (diagnostics, completion, hover, …).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parsePayload, type ParsedPayload, updatePayload, type ServerSettings, isTooLarge } from '../service';

interface CachedParse {
  readonly version: number;
  readonly payload: ParsedPayload | undefined;
}

export class DocumentCache {
  private readonly parses = new Map<string, CachedParse>();

  constructor(private readonly settings: () => ServerSettings) {}

  /** The parsed payload, or undefined when the document is over the size limit (it is then not analysed). */
  payloadOf(document: TextDocument): ParsedPayload | undefined {
    const cached = this.parses.get(document.uri);
    if (cached?.version === document.version) return cached.payload;
    const text = document.getText();
    // The previous version's model is updated rather than rebuilt; it is replaced here and not used again.
    const payload = isTooLarge(text, this.settings()) ? undefined : cached?.payload ? updatePayload(cached.payload, text) : parsePayload(text);
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
