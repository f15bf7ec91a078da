// contactPayloads/readSeedFiles over real LSP: an open file is read as it is open (unsaved text), an
// unopened one from disk; a batch file gives each of its contacts; a broken, missing, too large or
// non-file one is an answer with its problem, never an error of the request.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { ResponseError } from 'vscode-jsonrpc';
import type { ReadSeedFilesResult } from '../../../server/src/protocol';
import { CLIENT_PROFILES, LspTestClient } from '../lspClient';

describe('readSeedFiles', () => {
  let client: LspTestClient;
  let folder: string;
  const uriOf = (name: string) => pathToFileURL(path.join(folder, name)).href;
  const readSeedFiles = (uris: string[]) => client.request<ReadSeedFilesResult>('contactPayloads/readSeedFiles', { uris });

  before(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'read-seed-files-'));
    client = await LspTestClient.start(CLIENT_PROFILES.pullAndSnippets, { maxDocumentSize: 2048 });
  });
  after(async () => {
    await client.stop();
    await rm(folder, { recursive: true, force: true });
  });

  test('an open file is read from its current text, not from disk', async () => {
    const uri = uriOf('open.contact.json');
    await writeFile(new URL(uri), '{"properties": {"email": "on-disk@example.com"}}');
    await client.open(uri, '{"properties": {"email": "in-editor@example.com", "lifecyclestage": "Lead"}}');
    const { files } = await readSeedFiles([uri]);
    assert.equal(files.length, 1);
    const [file] = files;
    assert.ok(file.ok, 'read');
    assert.equal(file.read.kind, 'single');
    assert.deepEqual(file.read.contacts.map((c) => [c.email, c.errorCount, c.errors.map((e) => e.code)]), [['in-editor@example.com', 1, ['invalid-option']]]);
    await client.close(uri);
  });

  test('an unopened batch file is read from disk, each contact with its place', async () => {
    const uri = uriOf('team.contacts.json');
    await writeFile(new URL(uri), '[{"email": "a@example.com", "properties": []},\n {"vid": 7, "properties": [{"property": "email", "value": "b@example.com"}]}]');
    const { files } = await readSeedFiles([uri]);
    const [file] = files;
    assert.ok(file.ok, 'read');
    assert.equal(file.read.kind, 'batch');
    assert.deepEqual(file.read.contacts.map((c) => [c.index, c.line, c.email, c.id, c.shape]), [[0, 0, 'a@example.com', undefined, 'v1'], [1, 1, 'b@example.com', '7', 'v1']]);
    assert.deepEqual(file.read.fileErrors, []);
  });

  test('a broken file is read with its file errors; missing, non-file and too large files are problems; the answers keep the order asked', async () => {
    const broken = uriOf('broken.contacts.json');
    await writeFile(new URL(broken), '{"inputs": [{"properties": {"email": "a@example.com"}}');
    const large = uriOf('large.contact.json');
    await writeFile(new URL(large), `{"properties": {"email": "a@example.com", "notes": "${'x'.repeat(10_000)}"}}`);
    const missing = uriOf('missing.contact.json');
    const untitled = 'untitled:Untitled-1';
    const { files } = await readSeedFiles([broken, missing, untitled, large]);
    assert.deepEqual(files.map((f) => f.uri), [broken, missing, untitled, large]);
    const [brokenFile, missingFile, untitledFile, largeFile] = files;
    assert.ok(brokenFile.ok, 'a file that is not JSON is still read: its problems are file errors');
    assert.deepEqual(brokenFile.read.fileErrors.map((e) => e.code), ['invalid-json']);
    assert.ok(!missingFile.ok && /could not be read: ENOENT/.test(missingFile.problem), JSON.stringify(missingFile));
    assert.ok(!untitledFile.ok && /only file: URIs are read from disk/.test(untitledFile.problem), JSON.stringify(untitledFile));
    assert.ok(!largeFile.ok && /over the 2048 characters of setting contactPayloads.maxDocumentSize/.test(largeFile.problem), JSON.stringify(largeFile));
  });

  test('params that are not {"uris": string[]} are refused as invalid params', async () => {
    await assert.rejects(client.request('contactPayloads/readSeedFiles', { uris: 'nope' }), (error: unknown) => error instanceof ResponseError && error.code === -32602);
  });
});
