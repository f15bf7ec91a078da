// `contact-payloads create` and `update` with CRM objects files ({"properties": {…}}), run as processes
// against the sandbox over real HTTP: the API version chosen, the id saved as "id", updates by saved id
// and by email, associations on create only, and v1 files still going to v1.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startSandbox, type Sandbox } from '../sandbox/sandbox';
import { linesOf, runCli, type CliRun } from './support';

const TOKEN = 'pat-na1-0bjec75-5ecre7-4bad-9ood-70ken0000cli';

const scratch = mkdtempSync(path.join(tmpdir(), 'contact-payloads-objects-'));
let sandbox: Sandbox;

before(async () => {
  sandbox = await startSandbox({ token: TOKEN, firstVid: 72001 });
});
after(async () => {
  await sandbox.stop();
  rmSync(scratch, { recursive: true, force: true });
});

function file(name: string, text: string): string {
  writeFileSync(path.join(scratch, name), text);
  return name;
}

const read = (name: string) => readFileSync(path.join(scratch, name), 'utf8');

function send(args: readonly string[]): Promise<CliRun> {
  return runCli(args, { cwd: scratch, env: { HUBSPOT_ACCESS_TOKEN: TOKEN, HUBSPOT_BASE_URL: sandbox.url } });
}

const timeless = (text: string) => text.replace(/ in \d+ ms/g, ' in N ms');
const ASSOCIATIONS = [{ to: { id: '101' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 279 }] }];
const NOT_SENT = 'The file\'s "associations" are not sent: HubSpot takes associations on a create only; an update (PATCH) has none.';

