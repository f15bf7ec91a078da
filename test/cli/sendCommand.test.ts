// `contact-payloads create` and `update` run as processes against the sandbox over real HTTP: the
// outcomes and their exit statuses (200, 204, 400, 401, 404, 409, 429, 5xx, a dropped connection),
// --json, --dry-run, --save-vid, the checks before sending, and the token in no output at all.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startSandbox, type Sandbox } from '../sandbox/sandbox';
import { linesOf, runCli, runs, type CliRun } from './support';

const TOKEN = 'pat-na1-c1i7e57-5ecre7-4bad-9ood-70ken0000cli';
const WRONG_TOKEN = 'pat-na1-wr0ng000-2222-4bad-9ood-70ken0000cli';

const scratch = mkdtempSync(path.join(tmpdir(), 'contact-payloads-send-'));
let sandbox: Sandbox;

before(async () => {
  sandbox = await startSandbox({ token: TOKEN, firstVid: 61574 });
});
after(async () => {
  await sandbox.stop();
  rmSync(scratch, { recursive: true, force: true });
});

/** A payload file in the scratch folder, multi-line and two-space indented unless the text is given. */
function payloadFile(name: string, entries: Readonly<Record<string, string>>, text?: string): string {
  const lines = Object.entries(entries).map(([property, value]) => `    { "property": ${JSON.stringify(property)}, "value": ${JSON.stringify(value)} }`);
  writeFileSync(path.join(scratch, name), text ?? `{\n  "properties": [\n${lines.join(',\n')}\n  ]\n}\n`);
  return name;
}

