import { isAbsolute, resolve } from 'node:path';
import { isProjectFileName } from './files.js';

/**
 * The project files named on a command line: what the OS passes when a file is double-clicked
 * (Windows, Linux), what a second instance forwards, and `npm start`'s preset. Switches (including
 * those Chromium adds) and the app's own path are skipped; relative paths resolve against `cwd`.
 */
export function projectFilesFromArgv(argv: readonly string[], cwd: string): string[] {
  return argv
    .slice(1)
    .filter((arg) => !arg.startsWith('-') && isProjectFileName(arg))
    .map((arg) => (isAbsolute(arg) ? resolve(arg) : resolve(cwd, arg)));
}
