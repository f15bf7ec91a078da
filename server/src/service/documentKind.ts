// Which kind of contact file a document is, from its name alone: a single contact file
// (`*.contact.json`, one request body) or a batch file (`*.contacts.json`, many contacts as a batch
// request's body). No imports: the client's send module reads it too, without the engine behind it.

export type DocumentKind = 'single' | 'batch';

/** The ending that makes a file a batch file; matched as VS Code matches `**\/*.contacts.json`, case and all. */
const BATCH_FILE_ENDING = '.contacts.json';

/** `pathOrUri`: a file path or a document URI (`file:///…/seed.contacts.json`). */
export function documentKindOf(pathOrUri: string): DocumentKind {
  return pathOrUri.endsWith(BATCH_FILE_ENDING) ? 'batch' : 'single';
}
