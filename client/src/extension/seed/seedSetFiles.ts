// Which files a seed set is: every *.contact.json and *.contacts.json under a folder (node_modules
// left out), or the files chosen in the Explorer with any folders among them expanded. Each file
// once, in the order of their paths, so a set is planned and journalled alike on every run.
import * as vscode from 'vscode';
import { BATCH_FILE_PATTERN, CONTACT_FILE_PATTERN, isBatchFile } from '../../send/contactText';

const EXCLUDED = '**/node_modules/**';

export async function seedSetFiles(targets: readonly vscode.Uri[]): Promise<vscode.Uri[]> {
  const found = new Map<string, vscode.Uri>();
  for (const target of targets) {
    if (await isFolder(target)) {
      for (const pattern of [CONTACT_FILE_PATTERN, BATCH_FILE_PATTERN]) {
        for (const uri of await vscode.workspace.findFiles(new vscode.RelativePattern(target, pattern), EXCLUDED)) found.set(uri.toString(), uri);
      }
    } else if (isSeedFileName(target.path)) {
      found.set(target.toString(), target);
    }
  }
  return [...found.values()].sort((a, b) => a.toString().localeCompare(b.toString()));
}

/** A file of a seed set by its name: a multi-selection may hold other files, which are not sent. */
function isSeedFileName(path: string): boolean {
  return path.endsWith('.contact.json') || isBatchFile(path);
}

async function isFolder(uri: vscode.Uri): Promise<boolean> {
  try {
    return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory) !== 0;
  } catch {
    return false;
  }
}
