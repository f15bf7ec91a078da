// The workspaces the end-to-end tests open. Written fresh into each run's workspace folder.

/** An invalid email and an enumeration value given by label ("Lead") instead of its internal value ("lead"). */
export const BAD_CONTACT = `{
  "properties": [
    { "property": "email", "value": "not-an-email" },
    { "property": "lifecyclestage", "value": "Lead" }
  ]
}
`;

/** A payload HubSpot (and the sandbox) accepts as it is. */
export const VALID_CONTACT = `{
  "properties": [
    { "property": "email", "value": "grace.hopper@example.com" },
    { "property": "firstname", "value": "Grace" },
    { "property": "lastname", "value": "Hopper" },
    { "property": "lifecyclestage", "value": "lead" }
  ]
}
`;

/** The browser UI test's workspace: a bad file, a valid one, and a seed set to send from the Explorer. */
export const WORKSPACE_FILES: Readonly<Record<string, string>> = {
  'bad.contact.json': BAD_CONTACT,
  'valid.contact.json': VALID_CONTACT,
  'seed/team.contacts.json': objectsBatch(['ada.team@example.com', 'Ada'], ['alan.team@example.com', 'Alan']),
  'seed/katherine.contact.json': contactWith('katherine.team@example.com', '{ "property": "firstname", "value": "Katherine" }'),
  // Sent as a seed set to the account marked production, once its portal id is typed.
  'live-seed/mary.contact.json': contactWith('mary.live@example.com', '{ "property": "firstname", "value": "Mary" }'),
};

/** A contact with its own email, so that each send test meets its own contact in the shared sandbox. */
function contactWith(email: string, ...more: readonly string[]): string {
  const entries = [`{ "property": "email", "value": "${email}" }`, ...more];
  return `{\n  "properties": [\n${entries.map((entry) => `    ${entry}`).join(',\n')}\n  ]\n}\n`;
}

/** A CRM objects contact (`{"properties": {…}}`) with its own email; `more`: further `"name": "value"` members. */
function objectsContactWith(email: string, ...more: readonly string[]): string {
  const members = [`"email": "${email}"`, ...more];
  return `{\n  "properties": {\n${members.map((member) => `    ${member}`).join(',\n')}\n  }\n}\n`;
}

/** The CRM objects files of the in-editor suite (test/vscode/suite/objects.test.ts). */
export const OBJECTS_SUITE_FILES: Readonly<Record<string, string>> = {
  // An invalid email, a label for a value, and an ISO date-time, which this API accepts (v1 does not).
  'objects-bad.contact.json': objectsContactWith('not-an-email', '"lifecyclestage": "Lead"', '"closedate": "2026-01-05T09:30:00Z"'),
  // A key being typed inside "properties".
  'objects-complete.contact.json': '{\n  "properties": {\n    "email": "complete-objects@example.com",\n    "first\n  }\n}\n',
  'objects-create.contact.json': objectsContactWith('created-objects@example.com', '"firstname": "Katherine"'),
  // Valid as far as the extension can tell; the suite makes the sandbox answer 400 for its lifecyclestage.
  'objects-rejected.contact.json': objectsContactWith('rejected-objects@example.com', '"lifecyclestage": "lead"'),
  // A v1 file with a timestamp the CRM objects format has no place for.
  'objects-convert.contact.json': contactWith('convert@example.com', '{ "property": "firstname", "value": "Dorothy", "timestamp": 1767225600000 }'),
};

/** A v1 batch file (`[{"properties": […]}, …]`) of these contacts, each `[email, firstname]`. */
function v1Batch(...contacts: readonly (readonly [string, string])[]): string {
  const entry = ([email, firstname]: readonly [string, string]) => `  {\n    "properties": [\n      { "property": "email", "value": "${email}" },\n      { "property": "firstname", "value": "${firstname}" }\n    ]\n  }`;
  return `[\n${contacts.map(entry).join(',\n')}\n]\n`;
}

/** A CRM objects batch file (`{"inputs": [{"properties": {…}}, …]}`) of these contacts, each `[email, firstname]`. */
function objectsBatch(...contacts: readonly (readonly [string, string])[]): string {
  const input = ([email, firstname]: readonly [string, string]) => `    { "properties": { "email": "${email}", "firstname": "${firstname}" } }`;
  return `{\n  "inputs": [\n${contacts.map(input).join(',\n')}\n  ]\n}\n`;
}

/** How many contacts the seed suite's stopped run has: more batches of 100 than the rate limiter lets into flight at once (10). */
export const CANCEL_SET_SIZE = 1_200;

/**
 * The seed set suite's folders (test/vscode/suite/seed.test.ts): single files in both shapes, batch
 * files in both forms, a contact the sandbox already holds with another first name (an update), one
 * with an error (blocked), and a node_modules folder a set leaves out; and a larger set to cancel.
 */
