// Pull diagnostics carry a result id: pulling again for the same version (VS Code does when an editor
// comes back into view) answers "unchanged" instead of validating again; any change answers in full.
// A pull that comes before the document's didOpen is answered, and once it opens the client is asked
// to pull again.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CLIENT_PROFILES, LspTestClient } from '../lspClient';

interface Report {
  readonly kind: 'full' | 'unchanged';
  readonly resultId?: string;
  readonly items?: readonly { readonly code?: string | number }[];
}

let client: LspTestClient;
// Without workspace/configuration the server asks for no settings after `initialized`, so nothing
// (a settings refresh) changes the result ids behind the test's back.
before(async () => { client = await LspTestClient.start({ ...CLIENT_PROFILES.pullAndSnippets, workspace: {} }); });
after(() => client.stop());

const pull = (uri: string, previousResultId?: string) => client.request<Report>('textDocument/diagnostic', { textDocument: { uri }, ...(previousResultId ? { previousResultId } : {}) });

test('the same version pulled again is unchanged; an edit, or the document opened anew, is reported in full', async () => {
  const uri = 'file:///work/pull-result-id.contact.json';
  const text = '{"properties":[{"property":"email","value":"not-an-email"}]}';
  await client.open(uri, text);
  const first = await pull(uri);
  assert.equal(first.kind, 'full');
  assert.deepEqual(first.items?.map((d) => d.code), ['invalid-email']);
  assert.ok(first.resultId);

  assert.deepEqual(await pull(uri, first.resultId), { kind: 'unchanged', resultId: first.resultId });

  await client.change(uri, text.replace('not-an-email', 'ada@example.com'));
  const edited = await pull(uri, first.resultId);
  assert.equal(edited.kind, 'full');
  assert.deepEqual(edited.items, []);

  // Closed and opened again at version 1 with other content: the old id must not pass for the new text.
  await client.close(uri);
  await client.open(uri, text);
  const reopened = await pull(uri, first.resultId);
  assert.equal(reopened.kind, 'full');
  assert.deepEqual(reopened.items?.map((d) => d.code), ['invalid-email']);
});

test('a document pulled before its didOpen: answered empty with no result id, then, once it opens, the client is asked to pull again and gets its problems', async () => {
  const refreshing = await LspTestClient.start({ ...CLIENT_PROFILES.pullAndSnippets, workspace: { diagnostics: { refreshSupport: true } } });
  try {
    const uri = 'file:///work/pulled-before-open.contact.json';
    const early = await refreshing.request<Report>('textDocument/diagnostic', { textDocument: { uri } });
    assert.deepEqual(early, { kind: 'full', items: [] }, 'nothing is known of it yet, and the answer carries no id to reuse');
    const refreshed = refreshing.diagnosticRefresh();
    await refreshing.open(uri, '{"properties":[{"property":"email","value":"not-an-email"}]}');
    await refreshed;
    const report = await refreshing.request<Report>('textDocument/diagnostic', { textDocument: { uri } });
    assert.deepEqual(report.items?.map((d) => d.code), ['invalid-email']);
  } finally {
    await refreshing.stop();
  }
});

test('a client that did not say it takes workspace/diagnostic/refresh is not sent one, and the server lives on', async () => {
  const uri = 'file:///work/pulled-before-open-no-refresh.contact.json';
  await pull(uri);
  await client.open(uri, '{"properties":[{"property":"email","value":"not-an-email"}]}');
  const report = await pull(uri);
  assert.deepEqual(report.items?.map((d) => d.code), ['invalid-email']);
  assert.equal(client.refreshesAsked, 0);
});
