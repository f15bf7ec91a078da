// Answers are read with a size bound (issue 10): a server that sends far more than any HubSpot answer
// gets an "unexpected answer", never a retry, and the client stops reading there and closes the
// connection, so its memory stays bounded. The server here streams as fast as the client reads and
// counts what it managed to write before the client hung up.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, beforeEach, describe, it } from 'node:test';
import { CONTACT_ANSWER_MAX_BYTES, createHubSpotClient, READ_ANSWER_MAX_BYTES, type HubSpotClient } from '../../../client/src/hubspot/hubspotClient';
import { PROPERTIES_V3_PATH } from '../../../client/src/hubspot/propertyDefinitions';
import { contact, listenLocally, type LocalServer } from '../support';
import { CREATE_TARGET, updateTarget } from '../../../client/src/hubspot/contactsApi';

const TOKEN = 'pat-na1-b1gb0dy0-0000-4bad-9ood-70ken0000bb';
const TEST_BOUND = { timeout: 30_000 };
const MB = 2 ** 20;
const CHUNK = Buffer.alloc(MB, 'a');

interface Flood {
  /** Status of the answers. */
  status: number;
  /** Announce the whole length in Content-Length instead of streaming it chunked. */
  announceLength: boolean;
  /** How much each answer would be, if read to the end. */
  totalBytes: number;
  readonly answers: { written: number; finished: boolean }[];
}

describe('answers larger than the bound', () => {
  const flood: Flood = { status: 200, announceLength: false, totalBytes: 0, answers: [] };
  let server: LocalServer;
  let client: HubSpotClient;
  before(async () => {
    server = await listenLocally(
      createServer((request, response) => {
        request.resume();
        const answer = { written: 0, finished: false };
        flood.answers.push(answer);
        response.writeHead(flood.status, { 'content-type': 'application/json', ...(flood.announceLength ? { 'content-length': String(flood.totalBytes) } : {}) });
        // As fast as the client reads, and no faster: what was written is about what was read.
        const pump = () => {
          while (answer.written < flood.totalBytes && !response.destroyed) {
            answer.written += CHUNK.length;
            if (!response.write(CHUNK)) return;
          }
          if (answer.written >= flood.totalBytes) response.end(() => (answer.finished = true));
        };
        response.on('drain', pump);
        pump();
      }),
    );
    client = createHubSpotClient({ baseUrl: server.url, token: TOKEN, env: {}, retry: { maxRetries: 3, baseDelayMs: 10, maxDelayMs: 10 }, sleep: async () => {} });
  });
  after(async () => {
    await client.close();
    await server.stop();
  });
  beforeEach(() => {
    flood.answers.length = 0;
    flood.announceLength = false;
  });

  it('a 503 with a huge body is an unexpected answer, not retried, and read no further than the bound', TEST_BOUND, async () => {
    Object.assign(flood, { status: 503, totalBytes: 64 * MB });
    const outcome = await client.sendContact(CREATE_TARGET, contact('huge@example.com'));

    assert.equal(outcome.kind, 'unexpectedResponse');
    assert.equal(outcome.status, 503);
    assert.equal(outcome.retries, 0);
    assert.equal(outcome.body, undefined);
    assert.equal(outcome.summary, '503 Service Unavailable — the answer is larger than 4 MB, so it was not read; the contact may have been created');
    assert.equal(flood.answers.length, 1, 'sent once');
    const [answer] = flood.answers;
    assert.equal(answer?.finished, false, 'the client hung up before the end');
    // The bound plus what socket buffers hold; far from the 64 MB on offer.
    assert.ok((answer?.written ?? 0) < CONTACT_ANSWER_MAX_BYTES + 12 * MB, `the server wrote ${answer?.written} bytes`);
  });

  it('a 400 with a huge body is unexpected too, with no claim that anything was applied', TEST_BOUND, async () => {
    Object.assign(flood, { status: 400, totalBytes: 16 * MB });
    const outcome = await client.sendContact(updateTarget(61574), [{ property: 'city', value: 'Bern' }]);
    assert.equal(outcome.kind, 'unexpectedResponse');
    assert.equal(outcome.mayHaveBeenApplied, false);
    assert.equal(outcome.summary, '400 Bad Request — the answer is larger than 4 MB, so it was not read');
    assert.equal(flood.answers.length, 1);
  });

  it('a property catalog announced larger than its bound is not read at all', TEST_BOUND, async () => {
    Object.assign(flood, { status: 200, totalBytes: READ_ANSWER_MAX_BYTES + MB, announceLength: true });
    const result = await client.getJson(PROPERTIES_V3_PATH);
    assert.ok(!result.ok);
    assert.equal(result.status, 200);
    assert.equal(result.message, "HubSpot's answer (200) is larger than 64 MB, so it was not read");
    const [answer] = flood.answers;
    assert.equal(answer?.finished, false);
    assert.ok((answer?.written ?? 0) < 16 * MB, `the server wrote ${answer?.written} bytes`);
  });

  it('a catalog of tens of MB is within its bound and read whole', TEST_BOUND, async () => {
    Object.assign(flood, { status: 200, totalBytes: 24 * MB });
    const result = await client.getJson(PROPERTIES_V3_PATH);
    assert.ok(result.ok);
    assert.equal(typeof result.body, 'string', 'not JSON: the text itself');
    assert.equal((result.body as string).length, 24 * MB);
    assert.equal(flood.answers[0]?.finished, true);
  });
});
