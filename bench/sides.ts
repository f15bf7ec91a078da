// The two servers the benchmark compares, started through the same LSP test client (JSON-RPC over
// stdio, VS Code's capabilities: pull diagnostics, snippets).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SERVER_NODE_FLAGS } from '../server/src/launch';
import type { CatalogParams } from '../server/src/protocol';
import { CLIENT_PROFILES, LspTestClient, OUR_SERVER, type ServerLaunch } from '../test/lsp/lspClient';
import { peerSchema } from './peerSchema';

export type SideName = 'ours' | 'peer';

export interface Side {
  readonly name: SideName;
  readonly client: LspTestClient;
  /** Spawn → initialize answered, in milliseconds. */
  readonly startMs: number;
}

/** The benchmark waits as long as a server takes (an earlier build may take tens of seconds); tests fail sooner. */
const BENCH_DEADLINE_MS = 300_000;

const PEER_SERVER: ServerLaunch = {
  args: [path.resolve(import.meta.dirname, '../node_modules/vscode-langservers-extracted/bin/vscode-json-language-server'), '--stdio'],
};

/**
 * `ourBundle`: another build of our server to measure (an earlier commit, for before/after figures).
 * `schema`: what the peer validates contact files with (bench/peerSchema.ts).
 */
export async function startSide(name: SideName, ourBundle?: string, schema: Record<string, unknown> = peerSchema('v1')): Promise<Side> {
  const ours: ServerLaunch = ourBundle ? { args: [...SERVER_NODE_FLAGS, path.resolve(ourBundle), '--stdio'] } : OUR_SERVER;
  const started = performance.now();
  const client = await LspTestClient.start(CLIENT_PROFILES.pullAndSnippets, {}, name === 'ours' ? ours : PEER_SERVER, BENCH_DEADLINE_MS);
  const startMs = performance.now() - started;
  if (name === 'peer') {
    // VS Code's JSON extension sends these settings (json.schemas from settings.json, validation on).
    await client.connection.sendNotification('workspace/didChangeConfiguration', {
      settings: { json: { validate: { enable: true }, schemas: [{ fileMatch: ['*.contact.json', '*.contacts.json'], schema }] } },
    });
  }
  return { name, client, startMs };
}

/** Gives our server a portal's catalog, as the extension does, and returns once it is in force. */
export async function pushCatalog(side: Side, catalog: CatalogParams): Promise<void> {
  await side.client.connection.sendNotification('contactPayloads/catalog', catalog);
  // Messages are handled in order: once this answers, the catalog is in force.
  await side.client.request('contactPayloads/payloadSummary', { uri: 'file:///bench/nothing.contact.json' });
}

/** The most resident memory the server process has used (VmHWM), in MiB. */
export function peakRssMiB(side: Side): number {
  const status = readFileSync(`/proc/${side.client.process.pid}/status`, 'utf8');
  const kib = Number(/^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1] ?? NaN);
  return kib / 1024;
}
