import { CommanderError } from 'commander';
import { type Output, processOutput } from './output.js';
import { buildProgram } from './program.js';

/** Exit code of a usage mistake (an unknown flag, a wrong number, a missing FILE). */
export const USAGE_ERROR = 2;

/**
 * Commander's error text as one line: "error: unknown option '--epoch'\n(Did you mean --epochs?)" →
 * "netcanvas: unknown option '--epoch' (did you mean --epochs?)".
 */
export function oneLineError(text: string): string {
  return `netcanvas: ${text
    .trim()
    .replace(/^error: /, '')
    .replace(/\s*\n\s*\(Did you mean/, ' (did you mean')
    .replace(/\s*\n\s*/g, ' ')}`;
}

/** The CLI entry point; returns the exit code. Help goes to stdout, mistakes to stderr as one line. */
export async function main(argv: string[], out: Output = processOutput()): Promise<number> {
  const outcome = { code: 0 };
  const program = buildProgram(out, outcome);
  for (const cmd of [program, ...program.commands]) {
    cmd.exitOverride().configureOutput({
      writeOut: (text) => out.line(text.trimEnd()),
      writeErr: (text) => out.error(text.trimEnd()),
      outputError: (text, write) => write(oneLineError(text)),
    });
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return outcome.code;
  } catch (err) {
    if (!(err instanceof CommanderError)) throw err;
    // Help asked for is 0; `netcanvas` alone prints the help as a usage error.
    return err.code === 'commander.helpDisplayed' || err.code === 'commander.version' ? 0 : USAGE_ERROR;
  }
}