export const SEED_SUITE_FILES: Readonly<Record<string, string>> = {
  'seed-set/ada.contact.json': contactWith('ada.seed@example.com', '{ "property": "firstname", "value": "Ada" }'),
  'seed-set/grace.contact.json': objectsContactWith('grace.seed@example.com', '"firstname": "Grace"'),
  'seed-set/team.contacts.json': objectsBatch(['alan.seed@example.com', 'Alan'], ['lin.seed@example.com', 'Linda']),
  'seed-set/legacy.contacts.json': v1Batch(['joan.seed@example.com', 'Joan'], ['hedy.seed@example.com', 'Hedy']),
  'seed-set/broken.contact.json': contactWith('not-an-email', '{ "property": "firstname", "value": "Broken" }'),
  'seed-set/node_modules/left-out.contact.json': contactWith('left-out.seed@example.com'),
  // Valid as far as the extension can tell; the suite makes the sandbox refuse its email in a 207.
  'seed-rejected/rex.contact.json': objectsContactWith('rex.seed@example.com', '"firstname": "Rex"'),
  'seed-cancel/many.contacts.json': objectsBatch(...Array.from({ length: CANCEL_SET_SIZE }, (_, i) => [`cancel-${i}.seed@example.com`, `Number ${i}`] as const)),
};

/** The accounts suite's files (test/vscode/suite/accounts.test.ts), sent to the second sandbox's portal under two accounts. */
export const ACCOUNTS_SUITE_FILES: Readonly<Record<string, string>> = {
  'accounts/staging.contact.json': contactWith('staging@example.com', '{ "property": "firstname", "value": "Stella" }'),
  'accounts/live.contact.json': contactWith('live@example.com', '{ "property": "firstname", "value": "Liv" }'),
  'accounts/live-set/pair.contacts.json': objectsBatch(['live-one@example.com', 'One'], ['live-two@example.com', 'Two']),
};

/**
 * The in-editor suite's workspace (test/vscode/suite/): one file per test that edits or sends it, so
 * that the tests do not depend on each other's order.
 */
export const SUITE_FILES: Readonly<Record<string, string>> = {
  ...WORKSPACE_FILES,
  'quickfix.contact.json': BAD_CONTACT,
  'complete.contact.json': contactWith('complete@example.com', '{ "property": "", "value": "" }', '{ "property": "lifecyclestage", "value": "" }'),
  'create.contact.json': contactWith('created@example.com', '{ "property": "firstname", "value": "Ada" }'),
  'conflict.contact.json': contactWith('conflict@example.com', '{ "property": "firstname", "value": "Twice" }'),
  // Valid as far as the extension can tell; the suite makes the sandbox answer 400 INVALID_EMAIL for it.
  'rejected.contact.json': contactWith('rejected@example.com', '{ "property": "firstname", "value": "Rex" }'),
  // A missing comma (a syntax error VS Code's JSON support reports too) and a name only we know is wrong.
  'syntax.contact.json': '{\n  "properties": [\n    { "property": "email", "value": "syntax@example.com" }\n    { "property": "frstname", "value": "Ada" }\n  ]\n}\n',
  // One error (the email) in a file over the 1 KiB size limit the send test sets: not validated in the editor.
  'oversized.contact.json': contactWith('oversized-not-an-email', `{ "property": "firstname", "value": "${'A'.repeat(1100)}" }`),
  // One error in a file the send test hands to the command by its URI, never opened in an editor.
  'unopened.contact.json': contactWith('unopened-not-an-email'),
  // favorite_color is a custom property of the sandbox portal; favourite_colour exists nowhere.
  'portal.contact.json': contactWith('portal@example.com', '{ "property": "favorite_color", "value": "blue" }', '{ "property": "favourite_colour", "value": "blue" }', '{ "property": "", "value": "" }'),
  ...OBJECTS_SUITE_FILES,
  ...SEED_SUITE_FILES,
  ...ACCOUNTS_SUITE_FILES,
};

/**
 * Added to the workspace of the untrusted run: a repository that tries to switch the diagnostics cap
 * and the size guard off. The user settings of that run keep the size guard at its minimum (1 KiB).
 */
export const UNTRUSTED_FILES: Readonly<Record<string, string>> = {
  // editor.tabSize is not restricted: it shows that VS Code read the file.
  '.vscode/settings.json': JSON.stringify({ 'contactPayloads.maxDiagnostics': 1, 'contactPayloads.maxDocumentSize': 1_000_000_000, 'editor.tabSize': 7 }, null, 2),
  'large.contact.json': contactWith('large@example.com', ...Array.from({ length: 40 }, (_, i) => `{ "property": "custom_${i}", "value": "x" }`)),
};

/** The web suite's own files (test/vscode/websuite/web.test.ts), beside SUITE_FILES: a batch file with a bad email in its second contact. */
export const WEB_SUITE_FILES: Readonly<Record<string, string>> = {
  'web/team.contacts.json': objectsBatch(['ada.web@example.com', 'Ada'], ['not-an-email', 'Alan']),
};
