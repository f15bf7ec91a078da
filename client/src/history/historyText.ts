// How a recorded request reads: the document the response view shows for it (the same JSONC form as
// a live answer's: comment lines saying what happened, the body, then what was sent), and the same request as a
// curl command with the token left to the shell ($HUBSPOT_ACCESS_TOKEN), never written out.
import type { HistoryBody, HistoryEntry } from './historyEntry';

export function historyDocumentText(entry: HistoryEntry): string {
  const lines = [
    `${entry.answer} — ${entry.method} ${entry.url}`,
    `recorded ${entry.at} · ${entry.account} · ${entry.durationMs} ms${entry.retries > 0 ? ` · ${entry.retries} ${entry.retries === 1 ? 'retry' : 'retries'}` : ''}`,
  ];
  if (entry.source !== undefined) lines.push(`from ${entry.source}`);
  if (entry.correlationId !== undefined) lines.push(`Correlation id: ${entry.correlationId}`);
  // The answer first, as in the live view; what was sent after it, in comments (a seed batch's body is long).
  const sent = ['', 'Request body:', ...commented(entry.requestBody, '(none)')];
  return `${asComments(lines)}\n${answerText(entry.responseBody)}\n${asComments(sent)}\n`;
}

function asComments(lines: readonly string[]): string {
  return lines.map((line) => (line === '' ? '//' : `// ${line}`)).join('\n');
}

/** A command that sends the same request again from a shell: `export HUBSPOT_ACCESS_TOKEN=…` first. */
export function curlCommand(entry: HistoryEntry): string {
  const parts = ['curl', '--request', entry.method, shellQuoted(entry.url), '--header', '"Authorization: Bearer $HUBSPOT_ACCESS_TOKEN"'];
  if (entry.requestBody !== undefined) {
    parts.push('--header', shellQuoted('Content-Type: application/json'));
    parts.push('--data-raw', shellQuoted(entry.requestBody.text));
  }
  const command = parts.join(' ');
  return entry.requestBody?.truncatedFromBytes === undefined ? command : `# The body was cut in the history (it was ${entry.requestBody.truncatedFromBytes} bytes): this sends only its start.\n${command}`;
}

function commented(body: HistoryBody | undefined, none: string): string[] {
  if (body === undefined) return [none];
  return [...pretty(body.text).text.split('\n'), ...cutNote(body)];
}

function answerText(body: HistoryBody | undefined): string {
  if (body === undefined) return '// (no body)';
  const { text, json } = pretty(body.text);
  const note = cutNote(body).map((line) => `// ${line}`);
  // A body that is not JSON (a proxy's HTML page) is shown as comments, as the live view does.
  return [json ? text : text.split('\n').map((line) => `// ${line}`).join('\n'), ...note].join('\n');
}

function cutNote(body: HistoryBody): string[] {
  return body.truncatedFromBytes === undefined ? [] : [`… cut: the whole body was ${body.truncatedFromBytes} bytes`];
}

/** JSON indented, or the text as it is when it is not JSON. */
function pretty(text: string): { readonly text: string; readonly json: boolean } {
  try {
    return { text: JSON.stringify(JSON.parse(text), null, 2), json: true };
  } catch {
    return { text, json: false };
  }
}

/** POSIX shell single quotes: everything literal, a quote itself closed, escaped and reopened. */
function shellQuoted(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}
