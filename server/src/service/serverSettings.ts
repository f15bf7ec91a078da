// Settings that shape what the services do. The server reads them from the client's `contactPayloads` section.

export interface ServerSettings {
  /** Documents longer than this (in UTF-16 code units) get one Information diagnostic instead of validation. */
  readonly maxDocumentSize: number;
  /** At most this many warnings and information per document (errors are never capped); past it one summary diagnostic says how many were left out. */
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

/** The smallest values package.json declares (`minimum`); a unit test keeps the two in step. */
export const SETTING_MINIMUMS = { maxDocumentSize: 1024, maxDiagnostics: 1 } as const;

/**
 * Reads settings sent by any client, trusting nothing about their shape. Numbers outside the
 * declared range are clamped to it, as VS Code's settings editor would insist: a cap of 0 or a
 * size limit of a few bytes would silently switch validation off.
 */
export function normaliseSettings(raw: unknown): ServerSettings {
  const section = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  return {
    maxDocumentSize: atLeast(section.maxDocumentSize, SETTING_MINIMUMS.maxDocumentSize) ?? DEFAULT_SETTINGS.maxDocumentSize,
    maxDiagnostics: atLeast(section.maxDiagnostics, SETTING_MINIMUMS.maxDiagnostics) ?? DEFAULT_SETTINGS.maxDiagnostics,
    syntaxErrors: typeof section.syntaxErrors === 'boolean' ? section.syntaxErrors : DEFAULT_SETTINGS.syntaxErrors,
  };
}

/** A whole number no smaller than `minimum` (fractions are cut); undefined for anything that is not a number. */
function atLeast(value: unknown, minimum: number): number | undefined {
  if (typeof value !== 'number' || Number.isNaN(value)) return undefined;
  return Math.max(minimum, Math.floor(value));
}
