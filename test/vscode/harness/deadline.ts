// Waiting is always for an event, bounded by a deadline: never a sleep.

export class DeadlineError extends Error {
  override readonly name = 'DeadlineError';
}

/** Resolves as `promise` does, or rejects with `what` once `ms` have passed. */
export async function withDeadline<T>(promise: Promise<T>, ms: number, what: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineError(`${what()} (no result within ${ms} ms)`)), ms);
  });
  try {
    return await Promise.race([promise, expired]);
  } finally {
    clearTimeout(timer);
  }
}
