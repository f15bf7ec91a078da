// What a seed set's sender needs from one contact of a file: the properties to send (as the CRM
// objects API takes them, a v1 file's converted), the keys that find it in a portal (email, saved
// id), where it is in its file, and the errors that keep it from being sent. A single contact file
// holds one contact; a batch file (`*.contacts.json`) many. The engine reads them
// (`readSeedFile`), the CLI in process and the editor through the language server, so both plan and
// send the same contacts.

/** An error that keeps a contact (or a whole file) from being sent: where it is and what it says. */
export interface SeedProblem {
  /** 0-based, UTF-16 columns, as LSP counts. */
  readonly line: number;
  readonly character: number;
  readonly code: string;
  readonly message: string;
}

/** One property as sent to the CRM objects API: a v1 file's values are converted as `convert` would. */
export interface SeedProperty {
  readonly property: string;
  readonly value: string | number | boolean | null;
}

export interface SeedContactRead {
  /** 0-based position among the file's contacts; 0 in a single contact file. */
  readonly index: number;
  /** Where the contact's object starts: its `{` (the document's own in a single contact file). */
  readonly line: number;
  readonly character: number;
  readonly offset: number;
  /** The shape it is written in; the batch path converts v1 on the fly. */
  readonly shape: 'v1' | 'objects';
  /** In the file's order, each name once (the last value wins, as HubSpot reads duplicates). */
  readonly properties: readonly SeedProperty[];
  /** The `email` property's value, trimmed; undefined when absent or empty. */
  readonly email: string | undefined;
  /** The saved id (v1's `vid`, the CRM objects' `id`) as a decimal string; undefined when absent. */
  readonly id: string | undefined;
  /** A CRM objects contact's `associations`, as written; sent with a create only. */
  readonly associations: unknown;
  /** All errors of this contact (the first few are in `errors`). 0 means it may be sent. */
  readonly errorCount: number;
  /** The first errors, in document order, at most MAX_SEED_PROBLEMS. */
  readonly errors: readonly SeedProblem[];
}

export interface SeedFileRead {
  /** `single`: a `*.contact.json`; `batch`: a `*.contacts.json`. */
  readonly kind: 'single' | 'batch';
  readonly contacts: readonly SeedContactRead[];
  /**
   * Errors that belong to no one contact (not JSON, not a contact file, a batch file that is not a
   * list of contacts). When there are any, no contact of the file is sent.
   */
  readonly fileErrors: readonly SeedProblem[];
}

/** How many errors of one contact are carried for the plan to show; the count says how many more. */
export const MAX_SEED_PROBLEMS = 5;
