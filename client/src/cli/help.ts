// The --help texts. The exit statuses here are the ones exitCodes.ts defines: scripts rely on them.
import { CREATE_TARGET, requestLine, updateByEmail, updateTarget, type ContactsApi } from '../hubspot/contactsApi';
import { API_VERSIONS, contactsObjectsApi, DEFAULT_API_VERSION } from '../hubspot/contactsObjects';
import { CONTACTS_V1 } from '../hubspot/contactsV1';

/** The requests a send makes, as each API writes them; an update's id is shown as `:vid` or `:id`, its email as `:email`. */
const EXAMPLE_ID = 61574;
const EXAMPLE_EMAIL = 'ada@example.com';
const OBJECTS_API = contactsObjectsApi(DEFAULT_API_VERSION);
const createRequest = (api: ContactsApi) => requestLine(api, '', CREATE_TARGET);
const updateRequest = (api: ContactsApi, placeholder: string) => requestLine(api, '', updateTarget(EXAMPLE_ID)).replace(String(EXAMPLE_ID), placeholder);
const emailRequest = (api: ContactsApi) => requestLine(api, '', updateByEmail(EXAMPLE_EMAIL)).replace(encodeURIComponent(EXAMPLE_EMAIL), ':email');
const VERSIONS = API_VERSIONS.join('|');

/** Which API a file goes to, by its shape: the same text in both commands' help. */
const SHAPES = `FILE's shape decides the API. A Contacts v1 file, {"properties": [{"property": "email", "value": "…"}]},
goes to Contacts v1; a CRM objects file, {"properties": {"email": "…"}}, to the CRM objects API of
--api-version. HubSpot ends support for v1, v2 and v3 in September 2027.`;

const API_VERSION_HELP = `  --api-version V    the CRM objects API version for a CRM objects file:
                     ${API_VERSIONS.map((v) => (v === DEFAULT_API_VERSION ? `${v} (default)` : v)).join(', ')} (v3 is /crm/v3/…); a v1 file is sent to
                     Contacts v1 whatever this says`;

export const MAIN_HELP = `contact-payloads: check HubSpot contact payload files (*.contact.json) and send them to HubSpot,
with the same rules and the same HTTP client as the VS Code extension.

Usage:
  contact-payloads check [PATH|GLOB...] [--format text|json|sarif|github] [--max-warnings N]
  contact-payloads create FILE [--save-id] [--api-version ${VERSIONS}] [--base-url URL | --account NAME]
                               [--json] [--dry-run] [--force]
  contact-payloads update FILE [--id N | --by-email] [--api-version ${VERSIONS}] [--base-url URL | --account NAME]
                               [--json] [--dry-run] [--force]
  contact-payloads convert FILE... [--to objects|v1] [--write]
  contact-payloads seed [PATH|GLOB...] [--dry-run] [--json] [--yes] [--save-ids] [--journal FILE]
                        [--save-plan FILE | --plan FILE] [--api-version ${VERSIONS}] [--base-url URL | --account NAME]
                        [--max-retries N]
  contact-payloads account [--account NAME | --base-url URL] [--json]
  contact-payloads help [COMMAND]
  contact-payloads --version

Commands:
  check   Report every problem the language server reports in the editor.
  create  Create a contact from a file (v1: ${createRequest(CONTACTS_V1)};
          CRM objects: ${createRequest(OBJECTS_API)}).
  update  Update a contact by id or email from a file (v1: ${updateRequest(CONTACTS_V1, ':vid')};
          CRM objects: ${updateRequest(OBJECTS_API, ':id')}).
  convert Rewrite a file between the v1 and the CRM objects payload formats.
  seed    Plan a set of contact and batch files against the portal, then send it in batches of 100
          at the pace HubSpot allows, resumable.
  account Say which portal the token belongs to and which scopes it has.

"contact-payloads COMMAND --help" explains a command, its options and its exit statuses.

Environment:
  HUBSPOT_ACCESS_TOKEN  the private app access token for create, update and seed; read from nowhere else
                        (a flag would show in process lists and shell history)
  HUBSPOT_BASE_URL      where requests go (default https://api.hubapi.com); http:// only for this
                        machine (localhost, 127.0.0.1, [::1]), e.g. the local sandbox
  HTTPS_PROXY, HTTP_PROXY, NO_PROXY   the proxy for requests (never used for localhost, 127.0.0.1, [::1])
  NO_COLOR              no colour, even on a terminal

Exit status:
  0  success
  1  check: errors, or more warnings than --max-warnings; convert: a file that does not convert;
     create/update: not sent because of errors in the file, or refused by HubSpot (4xx)
  2  a usage, configuration or file problem; create/update: HubSpot could not be reached, nothing sent
  3  create/update: a server error, no answer or an unexpected one: the request may have been applied
     (the one-line outcome says when); seed: some creates may have been applied
  4  seed: stopped before the end; the same command resumes it`;

