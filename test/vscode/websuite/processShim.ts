// The `process` the bundled `assert` package reads (its error messages ask process.stderr for colours
// and widths, its util for NODE_DEBUG), for the web worker, which has none. build-suite.mjs injects it.
export const process = {
  env: {} as Record<string, string | undefined>,
  nextTick: (callback: (...args: unknown[]) => void, ...args: unknown[]): void => queueMicrotask(() => callback(...args)),
};
