import { error, fail, ok, type Problem, type Result, warning } from '../problems.js';
import { type CsvProgress, type CsvRecord, isBlankRecord, readCsvRecords } from './csv-records.js';
import { MAX_DATA_VALUES, mebibytes, thousands } from './limits.js';
import type { LabeledData } from './types.js';

/**
 * CSV import for the user's own files: numeric feature columns and one label column. Every mistake in
 * the file comes back as a DATASET problem naming its line and column (1-based, as editors count);
 * nothing here throws on a malformed file.
 */

/** Most cells (rows × columns) of inline data: 5,000,000 float32 values are 20 MB in memory. */
export const MAX_CSV_CELLS = 5_000_000;
/** Problems reported one by one; the rest are counted in one last problem. */
export const MAX_REPORTED_ERRORS = 20;
/** Largest float32 magnitude: a value beyond it would be ±Infinity once in a Float32Array. */
export const FLOAT32_MAX = 3.4028234663852886e38;

/** More classes than this is almost always a regression target read as classes: warn. */
export const MANY_CLASSES = 100;

export interface CsvOptions {
  /** Header name, or 0-based column index; default the last column. */
  labelColumn?: string | number;
  /** 'auto': the first row is a header when one of its cells outside the label column is text. */
  header?: 'auto' | boolean;
  task?: 'classification' | 'regression';
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The number a cell holds, or null when it is not a plain finite decimal ('', 'abc', '0x1f', '1e999'). */
export function parseNumber(cell: string): number | null {
  const text = cell.trim();
  if (!NUMBER.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/**
 * Lines of `text` (LF, CRLF or a lone CR ends one; a last line without a break counts): at least the
 * number of rows. 'a\nb\n' → 2, 'a\r\nb' → 2, 'a\rb\rc' → 3.
 */
export function lineCount(text: string): number {
  let lines = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) lines++;
  }
  const last = text.charCodeAt(text.length - 1);
  return text.length > 0 && last !== 10 && last !== 13 ? lines + 1 : lines;
}

/**
 * Why `lines` rows of `columns` values would not fit as float32 in `room` values (MAX_DATA_VALUES,
 * less what the splits read before hold; the run's memory estimate counts the data three times within
 * its 1.5 GiB), or null. 2,000,000 × 3 → 6,000,000 values, 23 MiB: fits.
 */
export function csvSizeProblem(lines: number, columns: number, room = MAX_DATA_VALUES): string | null {
  const values = lines * columns;
  if (values <= room) return null;
  const left = room < MAX_DATA_VALUES ? ' besides the splits read before' : '';
  return (
    `The CSV file holds about ${thousands(values)} values (${thousands(lines)} lines × ${columns} ` +
    `columns), ${mebibytes(values * 4)} as float32; NetCanvas holds at most ${thousands(room)} values ` +
    `(${mebibytes(room * 4)})${left}.`
  );
}

/** Where the label is and whether row 1 is a header, or why that cannot be worked out. */
function resolveColumns(
  first: CsvRecord,
  options: CsvOptions,
): { header: boolean; label: number } | { problem: string } {
  const columns = first.cells.length;
  const { labelColumn } = options;
  if (typeof labelColumn === 'string') {
    if (options.header === false) {
      return {
        problem:
          `labelColumn '${labelColumn}' is a column name, but header is false: ` +
          'without a header row, give the label column as a 0-based index.',
      };
    }
    const names = first.cells.map((cell) => cell.trim());
    const label = names.indexOf(labelColumn.trim());
    if (label < 0) {
      const shown = names.slice(0, 20).map((name) => `'${name}'`);
      const more = names.length > 20 ? `, … (${names.length} in all)` : '';
      return {
        problem: `There is no column '${labelColumn}'; the header row has ${shown.join(', ')}${more}.`,
      };
    }
    return { header: true, label };
  }
  const label = labelColumn ?? columns - 1;
  if (!Number.isInteger(label) || label < 0 || label >= columns) {
    return {
      problem:
        `labelColumn ${label} is out of range: ` + `the first row has ${columns} columns, 0..${columns - 1}.`,
    };
  }
  const header =
    options.header === undefined || options.header === 'auto'
      ? first.cells.some((cell, c) => c !== label && cell.trim() !== '' && parseNumber(cell) === null)
      : options.header;
  return { header, label };
}

/** Class indices in sorted order: numerically when every label is a number, else by text. */
function classIndex(labels: readonly string[]): { names: string[]; indexOf: Map<string, number> } {
  const distinct = [...new Set(labels)];
  const numeric = distinct.every((label) => parseNumber(label) !== null);
  if (numeric) {
    // '1' and '1.0' are the same class; its name is the number's shortest spelling.
    const values = [...new Set(distinct.map((label) => parseNumber(label) as number))].sort((a, b) => a - b);
    const position = new Map(values.map((value, i) => [value, i]));
    const indexOf = new Map(
      distinct.map((label) => [label, position.get(parseNumber(label) as number) as number]),
    );
    return { names: values.map(String), indexOf };
  }
  const names = distinct.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { names, indexOf: new Map(names.map((name, i) => [name, i])) };
}

/** How a CSV text is read, besides what the user chose: progress reports and the room left. */
export interface CsvReading {
  /** Fraction of the text read, 0..1, after each chunk. */
  onProgress?: CsvProgress;
  /** Float32 values left for this file under MAX_DATA_VALUES (less after other splits). */
  room?: number;
}

/** What the first row settled, and the rows read so far into float32 arrays sized for every line. */
interface Table {
  columns: number;
  label: number;
  header: boolean;
  names: string[] | null;
  x: Float32Array;
  y: Float32Array;
  labels: string[];
  m: number;
}

/** Problems found row by row, the first MAX_REPORTED_ERRORS kept. */
class ProblemList {
  readonly messages: string[] = [];
  count = 0;