export const CHECK_HELP = `Usage: contact-payloads check [PATH|GLOB...] [options]

Checks payload files with the language server's rules and prints each problem as
  file:line:col severity code message
with the line of source under it, then a summary. Lines and columns count from 1; columns count
UTF-16 code units, as editors do. Control characters, bidirectional overrides and the like, in file
names and in values, are shown visibly (␊, ␛, <U+202E>); JSON output escapes them.

Arguments:
  PATH|GLOB  a file, a folder (every *.contact.json and *.contacts.json in it) or a quoted glob
             such as "seeds/**/*.contact.json". Default: every such file under the current folder.
             A *.contacts.json is a batch file: each of its contacts is checked as a file is.
             The same email in two files is a warning in both (HubSpot finds contacts by email).
             Folders named node_modules and hidden folders are skipped.
             Symbolic links are not followed in folders and globs (nor are pipes or devices
             listed). A path named here may go through links that stay in the current folder
             (for a path outside it: in its own folder); one that leads out is not read.

Options:
  -f, --format FORMAT  text (default), json, sarif (SARIF 2.1.0, for code scanning) or github
                       (GitHub Actions annotations on the pull request's files)
  --max-warnings N     fail when there are more than N warnings (default: warnings never fail)
  -h, --help           show this help

Exit status:
  0  no errors, and no more warnings than --max-warnings
  1  errors, or more warnings than --max-warnings
  2  a usage problem, an argument that names no file, or a file that cannot be read as UTF-8 text
     or is not read (a link out of the current folder, a pipe) (the other files are still checked)`;

/** The options of every command that sends requests (REQUEST_OPTIONS in commandLine.ts). */
const ACCOUNT_OPTION_HELP = `  --account NAME     send to the account of that name in your accounts file instead
                     ($CONTACT_PAYLOADS_ACCOUNTS, else $XDG_CONFIG_HOME/contact-payloads/accounts.json:
                     {"accounts": [{"name": "Staging", "baseUrl": "https://api.hubapi.com",
                     "apiVersion": "2026-09", "production": false}]}); its token comes from
                     HUBSPOT_ACCESS_TOKEN_STAGING (the name upper-cased), else HUBSPOT_ACCESS_TOKEN`;

const REQUEST_OPTIONS_HELP = `  --timeout SECONDS  the most each attempt may take, connecting and reading the answer included
                     (1-600, default 30)
  --max-retries N    retries after a rate limit, a server error or a lost connection (0-6, default 3)
  --history FILE     append every request and HubSpot's answer to FILE, one JSON line each (time,
                     method, URL, status, duration, correlation id, retries, both bodies; bodies
                     over 256 KB cut), never the token: an audit trail for CI`;

const SEND_OPTIONS = `  --base-url URL     where to send (default: $HUBSPOT_BASE_URL, else https://api.hubapi.com);
                     http:// only for this machine (localhost, 127.0.0.1, [::1])
${ACCOUNT_OPTION_HELP}
  --json             print the outcome with HubSpot's answer as JSON on stdout; the one-line
                     outcome then goes to stderr
  --dry-run          print the request instead of sending it, the access token masked
  --force            send even when the file has errors HubSpot would reject
${REQUEST_OPTIONS_HELP}
  -h, --help         show this help`;

const SEND_NOTES = `The access token is read from HUBSPOT_ACCESS_TOKEN only. The file is checked first, as in the
editor: with errors it is not sent. Only its "properties" are sent (and a CRM objects file's
"associations", on create). FILE must be a regular file;
a symbolic link is followed only if it stays in the current folder. Retries follow HubSpot's
rules: a create whose answer was lost is resent only when the payload has an email, so that
HubSpot answers a duplicate with 409 instead of creating a second contact; the contact it names
is then read to tell whether the lost attempt created it.`;

