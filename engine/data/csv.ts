import { error, fail, ok, type Problem, type Result, warning } from '../problems.js';
import { type CsvRecord, csvRecords, isBlankRecord } from './csv-records.js';
import type { LabeledData } from './types.js';

/**
 * CSV import for the user's own files: numeric feature columns and one label column. Every mistake in
 * the file comes back as a DATASET problem naming its line and column (1-based, as editors count);
 * nothing here throws on a malformed file.
 */

/** Longest text read: 50 million characters (50 MB of ASCII). */
export const MAX_CSV_CHARS = 50_000_000;
/** Most cells (rows × columns) read: 5,000,000 float32 values are 20 MB in memory. */
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

const thousands = (n: number): string => n.toLocaleString('en-US');

/** Size checks made before anything is parsed, so a huge file is refused at once. */
function sizeProblem(text: string): string | null {
  if (text.length > MAX_CSV_CHARS) {
    const mb = (text.length / 1e6).toFixed(1);
    return `The CSV file is ${mb} MB of text; NetCanvas reads at most ${MAX_CSV_CHARS / 1e6} MB.`;
  }
  const first = csvRecords(text).next().value;
  const columns = first && 'cells' in first ? first.cells.length : 1;
  let lines = 1;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines++;
  if (text.endsWith('\n')) lines--;
  if (lines * columns > MAX_CSV_CELLS) {
    return (
      `The CSV file has about ${thousands(lines * columns)} cells (${thousands(lines)} lines × ${columns} ` +
      `columns); NetCanvas reads at most ${thousands(MAX_CSV_CELLS)}.`
    );
  }
  return null;
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

/**
 * Reads a data set from CSV text. Features: every column but the label, all numbers. Labels
 * (classification): class names or numbers, mapped to 0..C−1 in sorted order (numeric order when all
 * are numbers, so labels 0..9 keep their values; otherwise by text), names kept in classNames.
 * Regression: the label column is the numeric target. "a,b,y\n1,2,cat\n3,4,dog" → x [2, 2], y [0, 1].
 */
export function parseCsvDataset(
  text: string,
  options: CsvOptions,
  nodeId: string | null,
): Result<LabeledData> {
  const problem = (message: string): Problem => error('DATASET', nodeId, message, 'source');
  const tooBig = sizeProblem(text);
  if (tooBig) return fail([problem(tooBig)]);

  const records: CsvRecord[] = [];
  for (const item of csvRecords(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)) {
    if ('error' in item) return fail([problem(item.error)]);
    if (!isBlankRecord(item)) records.push(item);
  }
  const first = records[0];
  if (!first) return fail([problem('The CSV file is empty.')]);
  const layout = resolveColumns(first, options);
  if ('problem' in layout) return fail([problem(layout.problem)]);
  const { header, label } = layout;
  const columns = first.cells.length;
  if (columns < 2) {
    return fail([
      problem('The CSV file has a single column; it needs at least one feature column and a label.'),
    ]);
  }
  const rows = header ? records.slice(1) : records;
  if (rows.length === 0) return fail([problem('The CSV file has a header row but no data rows.')]);

  const names = header ? first.cells.map((cell) => cell.trim()) : null;
  const where = (line: number, c: number): string =>
    `line ${line}, column ${c + 1}${names ? ` ('${names[c]}')` : ''}`;
  const regression = options.task === 'regression';
  const features = columns - 1;
  const x = new Float32Array(rows.length * features);
  const y = new Float32Array(rows.length);
  const labels: string[] = [];
  const messages: string[] = [];
  let errorCount = 0;
  const report = (message: string): void => {
    if (errorCount++ < MAX_REPORTED_ERRORS) messages.push(message);
  };

  rows.forEach((record, r) => {
    if (record.cells.length !== columns) {
      report(`line ${record.line}: ${record.cells.length} columns, but the first row has ${columns}.`);
      return;
    }
    let f = 0;
    record.cells.forEach((cell, c) => {
      const value = parseNumber(cell);
      if (c === label && !regression) {
        if (cell.trim() === '') report(`${where(record.line, c)}: the label is missing.`);
        labels[r] = cell.trim();
        return;
      }
      if (cell.trim() === '') report(`${where(record.line, c)}: the value is missing.`);
      else if (value === null) report(`${where(record.line, c)}: '${cell.trim()}' is not a number.`);
      else if (Math.abs(value) > FLOAT32_MAX)
        report(`${where(record.line, c)}: ${cell.trim()} is beyond the float32 range (±3.4e38).`);
      if (c === label) y[r] = value ?? 0;
      else x[r * features + f++] = value ?? 0;
    });
  });

  if (errorCount > 0) {
    const rest = errorCount - messages.length;
    const plural = rest === 1 ? '' : 's';
    if (rest > 0) messages.push(`… and ${thousands(rest)} more problem${plural} in the file.`);
    return fail(messages.map(problem));
  }

  const data: LabeledData = {
    m: rows.length,
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
