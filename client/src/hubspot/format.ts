// Small wording helpers shared by the retry policy and the summaries.

export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Whole seconds, rounded up so "retry in 1 s" is never too early. */
export function seconds(ms: number): string {
  return `${Math.ceil(ms / 1000)} s`;
}

/** A size in whole megabytes (MiB, as the bounds are set). */
export function megabytes(bytes: number): string {
  return `${Math.round(bytes / 2 ** 20)} MB`;
}