export const CREATE_HELP = `Usage: contact-payloads create FILE [options]

Creates a contact from FILE (v1: ${createRequest(CONTACTS_V1)}; CRM objects: ${createRequest(OBJECTS_API)})
and prints one line saying what happened. On a 400, the values HubSpot rejected are shown on the
file's lines.

${SHAPES}

Options:
  --save-id          write the new contact's id into FILE, changing nothing else in it: as "vid"
                     (a number) in a v1 file, as "id" (a string) in a CRM objects file (on 409,
                     the id of the contact that already has this email; nothing when it cannot be
                     told whether an unanswered earlier attempt created it). --save-vid is the same
${API_VERSION_HELP}
${SEND_OPTIONS}

${SEND_NOTES}

Exit status:
  0  the contact was created
  1  not sent because of errors in the file, or refused by HubSpot (4xx: 400 invalid values,
     401/403 token, 409 a contact with this email exists, 429 rate limit): nothing was created
  2  a usage, configuration or file problem, a request that could not be built, or HubSpot could
     not be reached (DNS, refused, a proxy that opened no tunnel): nothing was sent (or the id
     could not be saved)
  3  a server error (5xx), no answer, an unexpected answer or Ctrl-C: when the line says so, the
     contact may have been created; check HubSpot before sending again. Also a 409 after an
     unanswered attempt when it cannot be told whether that attempt created the contact`;

export const UPDATE_HELP = `Usage: contact-payloads update FILE [--id N | --by-email] [options]

Updates the contact with the given id from FILE (v1: ${updateRequest(CONTACTS_V1, ':vid')};
CRM objects: ${updateRequest(OBJECTS_API, ':id')}) and prints one line saying what happened.
On a 400, the values HubSpot rejected are shown on the file's lines.

${SHAPES} A CRM objects file's
"associations" are not sent: an update takes none (the line says so).

Options:
  --id N             the contact to update (default: the file's saved id, "vid" in a v1 file and
                     "id" in a CRM objects file, as create --save-id saves it). --vid is the same
  --by-email         update the contact with the file's email instead
                     (v1: ${emailRequest(CONTACTS_V1)};
                     CRM objects: ${emailRequest(OBJECTS_API)})
${API_VERSION_HELP}
${SEND_OPTIONS}

${SEND_NOTES}

Exit status:
  0  the contact was updated
  1  not sent because of errors in the file, or refused by HubSpot (4xx: 400 invalid values,
     401/403 token, 404 no such id or email, 409 another contact has this email, 429 rate limit):
     nothing was changed
  2  a usage, configuration or file problem, a request that could not be built, or HubSpot could
     not be reached (DNS, refused, a proxy that opened no tunnel): nothing was sent
  3  a server error (5xx), no answer, an unexpected answer or Ctrl-C: when the line says so, the
     update may have been applied`;

export const CONVERT_HELP = `Usage: contact-payloads convert FILE... [--to objects|v1] [--write]

Rewrites payload files between HubSpot's two formats: v1 ({"properties": [{"property": "email",
"value": "..."}], "vid": 123}) and CRM objects ({"properties": {"email": "..."}, "id": "123"}).
Values, key order and other top-level keys are kept as written; the saved contact id moves
between "vid" (a number) and "id" (a string of digits), and a "$schema" that names
contact.schema.json or contact-objects.schema.json names the other. What the other format cannot say is
dropped and each such change is noted on stderr: v1 timestamps, CRM objects associations, a
property set twice (the last value is kept, as HubSpot reads it). To v1, a date or datetime
property's value that v1 cannot take (2024-03-01, 2024-03-01T09:30:00Z) becomes epoch
milliseconds. The file is written with its indentation, line ends and byte order mark, one v1
entry per line.

Arguments:
  FILE  a file, a folder (every *.contact.json in it) or a quoted glob, as for check

Options:
  --to FORMAT  objects or v1 (default: the format the file is not in); a file already in it is
               left as it is
  --write      rewrite each file in place (a new file beside it, renamed over it) and print one
               line per file on stderr; without it, the one FILE is printed converted on stdout
  -h, --help   show this help

Exit status:
  0  every file converted (or already in the format asked for)
  1  a file that does not convert: not JSON, no "properties" list or object
  2  a usage problem (several files without --write), an argument that names no file, or a file
     that cannot be read or written`;

