// The words the editor and the CLI both use for a seed run's progress and duration, so that the
// notification, the view and the progress line say the same.
import { plural } from '../hubspot/format';

/** "120 of 1 000 contacts, 85/s, about 11 s left": the send's progress. */
export function sendingProgress(done: number, total: number, elapsedMs: number): string {
  const rate = elapsedMs > 0 ? (done / elapsedMs) * 1000 : 0;
  const left = rate > 0 && done < total ? `, about ${Math.ceil((total - done) / rate)} s left` : '';
  return `${done} of ${plural(total, 'contact', 'contacts')}, ${rate.toFixed(0)}/s${left}`;
}

/** "45 ms" below 10 s, "12.3 s" above: a fast run does not read "0.0 s". */
export function runDuration(ms: number): string {
  return ms < 10_000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
