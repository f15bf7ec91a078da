// Where the command line writes, and whether it may colour it: only a terminal gets colour, never
// when NO_COLOR is set (https://no-color.org) or the terminal says it has none (TERM=dumb).

export type Style = 'bold' | 'dim' | 'red' | 'yellow' | 'blue' | 'green';

export interface Terminal {
  /** A line on standard output: the results. */
  readonly out: (line: string) => void;
  /** A line on standard error: progress, notes and problems with the run itself. */
  readonly err: (line: string) => void;
  /**
   * Resolves once standard output has passed on what was written (at once when nothing waits). A
   * long output awaits it now and then: a pipe read slower than we write would otherwise queue all
   * of it in memory.
   */
  readonly drained: () => Promise<void>;
  /** Colours the text when standard output is a terminal that shows colour. */
  readonly style: (style: Style | readonly Style[], text: string) => string;
}

const ANSI: Record<Style, readonly [number, number]> = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  yellow: [33, 39],
  blue: [34, 39],
  green: [32, 39],
};

function usesColour(stream: { readonly isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  return stream.isTTY === true && !env.NO_COLOR && env.TERM !== 'dumb';
}

export function processTerminal(): Terminal {
  const colour = usesColour(process.stdout, process.env);
  // A reader that stops early (`| head`) closes the pipe; that ends the output, not the run with a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  return {
    out: (line) => void process.stdout.write(`${line}\n`),
    err: (line) => void process.stderr.write(`${line}\n`),
    drained: () => (process.stdout.writableNeedDrain ? untilDrained(process.stdout) : Promise.resolve()),
    style: (style, text) => {
      if (!colour || text === '') return text;
      const styles = typeof style === 'string' ? [style] : style;
      return styles.reduce((styled, name) => `\u001b[${ANSI[name][0]}m${styled}\u001b[${ANSI[name][1]}m`, text);
    },
  };
}

/** A closed or broken stream never drains: that ends the wait too (the EPIPE is handled above). */
function untilDrained(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      for (const event of ['drain', 'close', 'error'] as const) stream.off(event, done);
      resolve();
    };
    for (const event of ['drain', 'close', 'error'] as const) stream.on(event, done);
  });
}