  report(message: string): void {
    if (this.count++ < MAX_REPORTED_ERRORS) this.messages.push(message);
  }

  /** The kept messages, and how many more there were. */
  summary(): string[] {
    const rest = this.count - this.messages.length;
    const plural = rest === 1 ? '' : 's';
    return rest > 0
      ? [...this.messages, `… and ${thousands(rest)} more problem${plural} in the file.`]
      : this.messages;
  }
}

/** Reads one data row into `t`, or reports what is wrong with it. */
function readRow(record: CsvRecord, t: Table, regression: boolean, problems: ProblemList): void {
  const where = (c: number): string =>
    `line ${record.line}, column ${c + 1}${t.names ? ` ('${t.names[c]}')` : ''}`;
  if (record.cells.length !== t.columns) {
    problems.report(
      `line ${record.line}: ${record.cells.length} columns, but the first row has ${t.columns}.`,
    );
    return;
  }
  const r = t.m++;
  const features = t.columns - 1;
  let f = 0;
  record.cells.forEach((cell, c) => {
    const value = parseNumber(cell);
    if (c === t.label && !regression) {
      if (cell.trim() === '') problems.report(`${where(c)}: the label is missing.`);
      t.labels[r] = cell.trim();
      return;
    }
    if (cell.trim() === '') problems.report(`${where(c)}: the value is missing.`);
    else if (value === null) problems.report(`${where(c)}: '${cell.trim()}' is not a number.`);
    else if (Math.abs(value) > FLOAT32_MAX)
      problems.report(`${where(c)}: ${cell.trim()} is beyond the float32 range (±3.4e38).`);
    if (c === t.label) t.y[r] = value ?? 0;
    else t.x[r * features + f++] = value ?? 0;
  });
}

/** The table the first row starts, or why the file cannot be read. `capacity`: the file's lines. */
function startTable(first: CsvRecord, options: CsvOptions, capacity: number, room?: number): Table | string {
  const columns = first.cells.length;
  const tooBig = csvSizeProblem(capacity, columns, room);
  if (tooBig) return tooBig;
  const layout = resolveColumns(first, options);
  if ('problem' in layout) return layout.problem;
  if (columns < 2)
    return 'The CSV file has a single column; it needs at least one feature column and a label.';
  return {
    columns,
    ...layout,
    names: layout.header ? first.cells.map((cell) => cell.trim()) : null,
    x: new Float32Array(capacity * (columns - 1)),
    y: new Float32Array(capacity),
    labels: [],
    m: 0,
  };
}

/**
 * Reads a data set from CSV text. Features: every column but the label, all numbers. Labels
 * (classification): class names or numbers, mapped to 0..C−1 in sorted order (numeric order when all
 * are numbers, so labels 0..9 keep their values; otherwise by text), names kept in classNames.
 * Regression: the label column is the numeric target. "a,b,y\n1,2,cat\n3,4,dog" → x [2, 2], y [0, 1].
 * A file whose values would not fit as float32 is refused at its first row.
 */
export function parseCsvDataset(
  text: string,
  options: CsvOptions,
  nodeId: string | null,
  reading: CsvReading = {},
): Result<LabeledData> {
  const problem = (message: string): Problem => error('DATASET', nodeId, message, 'source');
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const capacity = lineCount(body);
  const regression = options.task === 'regression';
  const problems = new ProblemList();
  let table: Table | string | null = null;

  const syntax = readCsvRecords(
    body,
    (record) => {
      if (isBlankRecord(record)) return true;
      if (table === null) {
        table = startTable(record, options, capacity, reading.room);
        if (typeof table === 'string') return false;
        if (table.header) return true;
      }
      if (typeof table === 'object') readRow(record, table, regression, problems);
      return true;
    },
    reading.onProgress,
  );
  if (syntax) return fail([problem(syntax.error)]);
  const t = table as Table | string | null;
  if (t === null) return fail([problem('The CSV file is empty.')]);
  if (typeof t === 'string') return fail([problem(t)]);
  if (problems.count > 0) return fail(problems.summary().map(problem));
  if (t.m === 0) return fail([problem('The CSV file has a header row but no data rows.')]);

  const { m, labels, label, names } = t;
  const features = t.columns - 1;
  // The arrays were sized for every line; blank lines and quoted line breaks leave rows unused.
  const x = m === capacity ? t.x : t.x.slice(0, m * features);
  const y = m === capacity ? t.y : t.y.slice(0, m);
  const data: LabeledData = {
    m,
    features,
    x,
    y,
    classes: null,
    targets: 1,
  };
  if (names) data.featureNames = names.filter((_, c) => c !== label);
  if (regression) return ok(data);

  const classes = classIndex(labels);
  labels.forEach((name, r) => {
    y[r] = classes.indexOf.get(name) as number;
  });
  data.classes = classes.names.length;
  data.classNames = classes.names;
  const warnings =
    data.classes > MANY_CLASSES
      ? [
          warning(
            'DATASET',
            nodeId,
            `The label column has ${thousands(data.classes)} different values, each read as a class; ` +
              "if it is a number to predict, set task to 'regression'.",
            'source',
          ),
        ]
      : [];
  return ok(data, warnings);
}