describe('a CRM objects file', () => {
  it('create: POST to the 2026-09 objects path with the properties object and the associations; 201 and exit 0; --save-id writes "id" as a string, first key', async () => {
    const original = '{\n  "properties": {\n    "email": "ada@example.com",\n    "firstname": "Ada"\n  },\n  "associations": ' + JSON.stringify(ASSOCIATIONS) + '\n}\n';
    file('ada.contact.json', original);
    sandbox.clearRequests();
    const run = await send(['create', 'ada.contact.json', '--save-id']);
    assert.deepEqual([run.code, linesOf(timeless(run.stdout)), run.stderr], [0, ['ada.contact.json: 201 Created — contact 72001 created in N ms', 'ada.contact.json: saved id 72001'], '']);
    const [request] = sandbox.requests;
    assert.deepEqual([request?.method, request?.path], ['POST', '/crm/objects/2026-09/contacts']);
    assert.deepEqual(JSON.parse(request?.bodyText ?? ''), { properties: { email: 'ada@example.com', firstname: 'Ada' }, associations: ASSOCIATIONS });
    assert.equal(read('ada.contact.json'), original.replace('{\n', '{\n  "id": "72001",\n'));
  });

  it('update by the saved id: PATCH to the id, 200 and exit 0; the associations are not sent, and stderr says so', async () => {
    sandbox.clearRequests();
    const run = await send(['update', 'ada.contact.json']);
    assert.deepEqual([run.code, timeless(run.stdout), run.stderr], [0, 'ada.contact.json: 200 OK — contact 72001 updated in N ms\n', `Note: ada.contact.json: ${NOT_SENT}\n`]);
    const [request] = sandbox.requests;
    assert.deepEqual([request?.method, request?.path], ['PATCH', '/crm/objects/2026-09/contacts/72001']);
    assert.deepEqual(JSON.parse(request?.bodyText ?? ''), { properties: { email: 'ada@example.com', firstname: 'Ada' } });
  });

  it('--by-email: PATCH to the email with idProperty=email; 200 and exit 0', async () => {
    file('by-email.contact.json', '{"properties": {"email": "ada@example.com", "lastname": "Lovelace"}}');
    sandbox.clearRequests();
    const run = await send(['update', 'by-email.contact.json', '--by-email']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(timeless(run.stdout), /^by-email\.contact\.json: 200 OK — contact 72001 \(email ada@example\.com\) updated in N ms\n$/);
    assert.deepEqual([sandbox.requests[0]?.method, sandbox.requests[0]?.path], ['PATCH', '/crm/objects/2026-09/contacts/ada%40example.com?idProperty=email']);
    assert.equal(sandbox.contacts.get(72001)?.properties.get('lastname')?.value, 'Lovelace');
  });

  it('without a saved id: exit 2, nothing sent, --id and --by-email offered; an id written as a number is refused with the reason', async () => {
    sandbox.clearRequests();
    const run = await send(['update', 'by-email.contact.json']);
    assert.deepEqual([run.code, run.stdout, run.stderr], [
      2,
      '',
      'contact-payloads: by-email.contact.json: the file has no "id"; pass --id N, or --by-email to update the contact with email ada@example.com.\n',
    ]);
    const numeric = await send(['update', file('numeric.contact.json', '{"id": 72001, "properties": {"firstname": "Ada"}}')]);
    assert.deepEqual([numeric.code, numeric.stderr], [
      2,
      'contact-payloads: numeric.contact.json: the file\'s "id" (72001) is not a positive whole number written as a string of digits, such as "61574"; pass --id N.\n',
    ]);
    const noEmail = await send(['update', 'numeric.contact.json', '--by-email']);
    assert.deepEqual([noEmail.code, noEmail.stderr], [2, 'contact-payloads: numeric.contact.json: the file has no "email" to update by; pass --id N.\n']);
    const v1NoEmail = await send(['update', file('v1-no-email.contact.json', '{"properties": [{"property": "firstname", "value": "Ada"}]}'), '--by-email']);
    assert.deepEqual([v1NoEmail.code, v1NoEmail.stderr], [2, 'contact-payloads: v1-no-email.contact.json: the file has no "email" to update by; pass --vid N.\n']);
    assert.equal(sandbox.requests.length, 0);
  });

  it('--id and --vid name the contact alike', async () => {
    for (const option of ['--id', '--vid']) {
      const run = await send(['update', 'numeric.contact.json', option, '72001']);
      assert.equal(run.code, 0, `${option}: ${run.stderr}`);
      assert.match(run.stdout, /200 OK — contact 72001 updated/);
    }
  });

  it('--api-version 2026-03 and v3 are the paths --dry-run shows; the default is 2026-09', async () => {
    const line = async (args: readonly string[]) => linesOf((await send([...args, '--dry-run'])).stdout)[0];
    assert.equal(await line(['create', 'by-email.contact.json', '--api-version', '2026-03']), `POST ${sandbox.url}/crm/objects/2026-03/contacts`);
    assert.equal(await line(['update', 'ada.contact.json', '--api-version', '2026-03']), `PATCH ${sandbox.url}/crm/objects/2026-03/contacts/72001`);
    assert.equal(await line(['update', 'ada.contact.json', '--api-version', 'v3']), `PATCH ${sandbox.url}/crm/v3/objects/contacts/72001`);
    assert.equal(await line(['update', 'by-email.contact.json', '--by-email']), `PATCH ${sandbox.url}/crm/objects/2026-09/contacts/ada%40example.com?idProperty=email`);
    const create = await send(['create', 'ada.contact.json', '--dry-run', '--json']);
    assert.deepEqual((JSON.parse(create.stdout) as { body: unknown }).body, { properties: { email: 'ada@example.com', firstname: 'Ada' }, associations: ASSOCIATIONS });
  });

  it('a 400 (its results inside the message) is pointed at the value in the file, as hubspot-rejected; exit 1', async () => {
    file('bad.contact.json', '{\n  "properties": {\n    "email": "bad@example.com",\n    "lifecyclestage": "Lead"\n  }\n}\n');
    const run = await send(['create', 'bad.contact.json', '--force']);
    const lines = linesOf(run.stdout);
    assert.deepEqual([run.code, lines[0]], [1, 'bad.contact.json: 400 Bad Request — 1 property value was rejected: lifecyclestage (INVALID_OPTION)']);
    assert.match(lines[1] ?? '', /^bad\.contact\.json:4:23 error hubspot-rejected HubSpot rejected this \(INVALID_OPTION\): /);
    assert.deepEqual(lines.slice(2), ['  4 |     "lifecyclestage": "Lead"', '    |                       ^^^^^^', '']);
  });
});

describe('options that are wrong: exit 2, nothing sent', () => {
  it('an unknown --api-version, --id with --vid, --by-email with an id or on create', async () => {
    sandbox.clearRequests();
    const cases: [string[], string][] = [
      [['create', 'ada.contact.json', '--api-version', '2025-09'], 'contact-payloads: --api-version takes 2026-09, 2026-03, v3 (got "2025-09").\nRun "contact-payloads create --help" for usage.'],
      [['update', 'ada.contact.json', '--id', '1', '--vid', '1'], 'contact-payloads: --id and --vid are the same option: give one.\nRun "contact-payloads update --help" for usage.'],
      [['update', 'ada.contact.json', '--by-email', '--id', '1'], 'contact-payloads: --by-email and --id both choose the contact to update: give one.\nRun "contact-payloads update --help" for usage.'],
      [['create', 'ada.contact.json', '--by-email'], 'contact-payloads: create makes a new contact; --by-email is for update.\nRun "contact-payloads create --help" for usage.'],
      [['update', 'ada.contact.json', '--save-id'], 'contact-payloads: update keeps the id it is given; --save-id is for create.\nRun "contact-payloads update --help" for usage.'],
      [['update', 'ada.contact.json', '--id', 'abc'], 'contact-payloads: --id takes a contact\'s id, a positive whole number such as 61574 (got "abc").\nRun "contact-payloads update --help" for usage.'],
    ];
    for (const [args, stderr] of cases) {
      const run = await send(args);
      assert.deepEqual([run.code, run.stdout, run.stderr], [2, '', `${stderr}\n`], args.join(' '));
    }
    assert.equal(sandbox.requests.length, 0);
  });
});

describe('a v1 file', () => {
  it('still goes to Contacts v1, whatever --api-version says (which stderr notes); --save-id saves "vid" as a number', async () => {
    file('v1.contact.json', '{\n  "properties": [\n    { "property": "email", "value": "grace@example.com" }\n  ]\n}\n');
    sandbox.clearRequests();
    const run = await send(['create', 'v1.contact.json', '--api-version', '2026-03', '--save-id']);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr, 'Note: --api-version is for CRM objects files; v1.contact.json is a Contacts v1 file, sent to Contacts v1.\n');
    assert.deepEqual([sandbox.requests[0]?.method, sandbox.requests[0]?.path], ['POST', '/contacts/v1/contact']);
    const vid = /contact (\d+) created/.exec(run.stdout)?.[1];
    assert.equal(read('v1.contact.json').split('\n')[1], `  "vid": ${vid},`);
  });

  it('--by-email updates it through v1\'s email path; 204 and exit 0', async () => {
    sandbox.clearRequests();
    const run = await send(['update', 'v1.contact.json', '--by-email']);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual([sandbox.requests[0]?.method, sandbox.requests[0]?.path], ['POST', '/contacts/v1/contact/email/grace%40example.com/profile']);
  });
});
