// The exit statuses of every command, in one place: `--help` documents them and scripts branch on them.
import type { ContactOutcome } from '../hubspot/outcome';

export const ExitCode = {
  /** check: no errors; create/update: HubSpot applied the request. */
  Success: 0,
  /** check: errors, or too many warnings; create/update: not sent because of errors, or refused by HubSpot (4xx); seed: some contacts failed or were held back by errors. */
  Problems: 1,
  /** A usage, configuration or file problem; create/update: nothing reached HubSpot. */
  UsageOrFiles: 2,
  /**
   * create/update: a server error, no answer, an unexpected one or an interruption: the request may
   * have been applied. Also a create that met 409 after such an attempt, when it cannot be told
   * whether that attempt created the contact.
   */
  UnknownOutcome: 3,
  /**
   * seed: the run stopped before every contact was sent (cancelled, HubSpot's daily limit, the
   * token refused): running the same command again resumes it.
   */
  Stopped: 4,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** A refusal says nothing was applied; anything that leaves that open is an unknown outcome. */
export function exitCodeOf(outcome: ContactOutcome): ExitCode {
  switch (outcome.kind) {
    case 'created':
    case 'updated':
      return ExitCode.Success;
    case 'notSent':
      return ExitCode.UsageOrFiles;
    case 'validationFailed':
    case 'unauthorized':
    case 'forbidden':
    case 'notFound':
    case 'alreadyExists':
    case 'rateLimited':
      // A refusal after an earlier attempt whose answer was lost: that attempt may have been applied.
      return outcome.mayHaveBeenApplied ? ExitCode.UnknownOutcome : ExitCode.Problems;
    case 'networkError':
    case 'cancelled':
      // No attempt reached HubSpot (DNS, refused, a proxy that opened no tunnel): nothing was sent.
      return outcome.mayHaveBeenApplied ? ExitCode.UnknownOutcome : ExitCode.UsageOrFiles;
    case 'existsMaybeCreated':
    case 'serverError':
    case 'unexpectedResponse':
      return ExitCode.UnknownOutcome;
  }
}
