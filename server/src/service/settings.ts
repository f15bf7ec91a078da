// Settings that shape what the services do. The server reads them from the client's `contactPayloads` section.

export interface ServerSettings {
  /** Documents longer than this (in UTF-16 code units) get one Information diagnostic instead of validation. */
  readonly maxDocumentSize: number;
  /** At most this many diagnostics per document; past it one summary diagnostic says how many were left out. */
  readonly maxDiagnostics: number;
  /**
   * Whether JSON syntax errors are reported (`invalid-json`). False where the editor's own JSON support
   * marks them already (VS Code's JSON extension, jsonls in other editors): one mark per error.
   */
  readonly syntaxErrors: boolean;
}

export const DEFAULT_SETTINGS: ServerSettings = {
  maxDocumentSize: 10 * 1024 * 1024,
  maxDiagnostics: 500,
  syntaxErrors: true,
};

/** Reads settings sent by any client, trusting nothing about their shape. */
export function normaliseSettings(raw: unknown): ServerSettings {
  const section = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  return {
    maxDocumentSize: positiveInteger(section.maxDocumentSize) ?? DEFAULT_SETTINGS.maxDocumentSize,
    maxDiagnostics: positiveInteger(section.maxDiagnostics) ?? DEFAULT_SETTINGS.maxDiagnostics,
    syntaxErrors: typeof section.syntaxErrors === 'boolean' ? section.syntaxErrors : DEFAULT_SETTINGS.syntaxErrors,
  };
}

function positiveInteger(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}