export const ACCOUNT_HELP = `Usage: contact-payloads account [--account NAME | --base-url URL] [--json]

Says which portal the access token belongs to (HubSpot's account details) and which scopes it
has (HubSpot's private-app token info), naming each scope this tool needs that it lacks:
crm.objects.contacts.write (create, update, seed), crm.objects.contacts.read (seed plans),
crm.schemas.contacts.read (the portal's properties). Nothing is written.

Options:
${ACCOUNT_OPTION_HELP}
  --base-url URL     where to ask (default: $HUBSPOT_BASE_URL, else https://api.hubapi.com)
  --json             print it as JSON: account, origin, production, portalId, scopes, missingScopes
${REQUEST_OPTIONS_HELP}
  -h, --help         show this help

Exit status:
  0  the token can write contacts (or HubSpot did not say which scopes it has: it may still work)
  1  the token lacks crm.objects.contacts.write, or HubSpot refused it (401)
  2  a usage or configuration problem, or HubSpot could not be reached`;

export const SEED_HELP = `Usage: contact-payloads seed [PATH|GLOB...] [options]

Sends a seed set — contact files (*.contact.json, one contact each) and batch files
(*.contacts.json, many) in either format — to HubSpot's CRM objects batch API, 100 contacts a
request. First a plan: each contact is looked up in the portal (batch/read by email, or by id)
and is to be created, updated (the properties that change, old → new), left unchanged, or held
back (blocked) by errors in its file or an email used twice in the set. Then, once confirmed,
contacts with an email go to batch/upsert by email, contacts with an id and no email to
batch/update, the rest to batch/create; v1 files are converted on the way. Requests go as fast as
HubSpot's rate-limit headers allow; a 429 is waited out, server errors and lost connections are
retried (a create only when it surely did not arrive).

A journal records every answer as it comes. Running the same command again after Ctrl-C, a crash
or the daily limit resumes: what was done is found unchanged, and a contact without email whose
create was sent but never answered is held back as "may already exist" instead of created twice
(--resend-uncertain creates it anyway, once you have checked HubSpot).

Arguments:
  PATH|GLOB  files, folders (every *.contact.json and *.contacts.json in them) or quoted globs,
             as for check. Default: the current folder

Options:
  --dry-run             print the plan (every contact) and send nothing
  --json                print the plan (with --dry-run) or the run's results as one JSON document
                        on stdout: counts, and one entry per contact with file, line, outcome, id
                        and message; everything else goes to stderr
  -y, --yes             send without asking; without it the plan's counts and the account are
                        shown and a terminal is asked to confirm (no terminal: nothing is sent)
  --save-ids            write each created contact's id into its file ("id" in CRM objects
                        contacts, "vid" in v1 ones), changing nothing else
  --journal FILE        where the run's journal is kept (default: one per account and set, under
                        $XDG_STATE_HOME/contact-payloads/seed-runs, ~/.local/state by default)
  --resend-uncertain    create contacts a cut-off run may already have created
  --save-plan FILE      also write the plan to FILE (with --dry-run, say, for people to review)
  --plan FILE           send the plan saved in FILE as it was reviewed, without planning again:
                        same account only; a contact whose file changed since is not sent
  --base-url URL        where to send (default: $HUBSPOT_BASE_URL, else https://api.hubapi.com);
                        http:// only for this machine (localhost, 127.0.0.1, [::1])
${ACCOUNT_OPTION_HELP}
  --portal ID           send only if the token's portal is ID; required with --yes for an account
                        marked "production" (without --yes, its portal id is typed to confirm)
${API_VERSION_HELP.replace('for a CRM objects file', 'every contact goes to').replace(/; a v1 file is sent to\n\s+Contacts v1 whatever this says/, '')}
${REQUEST_OPTIONS_HELP}
  -h, --help            show this help

The access token is read from HUBSPOT_ACCESS_TOKEN (or an account's HUBSPOT_ACCESS_TOKEN_NAME) only,
and a dry run needs it too (the plan reads the portal).

Exit status:
  0  every contact is in HubSpot as planned (created, updated or unchanged)
  1  some contacts failed (HubSpot refused them: the lines say why) or were held back by errors;
     with --dry-run: the plan holds some back
  2  a usage, configuration or file problem, the portal could not be read to plan, or the send was
     not confirmed: nothing was sent
  3  some creates were sent but never answered: those contacts may have been created (the journal
     remembers them; see --resend-uncertain)
  4  stopped before the end (Ctrl-C, HubSpot's daily limit, the token refused): run the same
     command again to send the rest`;
