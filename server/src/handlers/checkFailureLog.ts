// Writes each failed check to the server's log once: a check that throws on a value throws again on
// every keystroke, and the log must not fill with the same stack.
import type { CheckFailure } from '../service';

/** Distinct failures written before the rest are only counted: each new value can fail in a new way. */
const MAX_LOGGED = 20;

export class CheckFailureLog {
  private readonly logged = new Set<string>();

  constructor(private readonly write: (message: string) => void) {}

  readonly report = ({ check, error }: CheckFailure): void => {
    const message = error instanceof Error ? error.message : String(error);
    const key = `${check}\n${message}`;
    if (this.logged.has(key) || this.logged.size > MAX_LOGGED) return;
    this.logged.add(key);
    if (this.logged.size > MAX_LOGGED) {
      this.write(`More than ${MAX_LOGGED} different checks failed; further failures are not logged until the server restarts.`);
      return;
    }
    const detail = error instanceof Error ? (error.stack ?? message) : message;
    this.write(`A check failed (${check}); the value is marked "check-failed" and the rest of the file is still checked. This is logged once: ${detail}`);
  };
}
