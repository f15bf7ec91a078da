// HubSpot's per-property rejections of a seed run become `hubspot-rejected` diagnostics on the values
// it refused, as after a single send: one rejection notification per file the run sent from, with the
// value as the file holds it (so the diagnostic goes once the value changes). A batch file's entries
// say which of its contacts they are about (`contactIndex`). A file the run sent without rejections
// gets an empty list, which clears what an earlier send left on it.
import * as vscode from 'vscode';
import { HubSpotRejectionNotification, type RejectedProperty } from '../../../../server/src/protocol';
import { batchContacts } from '../../send/batchPayload';
import { isBatchFile } from '../../send/contactText';
import { payloadOf, readPayload, rejectedProperties } from '../../send/payloadBody';
import type { SeedReport, SeedResult } from '../../seed/seedOutcome';
import type { LanguageServerHost } from '../languageServer/languageServerHost';

/** One contact's rejection in a batch file: the entry of the notification the server pins on that contact. */
type BatchRejection = RejectedProperty & { readonly contactIndex: number };

const SENT = new Set<SeedResult['outcome']>(['created', 'updated', 'failed']);

export async function reportSeedRejections(report: SeedReport, server: LanguageServerHost): Promise<number> {
  const byFile = new Map<string, SeedResult[]>();
  for (const result of report.results) {
    if (!SENT.has(result.outcome)) continue;
    const results = byFile.get(result.file) ?? [];
    results.push(result);
    byFile.set(result.file, results);
  }
  let rejections = 0;
  const client = await server.ensureStarted();
  for (const [file, results] of byFile) {
    const rejected = results.some((result) => result.rejected.length > 0) ? await rejectionsIn(file, results) : [];
    rejections += rejected.length;
    await client.sendNotification(HubSpotRejectionNotification, { uri: file, rejected });
  }
  return rejections;
}

async function rejectionsIn(file: string, results: readonly SeedResult[]): Promise<RejectedProperty[]> {
  const uri = vscode.Uri.parse(file);
  const text = (await vscode.workspace.openTextDocument(uri)).getText();
  return isBatchFile(uri.path) ? batchRejections(text, results) : singleRejections(text, results);
}

function singleRejections(text: string, results: readonly SeedResult[]): RejectedProperty[] {
  const payload = readPayload(text);
  return payload.ok ? results.flatMap((result) => rejectedProperties(result.rejected, payload.properties)) : [];
}

function batchRejections(text: string, results: readonly SeedResult[]): BatchRejection[] {
  const contacts = batchContacts(text) ?? [];
  return results.flatMap((result) => {
    const payload = result.rejected.length > 0 ? payloadOf(contacts[result.index]) : undefined;
    return payload?.ok ? rejectedProperties(result.rejected, payload.properties).map((rejection) => ({ ...rejection, contactIndex: result.index })) : [];
  });
}
