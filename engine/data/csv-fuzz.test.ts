import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { PROBLEM_CODES } from '../problems.js';
import { type CsvOptions, parseCsvDataset } from './csv.js';

/**
 * Property tests of the CSV reader on random text: it never throws, every failure is a list of
 * DATASET problems, and a problem about a place in the file names a line (and a column) that exist.
 * FC_SEED=<n> replays a run; FC_RUNS=<k> multiplies the case counts.
 */
const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : 20_261_127;
const scale = Number(process.env.FC_RUNS ?? 1);
const runs = (n: number) => ({ numRuns: Math.round(n * scale), seed });

let cases = 0;
let slowest = 0;
afterAll(() =>
  console.info(`CSV property tests (seed ${seed}): ${cases} cases, slowest ${slowest.toFixed(1)} ms`),
);

const options: fc.Arbitrary<CsvOptions> = fc.record(
  {
    labelColumn: fc.oneof(fc.nat(6), fc.constantFrom('label', 'b', '', ' a ', '-1')),
    header: fc.constantFrom<CsvOptions['header']>('auto', true, false),
    task: fc.constantFrom<CsvOptions['task']>('classification', 'regression'),
  },
  { requiredKeys: [] },
);

/** Text made of what CSV files are made of, so the reader's branches all run. */
const csvText = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc
    .array(
      fc.constantFrom(
        '1',
        '2.5',
        '-3e2',
        '1e999',
        'cat',
        'dog',
        '',
        ' ',
        ',',
        '"',
        '""',
        '"a,b"',
        '\n',
        '\r\n',
        '\r',
        '\uFEFF',
        'NaN',
      ),
      { maxLength: 80 },
    )
    .map((parts) => parts.join('')),
);

/** Lines of the text as editors count them (LF, CRLF or a lone CR end a line). */
const lineCount = (text: string) => text.split(/\r\n|\r|\n/).length;

function read(text: string, opts: CsvOptions) {
  const started = performance.now();
  const result = parseCsvDataset(text, opts, 'data');
  const ms = performance.now() - started;
  cases += 1;
  slowest = Math.max(slowest, ms);
  expect(ms).toBeLessThan(1000);
  return result;
}

describe('the CSV reader on random text', () => {
  it('never throws: a data set or DATASET problems naming lines that exist', () => {
    fc.assert(
      fc.property(csvText, options, (text, opts) => {
        const result = read(text, opts);
        for (const p of result.problems) {
          expect(Object.keys(PROBLEM_CODES)).toContain(p.code);
          expect(p.code).toBe('DATASET');
          for (const [, line] of p.message.matchAll(/\bline (\d+)/g)) {
            expect(Number(line)).toBeGreaterThanOrEqual(1);
            expect(Number(line)).toBeLessThanOrEqual(lineCount(text));
          }
        }
        if (!result.ok) expect(result.problems.length).toBeGreaterThan(0);
        else {
          const { m, features, x, y } = result.value;
          expect(x.length).toBe(m * features);
          expect(y.length).toBe(m);
          expect(x.every(Number.isFinite)).toBe(true);
          expect(y.every(Number.isFinite)).toBe(true);
        }
      }),
      runs(3000),
    );
  });

  it('names the line and column of every missing or non-numeric value', () => {
    // A numeric grid with one hole: the problem points at exactly that cell.
    const grid = fc
      .record({
        rows: fc.integer({ min: 1, max: 12 }),
        columns: fc.integer({ min: 2, max: 6 }),
        hole: fc.nat(),
        fill: fc.constantFrom('', ' ', 'abc', '1,5', '0x1f', '1e999', '1e39'),
        header: fc.boolean(),
      })
      .filter(({ fill }) => fill !== '1,5');
    fc.assert(
      fc.property(grid, ({ rows, columns, hole, fill, header }) => {
        const at = hole % (rows * columns);
        const [row, column] = [Math.floor(at / columns), at % columns];
        const lines = Array.from({ length: rows }, (_, r) =>
          Array.from({ length: columns }, (_, c) => (r === row && c === column ? fill : String(r + c))).join(
            ',',
          ),
        );
        if (header) lines.unshift(Array.from({ length: columns }, (_, c) => `c${c}`).join(','));
        const text = `${lines.join('\n')}\n`;
        const result = read(text, { task: 'regression', header });
        expect(result.ok).toBe(false);
        const line = row + 1 + (header ? 1 : 0);
        expect(result.problems[0]?.message).toMatch(new RegExp(`^line ${line}, column ${column + 1}\\b`));
      }),
      runs(1000),
    );
  });
});
