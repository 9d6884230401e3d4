import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type Figure, fmt, summarize } from './measure';
import type { TableRow } from './table';

const root = fileURLToPath(new URL('..', import.meta.url));
/** The command line's start-up target (issue 16): a command that trains nothing answers within 0.3 s. */
export const CLI_STARTUP_TARGET_S = 0.3;

/** Seconds of wall time of `node bin/netcanvas.mjs …args`, run `runs` times after one warm-up. */
function timeCommand(args: string[], runs: number): number[] {
  const seconds: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const start = performance.now();
    spawnSync(process.execPath, ['bin/netcanvas.mjs', ...args], { cwd: root, stdio: 'ignore' });
    if (i > 0) seconds.push((performance.now() - start) / 1000);
  }
  return seconds;
}

/**
 * Rows for the CLI's start-up: `validate` of a preset and `train --help`, each against the target, a
 * preset's one-epoch `train` (tf.js loaded, data made, 5 updates and the layers measured; no target),
 * and a bare `node -e 0` for what Node itself takes on this machine. Runs the built CLI (dist/cli/).
 */
export function cliStartupRows(runs = 5): TableRow[] {
  const bare = summarize(timeNode(runs));
  const row = (figure: string, args: string[]): TableRow => {
    const f = summarize(timeCommand(args, runs));
    return {
      section: 'Command line start-up (wall time)',
      figure,
      value: `${fmt(f, 2)} s`,
      peer: `target ${CLI_STARTUP_TARGET_S} s (bare node ${fmt(bare, 2)} s)`,
      ratio:
        f.median <= CLI_STARTUP_TARGET_S ? 'met' : `${(f.median / CLI_STARTUP_TARGET_S).toFixed(2)}× target`,
    };
  };
  return [
    row('netcanvas validate presets/moons-adam.netcanvas.json', [
      'validate',
      'presets/moons-adam.netcanvas.json',
    ]),
    row('netcanvas train --help', ['train', '--help']),
    trainRow(runs, bare),
  ];
}

/** A preset's whole one-epoch run on the fast executor: start-up plus a little training. */
function trainRow(runs: number, bare: Figure): TableRow {
  const args = ['train', 'presets/moons-adam.netcanvas.json', '--epochs', '1', '--backend', 'fast'];
  const f = summarize(timeCommand(args, runs));
  return {
    section: 'Command line start-up (wall time)',
    figure: `netcanvas ${args.join(' ')}`,
    value: `${fmt(f, 2)} s`,
    peer: `— (trains; bare node ${fmt(bare, 2)} s)`,
    ratio: '—',
  };
}

function timeNode(runs: number): number[] {
  const seconds: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    spawnSync(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    seconds.push((performance.now() - start) / 1000);
  }
  return seconds;
}
