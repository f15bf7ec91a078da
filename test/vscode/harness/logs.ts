// What the extension wrote to its output channel in a run, for failure messages: the reason the
// language server did not start is there, not in the workbench.
import fs from 'node:fs';
import path from 'node:path';
import type { Profile } from './profile';

export const EXTENSION_ID = 'contact-payloads.contact-payloads';

/**
 * The last `lines` lines of each output-channel log the extension wrote (under user-data/logs/, in a
 * folder named after the extension id): the Node host's, and the web worker host's as
 * Workbench.saveWebHostLogs copies them there.
 */
export function extensionLogTail(profile: Profile, extensionId: string = EXTENSION_ID, lines = 25): string {
  const logsRoot = path.join(profile.userDataDir, 'logs');
  if (!fs.existsSync(logsRoot)) return `(no logs under ${logsRoot})`;
  const files = fs
    .readdirSync(logsRoot, { recursive: true, encoding: 'utf8' })
    .filter((relative) => relative.endsWith('.log') && relative.split(path.sep).includes(extensionId))
    .sort();
  if (files.length === 0) return `(the extension ${extensionId} wrote no output-channel log; did it activate?)`;
  return files
    .map((relative) => {
      const text = fs.readFileSync(path.join(logsRoot, relative), 'utf8').trimEnd().split('\n');
      return `--- ${relative} (last ${Math.min(lines, text.length)} of ${text.length} lines)\n${text.slice(-lines).join('\n')}`;
    })
    .join('\n');
}
