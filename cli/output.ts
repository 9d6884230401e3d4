/** Exit code of a run the user interrupted with Ctrl-C (128 + SIGINT), as shells expect. */
export const INTERRUPTED = 130;

/** Where the CLI writes: stdout for results, stderr for messages. Injected so tests can capture it. */
export interface Output {
  line(text: string): void;
  error(text: string): void;
  /** Rewrites the current terminal line (progress bar); a no-op where stderr is not a terminal. */
  status(text: string): void;
  isTerminal: boolean;
}

export function processOutput(): Output {
  const isTerminal = Boolean(process.stderr.isTTY);
  return {
    line: (text) => process.stdout.write(`${text}\n`),
    error: (text) => process.stderr.write(`${text}\n`),
    status: (text) => {
      if (isTerminal) process.stderr.write(`\r\x1b[2K${text}`);
    },
    isTerminal,
  };
}
