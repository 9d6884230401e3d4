import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from './args.js';

const PRESET = 'presets/batch-size-full.netcanvas.json';

interface Ran {
  code: number | null;
  stderr: string;
  stdout: string;
}

/** Runs the shipped command (bin/netcanvas.mjs) as a user would; `interruptWhen` sends Ctrl-C's SIGINT. */
function netcanvas(args: string[], interruptWhen?: RegExp): Promise<Ran> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/netcanvas.mjs', ...args], { stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
      if (interruptWhen?.test(stderr)) {
        interruptWhen = undefined;
        child.kill('SIGINT');
      }
    });
    child.on('close', (code) => resolve({ code, stderr, stdout }));
  });
}

let folder = '';
let png = '';
let truncated = '';

beforeAll(async () => {
  // Builds dist/cli once if a source changed, so the cases below do not all rebuild at once.
  await netcanvas(['--help']);
  folder = await mkdtemp(join(tmpdir(), 'netcanvas-usage-'));
  png = join(folder, 'picture.json');
  await writeFile(
    png,
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
  );
  truncated = join(folder, 'truncated.netcanvas.json');
  await writeFile(truncated, '{\n  "format": "netcanvas",\n  "version": 1,\n  "nodes": [');
  await writeFile(join(folder, 'notes.txt'), 'my notes\n');
}, 120_000);

const huge = '999999999999';

/** The flags a command requires besides FILE, so that only the flag under test is wrong. */
const required = (command: string): string[] =>
  command === 'export'
    ? ['--format', 'onnx', '--out', folder]
    : command === 'search'
      ? ['--trials', '2']
      : [];

const COMMANDS = ['train', 'gradcheck', 'export', 'search'];

/** [arguments, expected message]: every case exits 2 with that one line and nothing else. */
const cases = (): [string[], RegExp][] => [
  [['train', PRESET, '--out', join(folder, 'notes.txt')], /^--out .*notes\.txt is a file, not a folder/],
  [
    ['export', PRESET, '--format', 'tfjs', '--out', join(folder, 'notes.txt')],
    /^--out .*notes\.txt is a file, not a folder/,
  ],
  ...COMMANDS.map((command): [string[], RegExp] => [
    [command, PRESET, ...required(command), '--epochs', huge],
    new RegExp(`^netcanvas: --epochs takes a whole number from [01] to ${LIMITS.epochs}, not "${huge}"\\.$`),
  ]),
  ...COMMANDS.map((command): [string[], RegExp] => [
    [command, PRESET, ...required(command), '--seed', '-5'],
    /^netcanvas: --seed takes a whole number from 0 to 4294967295, not "-5"\.$/,
  ]),
  [['train', PRESET, '--epoch', '3'], /^netcanvas: unknown option '--epoch' \(did you mean --epochs\?\)$/],
  [['gradcheck', PRESET, '--exampels', '3'], /\(did you mean --examples\?\)$/],
  [['trian', PRESET], /^netcanvas: unknown command 'trian' \(did you mean train\?\)$/],
  [['train'], /^netcanvas: missing required argument 'file'$/],
  [
    ['train', PRESET, '--backend', 'webgpu'],
    /argument 'webgpu' is invalid\. Allowed choices are auto, fast, wasm, cpu\.$/,
  ],
  [['validate', join(folder, 'missing.json')], /^Cannot read .*missing\.json: no such file\.$/],
];

describe('netcanvas on a user mistake', () => {
  it('exits 2 with one line naming the flag, and no stack trace, for every command and bad argument', async () => {
    const all = cases();
    const results = await Promise.all(all.map(([args]) => netcanvas(args)));
    for (const [i, [args, message]] of all.entries()) {
      const { code, stderr, stdout } = results[i]!;
      const lines = stderr.trimEnd().split('\n');
      expect({ args, code, lines }).toEqual({ args, code: 2, lines: [expect.stringMatching(message)] });
      expect(stdout).toBe('');
    }
  }, 120_000);

  it('reports a PNG named .json as binary and a truncated file by line and column, echoing no bytes', async () => {
    const [picture, cut] = await Promise.all([netcanvas(['validate', png]), netcanvas(['train', truncated])]);
    expect(picture.code).toBe(2);
    expect(picture.stderr).toMatch(
      /^.*picture\.json: - PARSE_ERROR The file is not text \(it holds binary data/,
    );
    expect(picture.stderr).toMatch(/^[\x20-\x7e\n]*$/);
    expect(cut.code).toBe(2);
    // Line 4 is '  "nodes": [' (12 characters): the file ends at column 13 with a value still due.
    expect(cut.stderr.trim()).toMatch(
      /PARSE_ERROR line 4, column 13: expected a value, found the end of the file\.$/,
    );
  }, 60_000);

  it('stops training on Ctrl-C, keeps the summary, and exits 130', async () => {
    const ran = await netcanvas(
      ['train', PRESET, '--backend', 'cpu', '--epochs', String(LIMITS.epochs)],
      /^epoch 1\//m,
    );
    expect(ran.code).toBe(130);
    expect(ran.stderr).toMatch(/updates in/);
    expect(ran.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});
