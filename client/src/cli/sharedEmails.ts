// The same email in two files that `check` is given: HubSpot finds contacts by email, so sending both
// would update one contact twice and a seed set's plan sends neither. A `duplicate-email` warning in
// each file's report, naming the other place as path:line. Within one batch file the engine says so.
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver-types';
import { DIAGNOSTIC_SOURCE, DiagnosticCode, duplicateEmailMessage, sameEmailKey } from '../../../server/src/service';
import { printablePath } from './printable';

export interface EmailsOfFile {
  /** As reports print it: relative to the current folder. */
  readonly path: string;
  readonly emails: readonly { readonly email: string; readonly range: Range }[];
}

interface Place {
  readonly file: EmailsOfFile;
  readonly email: string;
  readonly range: Range;
}

/** Per file (in the order given), the warnings for its emails that another file has too. */
export function sharedEmailDiagnostics(files: readonly EmailsOfFile[]): Diagnostic[][] {
  const placesByEmail = new Map<string, Place[]>();
  for (const file of files) {
    for (const { email, range } of file.emails) {
      const key = sameEmailKey(email);
      const places = placesByEmail.get(key);
      if (places) places.push({ file, email, range });
      else placesByEmail.set(key, [{ file, email, range }]);
    }
  }
  const added = new Map<EmailsOfFile, Diagnostic[]>(files.map((file) => [file, []]));
  for (const places of placesByEmail.values()) {
    for (const place of places) {
      // The first place in another file: places in the same file are the engine's to report.
      const other = places.find((candidate) => candidate.file !== place.file);
      if (other) added.get(place.file)!.push(warning(place, other));
    }
  }
  return files.map((file) => added.get(file)!);
}

function warning(place: Place, other: Place): Diagnostic {
  return {
    range: place.range,
    severity: DiagnosticSeverity.Warning,
    code: DiagnosticCode.DuplicateEmail,
    source: DIAGNOSTIC_SOURCE,
    // The message names the other place (its name shown as a path is, tabs and controls visible); no
    // related information, which every report prints as a place in this file.
    message: duplicateEmailMessage(place.email, `${printablePath(other.file.path)}:${other.range.start.line + 1}`),
  };
}
