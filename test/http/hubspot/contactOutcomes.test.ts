// Every answer the Contacts v1 endpoints give, through the client and the sandbox over real HTTP:
// the typed outcome, its summary line and what was actually sent.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { DEFAULT_USER_AGENT, createHubSpotClient } from '../../../client/src/hubspot/hubspotClient';
import { contact, startTestBed, type TestBed, scriptTarget } from '../support';
import { CREATE_TARGET, updateTarget } from '../../../client/src/hubspot/contactsApi';

describe('contact outcomes against the sandbox', () => {
  let bed: TestBed;
  before(async () => {
    bed = await startTestBed();
  });
  after(() => bed.close());
  beforeEach(() => bed.reset());

  it('create: 200 with the record; the body sent is exactly {"properties":[…]} with the documented headers', async () => {
    const outcome = await bed.client.sendContact(CREATE_TARGET, contact('ada@example.com', { firstname: 'Ada', loyalty_points: '12' }));

    assert.equal(outcome.kind, 'created');
    assert.ok(outcome.kind === 'created');
    const vid = bed.sandbox.contacts.findByEmail('ada@example.com')?.vid;
    assert.equal(outcome.vid, vid);
    assert.equal(outcome.portalId, 62515);
    assert.equal(outcome.profileUrl, `${bed.sandbox.url}/contacts/62515/contact/${vid}`);
    assert.equal(outcome.createdOnEarlierAttempt, false);
    assert.equal(outcome.status, 200);
    assert.equal(outcome.summary, `200 OK — contact ${vid} created in 0 ms`);
    assert.equal(outcome.retries, 0);
    assert.equal(outcome.mayHaveBeenApplied, false);
    assert.equal(outcome.url, `${bed.sandbox.url}/contacts/v1/contact`);

    const [request] = bed.sandbox.requests;
    assert.ok(request);
    assert.equal(request.method, 'POST');
    assert.equal(request.path, '/contacts/v1/contact');
    assert.equal(
      request.bodyText,
      '{"properties":[{"property":"email","value":"ada@example.com"},{"property":"firstname","value":"Ada"},{"property":"loyalty_points","value":"12"}]}',
    );
    assert.equal(request.headers['content-type'], 'application/json');
    assert.equal(request.headers['user-agent'], DEFAULT_USER_AGENT);
    assert.equal(outcome.correlationId, request.correlationId);
    assert.deepEqual(outcome.rateLimit, { max: 100, remaining: 99, intervalMs: 10_000, daily: 250_000, dailyRemaining: 249_999 });
    const body = outcome.body as { properties: Record<string, { value: string }> };
    assert.equal(body.properties.loyalty_points?.value, '12');
  });

  it('update by vid: 204 with no body', async () => {
    const { vid } = bed.sandbox.contacts.create({ email: 'grace@example.com' });
    const outcome = await bed.client.sendContact(updateTarget(vid), [{ property: 'lastname', value: 'Hopper' }]);

    assert.equal(outcome.kind, 'updated');
    assert.equal(outcome.status, 204);
    assert.equal(outcome.body, undefined);
    assert.equal(outcome.summary, `204 No Content — contact ${vid} updated in 0 ms`);
    assert.equal(bed.sandbox.contacts.get(vid)?.properties.get('lastname')?.value, 'Hopper');
    assert.equal(bed.sandbox.requests[0]?.path, `/contacts/v1/contact/vid/${vid}/profile`);
  });

  it('update accepts the vid as digits, as typed into an input box', async () => {
    const { vid } = bed.sandbox.contacts.create({ email: 'typed@example.com' });
    const outcome = await bed.client.sendContact(scriptTarget(` ${vid} `), [{ property: 'city', value: 'Cambridge' }]);
    assert.equal(outcome.kind, 'updated');
  });

  it('update rejects a vid that is not a positive integer before sending anything', async () => {
    for (const vid of ['abc', '12a', '-3', '0', '1.5', '', 0, -1, 1.5, Number.NaN, 2 ** 53]) {
      await assert.rejects(bed.client.sendContact(scriptTarget(vid), []), (error: Error) => {
        assert.ok(error instanceof RangeError);
        assert.equal(error.message, `The contact id must be a positive whole number, like 61574 (got "${String(vid)}").`);
        return true;
      });
    }
    assert.equal(bed.sandbox.requests.length, 0);
  });

  it('409 CONTACT_EXISTS gives the existing vid from identityProfile', async () => {
    const { vid } = bed.sandbox.contacts.create({ email: 'taken@example.com' });
    const outcome = await bed.client.sendContact(CREATE_TARGET, contact('TAKEN@example.com'));

    assert.equal(outcome.kind, 'alreadyExists');
    assert.ok(outcome.kind === 'alreadyExists');
    assert.equal(outcome.vid, vid);
    assert.equal(outcome.summary, `409 Conflict — a contact with this email already exists: id ${vid}`);
    assert.deepEqual(bed.statuses(), [409]);
  });

  it('409 on update: another contact owns the new email', async () => {
    const owner = bed.sandbox.contacts.create({ email: 'owner@example.com' });
    const other = bed.sandbox.contacts.create({ email: 'other@example.com' });
    const outcome = await bed.client.sendContact(updateTarget(other.vid), contact('owner@example.com'));
    assert.equal(outcome.summary, `409 Conflict — another contact already has this email: id ${owner.vid}`);
  });

  it('409 in the newer shape: the id comes from "Existing ID: …" in the message', async () => {
    bed.sandbox.inject({
      status: 409,
      body: { status: 'error', message: 'Contact already exists. Existing ID: 37765128953', correlationId: 'c-1', category: 'CONFLICT' },
    });
    const outcome = await bed.client.sendContact(CREATE_TARGET, contact('x@example.com'));
    assert.ok(outcome.kind === 'alreadyExists');
    assert.equal(outcome.vid, 37765128953);
  });

  it('400 validationResults: one result per property, with the codes HubSpot uses', async () => {
    const outcome = await bed.client.sendContact(CREATE_TARGET, [
      { property: 'email', value: 'an_invalid_email' },
      { property: 'shoe_size', value: '42' },
      { property: 'favorite_color', value: 'pink' },
      { property: 'contract_start_date', value: '1579179660000' },
      { property: 'loyalty_points', value: '5,333,222' },
      { property: 'closedate', value: '2019-05-13T12:05:53.602759Z' },
    ]);

    assert.equal(outcome.kind, 'validationFailed');
    assert.ok(outcome.kind === 'validationFailed');
    assert.equal(outcome.message, 'Property values were not valid');
    assert.deepEqual(
      outcome.results.map(({ name, error }) => [name, error]),
      [
        ['email', 'INVALID_EMAIL'],
        ['shoe_size', 'PROPERTY_DOESNT_EXIST'],
        ['favorite_color', 'INVALID_OPTION'],
        ['contract_start_date', 'INVALID_DATE'],
        ['loyalty_points', 'INVALID_LONG'],
        ['closedate', 'INVALID_LONG'],
      ],
    );
    assert.equal(outcome.results[0]?.message, 'Email address an_invalid_email is invalid');
    assert.equal(outcome.results[1]?.message, 'Property "shoe_size" does not exist');
    assert.equal(outcome.results[3]?.message, '1579179660000 is at 13:1:0.0 UTC, not midnight!');
    assert.equal(outcome.results[4]?.message, '5,333,222 was not a valid long.');
    assert.equal(
      outcome.summary,
      '400 Bad Request — 6 property values were rejected: email (INVALID_EMAIL), shoe_size (PROPERTY_DOESNT_EXIST), ' +
        'favorite_color (INVALID_OPTION), contract_start_date (INVALID_DATE), loyalty_points (INVALID_LONG), closedate (INVALID_LONG)',
    );
    assert.equal(bed.sandbox.contacts.findByEmail('an_invalid_email'), undefined);
  });

  it('valid values of every checked kind pass, hidden option and multi-select included', async () => {
    const outcome = await bed.client.sendContact(CREATE_TARGET, [
      { property: 'email', value: 'valid@example.com' },
      { property: 'favorite_color', value: 'octarine' },
      { property: 'hs_legal_basis', value: 'Performance of a contract;Not applicable' },
      { property: 'contract_start_date', value: '1430438400000' },
      { property: 'loyalty_points', value: '-12.5' },
      { property: 'closedate', value: '1579179660000' },
      { property: 'hubspot_owner_id', value: '123456' },
    ]);
    assert.equal(outcome.kind, 'created');
  });

  it('400 without validationResults: "property cannot be missing or null"', async () => {
    // A file whose entries say "name" instead of "property", sent as the editor shows it.
    const entries = JSON.parse('[{"name":"email","value":"n@example.com"}]') as [];
    const outcome = await bed.client.sendContact(CREATE_TARGET, entries);
    assert.ok(outcome.kind === 'validationFailed');
    assert.deepEqual(outcome.results, []);
    assert.equal(outcome.summary, '400 Bad Request — property cannot be missing or null');
  });

  it('400 in the v3 shape: the results list wrapped as a string in the message', async () => {
    const list = [{ isValid: false, message: 'reports was not one of the allowed options: [A, B]', error: 'INVALID_OPTION', name: 'hs_ticket_category' }];
    bed.sandbox.inject({ status: 400, body: { status: 'error', message: `Property values were not valid: ${JSON.stringify(list)}`, category: 'VALIDATION_ERROR' } });
    const outcome = await bed.client.sendContact(CREATE_TARGET, contact('v3@example.com'));
    assert.ok(outcome.kind === 'validationFailed');
    assert.deepEqual(outcome.results, [{ name: 'hs_ticket_category', error: 'INVALID_OPTION', message: 'reports was not one of the allowed options: [A, B]' }]);
  });

  it('401 without a valid token, with the real body and x-hubspot-auth-failure', async () => {
    const stranger = createHubSpotClient({ baseUrl: bed.sandbox.url, token: 'pat-na1-not-the-right-token', env: {}, retry: { maxRetries: 3 } });
    try {
      const outcome = await stranger.sendContact(CREATE_TARGET, contact('who@example.com'));
      assert.ok(outcome.kind === 'unauthorized');
      assert.equal(outcome.category, 'INVALID_AUTHENTICATION');
      assert.equal(outcome.headers['x-hubspot-auth-failure'], '401 Unauthorized');
      assert.equal(outcome.summary, '401 Unauthorized — the access token is invalid or expired');
      assert.deepEqual(bed.statuses(), [401]);
    } finally {
      await stranger.close();
    }
  });

  it('401 for an expired token says so', async () => {
    bed.sandbox.inject({
      status: 401,
      body: { status: 'error', message: 'The OAuth token used to make this call expired 7 second(s) ago.', category: 'EXPIRED_AUTHENTICATION' },
    });
    const outcome = await bed.client.sendContact(CREATE_TARGET, contact('late@example.com'));
    assert.equal(outcome.summary, '401 Unauthorized — the access token has expired');
  });

  it('403 MISSING_SCOPES names requiredGranularScopes', async () => {
    const readOnly = createHubSpotClient({ baseUrl: bed.sandbox.url, token: bed.sandbox.readOnlyToken, env: {} });
    try {
      const outcome = await readOnly.sendContact(CREATE_TARGET, contact('ro@example.com'));
      assert.ok(outcome.kind === 'forbidden');
      assert.deepEqual(outcome.scopes, ['crm.objects.contacts.write']);
      assert.equal(outcome.summary, '403 Forbidden — the access token lacks the scope crm.objects.contacts.write');
      assert.deepEqual(bed.statuses(), [403]);
    } finally {
      await readOnly.close();
    }
  });

  it('403 in the older shape names requiredScopes', async () => {
    bed.sandbox.inject({
      status: 403,
      body: { status: 'error', message: 'missing scopes', errors: [{ message: 'One or more…', context: { requiredScopes: ['contacts', 'crm.objects.contacts.write'] } }], category: 'MISSING_SCOPES' },
    });
    const outcome = await bed.client.sendContact(CREATE_TARGET, contact('old@example.com'));
    assert.ok(outcome.kind === 'forbidden');
    assert.equal(outcome.summary, '403 Forbidden — the access token lacks the scopes contacts, crm.objects.contacts.write');
  });

  it('404 for an unknown vid, with X-Hubspot-Notfound', async () => {
    const outcome = await bed.client.sendContact(updateTarget(987654321), [{ property: 'city', value: 'Nowhere' }]);
    assert.ok(outcome.kind === 'notFound');
    assert.equal(outcome.vid, 987654321);
    assert.equal(outcome.headers['x-hubspot-notfound'], 'true');
    assert.equal((outcome.body as { message: string }).message, 'resource not found');
    assert.equal(outcome.summary, '404 Not Found — no contact with id 987654321');
  });

  it('404 on create means the base URL does not lead to the API', async () => {
    bed.sandbox.inject({ status: 404, route: 'createContact' });
    const outcome = await bed.client.sendContact(CREATE_TARGET, contact('lost@example.com'));
    assert.equal(outcome.kind, 'unexpectedResponse');
    assert.equal(outcome.summary, '404 Not Found — HubSpot has no such endpoint here (not found); check the base URL');
  });

  it('200 instead of 204 on update is not taken for success', async () => {
    const { vid } = bed.sandbox.contacts.create({ email: 'empty200@example.com' });
    bed.sandbox.inject({ status: 200, route: 'updateContact' });
    const outcome = await bed.client.sendContact(updateTarget(vid), [{ property: 'city', value: 'X' }]);
    assert.equal(outcome.kind, 'unexpectedResponse');
    assert.equal(outcome.summary, '200 OK — expected 204 No Content; the update may not have been applied');
  });

  it('a redirect is reported, not followed (the token must not travel to another host)', async () => {
    bed.sandbox.inject({ status: 302, headers: { location: 'https://elsewhere.example/' } });
    const outcome = await bed.client.sendContact(CREATE_TARGET, contact('redirect@example.com'));
    assert.equal(outcome.kind, 'unexpectedResponse');
    assert.equal(outcome.summary, '302 Found — unexpected answer from HubSpot');
    assert.equal(bed.sandbox.requests.length, 1);
  });

  it('every attempt is logged with method, URL, status, duration and correlation id', async () => {
    const outcome = await bed.client.sendContact(CREATE_TARGET, contact('logged@example.com'));
    assert.equal(bed.logs.length, 1);
    const [entry] = bed.logs;
    assert.deepEqual(entry, {
      level: 'info',
      method: 'POST',
      url: `${bed.sandbox.url}/contacts/v1/contact`,
      attempt: 1,
      status: 200,
      durationMs: 0,
      correlationId: outcome.correlationId,
      outcome: 'created',
      reason: undefined,
      retryInMs: undefined,
      message: `POST ${bed.sandbox.url}/contacts/v1/contact → 200 in 0 ms (correlation ${outcome.correlationId})`,
    });
  });
});

describe('a failing log sink', () => {
  it('does not change the outcome', async () => {
    const bed = await startTestBed({
      client: {
        log: () => {
          throw new Error('output channel disposed');
        },
      },
    });
    try {
      const outcome = await bed.client.sendContact(CREATE_TARGET, contact('sink@example.com'));
      assert.equal(outcome.kind, 'created');
    } finally {
      await bed.close();
    }
  });
});

describe('durations on the real clock', () => {
  it('measures the attempt and the whole exchange', async () => {
    const bed = await startTestBed({ client: { now: Date.now } });
    try {
      const outcome = await bed.client.sendContact(CREATE_TARGET, contact('clock@example.com'));
      assert.ok(outcome.kind === 'created');
      assert.ok(Number.isInteger(outcome.durationMs) && outcome.durationMs >= 0);
      assert.ok(outcome.elapsedMs >= outcome.durationMs);
      assert.equal(outcome.summary, `200 OK — contact ${outcome.vid} created in ${outcome.durationMs} ms`);
    } finally {
      await bed.close();
    }
  });
});