function send(args: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<CliRun> {
  return runCli(args, { cwd: scratch, env: { HUBSPOT_ACCESS_TOKEN: TOKEN, HUBSPOT_BASE_URL: sandbox.url, ...env } });
}

/** Durations differ from run to run. */
const timeless = (text: string) => text.replace(/ in \d+ ms/g, ' in N ms');
const host = () => new URL(sandbox.url).host;

describe('create', () => {
  it('200: one line with the new vid; exit 0; the request is the file\'s properties only', async () => {
    const file = payloadFile('ada.contact.json', { email: 'ada@example.com', firstname: 'Ada' });
    sandbox.clearRequests();
    const run = await send(['create', file]);
    assert.deepEqual([run.code, timeless(run.stdout), run.stderr], [0, 'ada.contact.json: 200 OK — contact 61574 created in N ms\n', '']);
    const [request] = sandbox.requests;
    assert.equal(request?.path, '/contacts/v1/contact');
    assert.equal(request?.bodyText, '{"properties":[{"property":"email","value":"ada@example.com"},{"property":"firstname","value":"Ada"}]}');
    assert.match(request?.headers['user-agent'] ?? '', /^contact-payloads-for-hubspot \(command line "contact-payloads"\) \d+\.\d+\.\d+/);
  });

  it('409: the existing vid; exit 1', async () => {
    const run = await send(['create', 'ada.contact.json']);
    assert.deepEqual([run.code, run.stdout], [1, 'ada.contact.json: 409 Conflict — a contact with this email already exists: id 61574\n']);
  });

  it('--save-vid writes the vid as the first key; every other byte of the file stays (BOM, CRLF, tabs)', async () => {
    const original = '\uFEFF{\r\n\t"properties": [\r\n\t\t{ "property": "email", "value": "grace@example.com" },\t{ "property": "lastname", "value": "Hopper" }\r\n\t],\r\n\t"note": "kept"\r\n}\r\n';
    payloadFile('grace.contact.json', {}, original);
    const run = await send(['create', 'grace.contact.json', '--save-vid']);
    assert.equal(run.code, 0, run.stderr);
    const vid = /contact (\d+) created/.exec(run.stdout)?.[1];
    assert.ok(vid, run.stdout);
    assert.deepEqual(linesOf(run.stdout).slice(1), [`grace.contact.json: saved vid ${vid}`]);
    const saved = readFileSync(path.join(scratch, 'grace.contact.json'), 'utf8');
    assert.equal(saved, original.replace('{\r\n', `{\r\n\t"vid": ${vid},\r\n`));
  });

  it('--save-vid on a payload written on one line inserts the vid without re-formatting it', async () => {
    const original = '{"properties":[{"property":"email","value":"compact@example.com"}]}';
    payloadFile('compact.contact.json', {}, original);
    const run = await send(['create', 'compact.contact.json', '--save-vid']);
    const vid = /contact (\d+) created/.exec(run.stdout)?.[1];
    assert.equal(readFileSync(path.join(scratch, 'compact.contact.json'), 'utf8'), `{"vid": ${vid},"properties":[{"property":"email","value":"compact@example.com"}]}`);
  });

  it('--save-vid on 409 saves the vid of the contact that has the email; exit still 1', async () => {
    payloadFile('again.contact.json', { email: 'ada@example.com' });
    const run = await send(['create', 'again.contact.json', '--save-vid']);
    assert.deepEqual([run.code, linesOf(run.stdout)], [
      1,
      ['again.contact.json: 409 Conflict — a contact with this email already exists: id 61574', 'again.contact.json: saved vid 61574 (the existing contact)'],
    ]);
    assert.equal(readFileSync(path.join(scratch, 'again.contact.json'), 'utf8').split('\n')[1], '  "vid": 61574,');
  });

  it('400: HubSpot\'s rejections on the lines of the file, as the editor shows them; exit 1', async () => {
    // Unknown to the bundled catalog (only a warning here), but the sandbox portal rejects both.
    const file = payloadFile('rejected.contact.json', { email: 'rejected@example.com', favorite_color: 'purple', shoe_size: '42' });
    const run = await send(['create', file]);
    assert.equal(run.code, 1);
    const lines = linesOf(run.stdout);
    assert.equal(lines[0], 'rejected.contact.json: 400 Bad Request — 2 property values were rejected: favorite_color (INVALID_OPTION), shoe_size (PROPERTY_DOESNT_EXIST)');
    // HubSpot's message as it words it (its options in protobuf text form), line breaks shown as ␊.
    const options = ['Red', 'Green', 'Blue', 'Octarine'].map((label, order) => `label: "${label}"␊value: "${label.toLowerCase()}"␊display_order: ${order}␊hidden: ${label === 'Octarine'}␊read_only: false␊`);
    assert.equal(lines[1], `rejected.contact.json:4:46 error hubspot-rejected HubSpot rejected this (INVALID_OPTION): purple was not one of the allowed options: [${options.join(', ')}]`);
    assert.deepEqual(lines.slice(2), [
      '  4 |     { "property": "favorite_color", "value": "purple" },',
      '    |                                              ^^^^^^^^',
      '',
      'rejected.contact.json:5:19 error hubspot-rejected HubSpot rejected this (PROPERTY_DOESNT_EXIST): Property "shoe_size" does not exist',
      '  5 |     { "property": "shoe_size", "value": "42" }',
      '    |                   ^^^^^^^^^^^',
      '',
    ]);
  });

  it('--json: the outcome with HubSpot\'s answer on stdout, the one line on stderr', async () => {
    const run = await send(['create', 'rejected.contact.json', '--json']);
    assert.equal(run.code, 1);
    const outcome = JSON.parse(run.stdout) as { kind: string; status: number; summary: string; body: { validationResults: { name: string; error: string }[] } };
    assert.deepEqual([outcome.kind, outcome.status], ['validationFailed', 400]);
    assert.deepEqual(outcome.body.validationResults.map((r) => [r.name, r.error]), [['favorite_color', 'INVALID_OPTION'], ['shoe_size', 'PROPERTY_DOESNT_EXIST']]);
    assert.equal(linesOf(run.stderr)[0], `rejected.contact.json: ${outcome.summary}`);
  });

  it('a file with errors is not sent (exit 1); --force sends it and HubSpot answers 400', async () => {
    const file = payloadFile('bad-email.contact.json', { email: 'not-an-email' });
    sandbox.clearRequests();
    const refused = await send(['create', file]);
    assert.equal(refused.code, 1);
    assert.equal(refused.stdout, '');
    assert.deepEqual(linesOf(refused.stderr), [
      'bad-email.contact.json:3:37 error invalid-email "not-an-email" is not a valid email address: HubSpot answers INVALID_EMAIL.',
      '  3 |     { "property": "email", "value": "not-an-email" }',
      '    |                                     ^^^^^^^^^^^^^^',
      '',
      'bad-email.contact.json: not sent: 1 error that HubSpot would reject (--force sends it anyway).',
    ]);
    assert.equal(sandbox.requests.length, 0, 'nothing was sent');
    const forced = await send(['create', file, '--force']);
    assert.equal(forced.code, 1);
    assert.equal(linesOf(forced.stdout)[0], 'bad-email.contact.json: 400 Bad Request — 1 property value was rejected: email (INVALID_EMAIL)');
  });

  it('429: retried after the wait HubSpot asks for; with retries off, exit 1', async () => {
    const retried = payloadFile('patient.contact.json', { email: 'patient@example.com' });
    sandbox.inject({ route: 'createContact', status: 429, headers: { 'Retry-After': '0' } });
    const run = await send(['create', retried]);
    assert.deepEqual([run.code, timeless(run.stdout)], [0, `patient.contact.json: 200 OK — contact ${/contact (\d+)/.exec(run.stdout)?.[1]} created in N ms (after 1 retry)\n`]);
    // The retried attempt is logged on stderr; Retry-After: 0 means no wait.
    assert.match(run.stderr, new RegExp(`^POST ${sandbox.url}/contacts/v1/contact → 429 in \\d+ ms \\(correlation [0-9a-f-]+\\); retry 1 of 3 in 0 ms\\n$`));

    sandbox.inject({ route: 'createContact', status: 429 });
    const limited = await send(['create', payloadFile('hasty.contact.json', { email: 'hasty@example.com' }), '--max-retries', '0']);
    assert.deepEqual([limited.code, limited.stdout], [1, 'hasty.contact.json: 429 Too Many Requests — ten-second rate limit reached; retry in 10 s; retries are turned off\n']);
  });

  it('a dropped connection: exit 3, the contact may have been created; a retry finds it was', async () => {
    const file = payloadFile('dropped.contact.json', { email: 'dropped@example.com' });
    sandbox.inject({ route: 'createContact', createThenReset: true });
    const lost = await send(['create', file, '--max-retries', '0']);
    assert.deepEqual([lost.code, lost.stdout], [
      3,
      `dropped.contact.json: No response — the connection to ${host()} was closed before the answer arrived; the contact may have been created — check HubSpot before sending again; retries are turned off\n`,
    ]);

    // With retries, the resent create meets 409 for the contact its lost attempt made (reading it shows so): a success.
    const again = payloadFile('dropped-again.contact.json', { email: 'dropped-again@example.com' });
    sandbox.inject({ route: 'createContact', createThenReset: true });
    const recovered = await send(['create', again]);
    assert.equal(recovered.code, 0, recovered.stdout);
    assert.match(
      recovered.stdout,
      /^dropped-again\.contact\.json: 409 Conflict — contact \d+ was created by an earlier attempt whose answer was lost; HubSpot applied that request, so it holds this file's values \(after 1 retry\)\n$/,
    );
  });

  it('503 that HubSpot applied, then 409: created on the earlier attempt; exit 0 and --save-vid saves it', async () => {
    const file = payloadFile('applied.contact.json', { email: 'applied@example.com' });
    sandbox.inject({ route: 'createContact', status: 503, headers: { 'Retry-After': '0' }, handleFirst: true });
    const run = await send(['create', file, '--save-vid']);
    const vid = sandbox.contacts.findByEmail('applied@example.com')?.vid;
    assert.deepEqual([run.code, linesOf(run.stdout)], [
      0,
      [
        `applied.contact.json: 409 Conflict — contact ${vid} was created by an earlier attempt whose answer was lost; HubSpot applied that request, so it holds this file's values (after 1 retry)`,
        `applied.contact.json: saved vid ${vid}`,
      ],
    ]);
  });

  it('503, then 409 for a contact older than the first attempt: a conflict, exit 1', async () => {
    const existing = sandbox.contacts.create({ email: 'older@example.com' }, Date.now() - 3_600_000);
    sandbox.inject({ route: 'createContact', status: 503, headers: { 'Retry-After': '0' } });
    const run = await send(['create', payloadFile('older.contact.json', { email: 'older@example.com' })]);
    assert.deepEqual([run.code, run.stdout], [
      1,
      `older.contact.json: 409 Conflict — a contact with this email already exists: id ${existing.vid}; it is older than the attempt whose answer was lost, so nothing of this file was applied (after 1 retry)\n`,
    ]);
  });

  it('503, then 409, and the contact cannot be read: exit 3, --save-vid saves nothing and says why', async () => {
    const existing = sandbox.contacts.create({ email: 'unknown-origin@example.com' }, Date.now() - 3_600_000);
    const original = payloadFile('unknown-origin.contact.json', { email: 'unknown-origin@example.com' });
    const before = readFileSync(path.join(scratch, original), 'utf8');
    sandbox.inject({ route: 'createContact', status: 503, headers: { 'Retry-After': '0' } });
    sandbox.inject({ route: 'getContact', status: 500 });
    const run = await send(['create', original, '--save-vid']);
    assert.deepEqual([run.code, linesOf(run.stdout)], [
      3,
      [
        `unknown-origin.contact.json: 409 Conflict — contact ${existing.vid} has this email, and whether the earlier attempt whose answer was lost created it cannot be told: ` +
          `reading the contact failed (HubSpot answered 500: internal server error); updating contact ${existing.vid} applies this file's values either way (after 1 retry)`,
        `unknown-origin.contact.json: vid ${existing.vid} not saved: it is not known whether this file created that contact (update --vid ${existing.vid} applies the file to it)`,
      ],
    ]);
    assert.equal(readFileSync(path.join(scratch, original), 'utf8'), before, 'the file is unchanged');
  });

  it('5xx until the retries run out: exit 3', async () => {
    sandbox.inject({ route: 'createContact', status: 503, headers: { 'Retry-After': '0' }, times: 4 });
    const run = await send(['create', payloadFile('busy.contact.json', { email: 'busy@example.com' })]);
    assert.deepEqual([run.code, run.stdout], [
      3,
      'busy.contact.json: 503 Service Unavailable — HubSpot failed to answer the request; the contact may have been created — check HubSpot before sending again; gave up after 3 retries\n',
    ]);
    assert.equal(linesOf(run.stderr).length, 3, 'one line per retry');
  });

  it('401 for a wrong token: exit 1', async () => {
    const run = await send(['create', 'busy.contact.json'], { HUBSPOT_ACCESS_TOKEN: WRONG_TOKEN });
    assert.deepEqual([run.code, run.stdout], [1, 'busy.contact.json: 401 Unauthorized — the access token is invalid or expired\n']);
  });
});

describe('update', () => {
  it('204 with the vid saved in the file; only the properties are sent', async () => {
    sandbox.clearRequests();
    const run = await send(['update', 'grace.contact.json']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(timeless(run.stdout), /^grace\.contact\.json: 204 No Content — contact \d+ updated in N ms\n$/);
    const vid = /contact (\d+)/.exec(run.stdout)?.[1];
    assert.equal(sandbox.requests[0]?.path, `/contacts/v1/contact/vid/${vid}/profile`);
    assert.deepEqual(Object.keys(JSON.parse(sandbox.requests[0]?.bodyText ?? '{}') as object), ['properties']);
  });

  it('--vid wins over the file; an unknown vid is 404, exit 1', async () => {
    const run = await send(['update', 'grace.contact.json', '--vid', '999999']);
    assert.deepEqual([run.code, run.stdout], [1, 'grace.contact.json: 404 Not Found — no contact with id 999999\n']);
  });

  it('409 when another contact has the email: exit 1', async () => {
    const run = await send(['update', 'ada.contact.json', '--vid', /vid": (\d+)/.exec(readFileSync(path.join(scratch, 'grace.contact.json'), 'utf8'))?.[1] ?? '']);
    assert.deepEqual([run.code, run.stdout], [1, 'ada.contact.json: 409 Conflict — another contact already has this email: id 61574\n']);
  });

  it('a dropped connection is retried (an update may be resent); with retries off, exit 3', async () => {
    sandbox.inject({ route: 'updateContact', reset: true });
    const retried = await send(['update', 'ada.contact.json', '--vid', '61574']);
    assert.equal(retried.code, 0, retried.stdout);
    assert.match(timeless(retried.stdout), /^ada\.contact\.json: 204 No Content — contact 61574 updated in N ms \(after 1 retry\)\n$/);

    sandbox.inject({ route: 'updateContact', reset: true });
    const lost = await send(['update', 'ada.contact.json', '--vid', '61574', '--max-retries', '0']);
    assert.deepEqual([lost.code, lost.stdout], [
      3,
      `ada.contact.json: No response — the connection to ${host()} was closed before the answer arrived; the update may have been applied; retries are turned off\n`,
    ]);
  });

  it('no vid in the file and none given: exit 2, nothing sent; the file\'s email is offered', async () => {
    const run = await send(['update', 'ada.contact.json']);
    assert.deepEqual([run.code, run.stdout, run.stderr], [
      2,
      '',
      'contact-payloads: ada.contact.json: the file has no "vid"; pass --vid N, or --by-email to update the contact with email ada@example.com.\n',
    ]);
    const noEmail = await send(['update', payloadFile('no-email.contact.json', { firstname: 'Ada' })]);
    assert.deepEqual([noEmail.code, noEmail.stderr], [2, 'contact-payloads: no-email.contact.json: the file has no "vid"; pass --vid N.\n']);
  });
});

describe('--dry-run', () => {
  it('prints the request with the token masked and sends nothing', async () => {
    sandbox.clearRequests();
    const run = await send(['update', 'grace.contact.json', '--dry-run']);
    const vid = /vid": (\d+)/.exec(readFileSync(path.join(scratch, 'grace.contact.json'), 'utf8'))?.[1];
    assert.deepEqual([run.code, linesOf(run.stdout), run.stderr], [
      0,
      [
        `POST ${sandbox.url}/contacts/v1/contact/vid/${vid}/profile`,
        'Authorization: Bearer ******** (HUBSPOT_ACCESS_TOKEN, masked)',
        'Content-Type: application/json',
        '',
        '{"properties":[{"property":"email","value":"grace@example.com"},{"property":"lastname","value":"Hopper"}]}',
      ],
      '',
    ]);
    const json = await send(['create', 'ada.contact.json', '--dry-run', '--json']);
    assert.deepEqual(JSON.parse(json.stdout), {
      method: 'POST',
      url: `${sandbox.url}/contacts/v1/contact`,
      headers: { Authorization: 'Bearer ******** (HUBSPOT_ACCESS_TOKEN, masked)', 'Content-Type': 'application/json' },
      body: { properties: [{ property: 'email', value: 'ada@example.com' }, { property: 'firstname', value: 'Ada' }] },
    });
    assert.equal(sandbox.requests.length, 0);
  });

  it('works without a token, and says a real send needs one', async () => {
    const run = await send(['create', 'ada.contact.json', '--dry-run'], { HUBSPOT_ACCESS_TOKEN: '' });
    assert.equal(run.code, 0);
    assert.equal(linesOf(run.stdout)[1], 'Authorization: Bearer (HUBSPOT_ACCESS_TOKEN is not set)');
    assert.equal(run.stderr, 'Note: HUBSPOT_ACCESS_TOKEN is not set; a real send needs it.\n');
  });
});

describe('configuration and usage problems: exit 2, nothing sent', () => {
  it('no token, a token that cannot be sent, a base URL that is not loopback http', async () => {
    sandbox.clearRequests();
    const cases: [Record<string, string>, string[], string][] = [
      [{ HUBSPOT_ACCESS_TOKEN: '' }, [], 'contact-payloads: HUBSPOT_ACCESS_TOKEN is not set: export a HubSpot private app\'s access token in it (it is read from nowhere else).'],
      [{ HUBSPOT_ACCESS_TOKEN: `${TOKEN} ${TOKEN}` }, [], 'contact-payloads: The HubSpot access token contains spaces or characters that cannot be sent; paste it again.'],
      [{ HUBSPOT_BASE_URL: 'http://hubspot.example.com' }, [], 'contact-payloads: Plain http:// would send your access token unencrypted to hubspot.example.com; use https://. http:// is allowed only for this machine (localhost, 127.0.0.1, [::1]), e.g. the local sandbox.'],
      [{}, ['--base-url', 'ftp://127.0.0.1'], 'contact-payloads: The HubSpot base URL must start with https:// (found ftp://).'],
      // A token pasted where the URL goes is not quoted back.
      [{}, ['--base-url', TOKEN], 'contact-payloads: The HubSpot base URL is not a valid URL; it looks like https://api.hubapi.com.'],
    ];
    for (const [env, args, message] of cases) {
      const run = await send(['create', 'ada.contact.json', ...args], env);
      assert.deepEqual([run.code, run.stdout, run.stderr], [2, '', `${message}\n`], JSON.stringify(env));
    }
    assert.equal(sandbox.requests.length, 0);
  });

  it('--base-url wins over HUBSPOT_BASE_URL', async () => {
    const run = await send(['create', 'ada.contact.json', '--dry-run', '--base-url', sandbox.url], { HUBSPOT_BASE_URL: 'https://api.hubapi.com' });
    assert.equal(linesOf(run.stdout)[0], `POST ${sandbox.url}/contacts/v1/contact`);
    const fromEnv = await send(['create', 'ada.contact.json', '--dry-run'], { HUBSPOT_BASE_URL: '' });
    assert.equal(linesOf(fromEnv.stdout)[0], 'POST https://api.hubapi.com/contacts/v1/contact', 'an empty variable counts as unset');
  });

  it('wrong arguments and unreadable files', async () => {
    const cases: [string[], string][] = [
      [['create'], 'contact-payloads: create takes one FILE (got 0).\nRun "contact-payloads create --help" for usage.'],
      [['create', 'a.contact.json', 'b.contact.json'], 'contact-payloads: create takes one FILE (got 2).\nRun "contact-payloads create --help" for usage.'],
      [['create', 'ada.contact.json', '--vid', '3'], 'contact-payloads: create makes a new contact; --vid is for update.\nRun "contact-payloads create --help" for usage.'],
      [['update', 'ada.contact.json', '--save-vid'], 'contact-payloads: update keeps the id it is given; --save-vid is for create.\nRun "contact-payloads update --help" for usage.'],
      [['update', 'ada.contact.json', '--vid', 'abc'], 'contact-payloads: --vid takes a contact\'s vid, a positive whole number such as 61574 (got "abc").\nRun "contact-payloads update --help" for usage.'],
      [['create', 'ada.contact.json', '--max-retries', '9'], 'contact-payloads: --max-retries takes a whole number from 0 to 6 (got "9").\nRun "contact-payloads create --help" for usage.'],
      [['create', 'ada.contact.json', '--token', TOKEN], 'contact-payloads: Unknown option \'--token\'.\nRun "contact-payloads create --help" for usage.'],
      [['create', 'missing.contact.json'], 'missing.contact.json cannot be read: no such file'],
    ];
    for (const [args, stderr] of cases) {
      const run = await send(args);
      assert.deepEqual([run.code, run.stdout, run.stderr], [2, '', `${stderr}\n`], args.join(' '));
    }
  });

  it('a file that is not a payload is not sent, even with --force: exit 1', async () => {
    const run = await send(['create', payloadFile('list.contact.json', {}, '[]'), '--force']);
    assert.deepEqual([run.code, run.stdout, run.stderr], [1, '', 'list.contact.json: not sent: The file is not a contact payload: it must be an object such as {"properties": […]} or {"properties": {…}}.\n']);
  });

  it('an entry that is not an object is not sent, even with --force: exit 1, not the 3 of a send that may have been applied', async () => {
    sandbox.clearRequests();
    const file = payloadFile('null-entry.contact.json', {}, '{"properties": [{"property": "email", "value": "null@example.com"}, null]}');
    const run = await send(['create', file, '--force']);
    assert.deepEqual([run.code, run.stdout, run.stderr], [
      1,
      '',
      'null-entry.contact.json: not sent: Entry 2 of "properties" is not an object such as {"property": "email", "value": "…"}: it has no property to send.\n',
    ]);
    assert.equal(sandbox.requests.length, 0);
  });
});

describe('the access token', () => {
  it('is scrubbed from an answer that echoes it', async () => {
    sandbox.inject({ route: 'updateContact', status: 500, times: 4, headers: { 'x-echo': TOKEN, 'Retry-After': '0' }, body: { status: 'error', message: `bad credentials: Bearer ${TOKEN}` } });
    const run = await send(['update', 'ada.contact.json', '--vid', '61574', '--json']);
    assert.equal(run.code, 3);
    const outcome = JSON.parse(run.stdout) as { body: { message: string }; headers: Record<string, string> };
    assert.equal(outcome.body.message, 'bad credentials: Bearer [token]');
    assert.equal(outcome.headers['x-echo'], '[token]');
  });

  it('is scrubbed whatever its case, and from header names (a proxy that echoes it back)', async () => {
    const shouted = TOKEN.toUpperCase();
    sandbox.inject({
      route: 'updateContact',
      status: 500,
      times: 4,
      headers: { [`x-seen-${TOKEN}`]: 'yes', 'x-echo': shouted, 'Retry-After': '0' },
      body: { status: 'error', message: `BAD CREDENTIALS: BEARER ${shouted}` },
    });
    const run = await send(['update', 'ada.contact.json', '--vid', '61574', '--json']);
    assert.equal(run.code, 3);
    const outcome = JSON.parse(run.stdout) as { body: { message: string }; headers: Record<string, string> };
    assert.equal(outcome.body.message, 'BAD CREDENTIALS: BEARER [token]');
    assert.equal(outcome.headers['x-echo'], '[token]');
    assert.equal(outcome.headers['x-seen-[token]'], 'yes');
  });

  it('appears in no output of any run, in any case: stdout or stderr, success or failure', () => {
    assert.ok(runs.length >= 30, `${runs.length} runs`);
    for (const run of runs) {
      for (const secret of [TOKEN, WRONG_TOKEN]) {
        const args = run.args.map((arg) => (arg === secret ? '<token>' : arg)).join(' ');
        assert.ok(!run.stdout.toLowerCase().includes(secret.toLowerCase()), `stdout of "${args}"`);
        assert.ok(!run.stderr.toLowerCase().includes(secret.toLowerCase()), `stderr of "${args}"`);
      }
    }
  });
});
