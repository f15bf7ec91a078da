// A clock for unit tests of code that waits: time moves only when every pending promise has settled
// and something sleeps, straight to the earliest wake-up. A simulated minute costs milliseconds, and
// an await that nothing will ever end is reported as stuck instead of hanging the test.
import { setImmediate as turn } from 'node:timers/promises';

export interface VirtualTime {
  readonly now: () => number;
  /** Resolves at now + ms of virtual time; rejects with an AbortError when the signal aborts first. */
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Moves time on, waking sleepers, until `promise` settles; throws when nothing is left to wake first. */
  readonly run: <T>(promise: Promise<T>) => Promise<T>;
}

interface Sleeper {
  readonly at: number;
  readonly wake: () => void;
}

export function virtualTime(start = Date.UTC(2026, 11, 1, 12, 0, 0)): VirtualTime {
  let time = start;
  const sleepers = new Set<Sleeper>();
  return {
    now: () => time,
    sleep: (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(new DOMException('aborted', 'AbortError'));
        const sleeper: Sleeper = { at: time + Math.max(0, ms), wake: resolve };
        sleepers.add(sleeper);
        signal?.addEventListener('abort', () => {
          sleepers.delete(sleeper);
          reject(new DOMException('aborted', 'AbortError'));
        }, { once: true });
      }),
    async run(promise) {
      let settled = false;
      const watched = promise.finally(() => {
        settled = true;
      });
      for (;;) {
        // Several turns of the event loop: a chain of awaits settles over more than one.
        for (let index = 0; index < 5 && !settled; index++) await turn();
        if (settled) return watched;
        const next = [...sleepers].sort((a, b) => a.at - b.at)[0];
        if (!next) throw new Error(`stuck at +${time - start} ms: nothing sleeps and the promise has not settled`);
        sleepers.delete(next);
        time = Math.max(time, next.at);
        next.wake();
      }
    },
  };
}
