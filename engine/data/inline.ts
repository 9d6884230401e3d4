import { error, fail, ok, type Problem, type Result } from '../problems.js';
import { FLOAT32_MAX, MAX_CSV_CELLS, MAX_REPORTED_ERRORS } from './csv.js';
import type { LabeledData } from './types.js';

/** Inline data as a document holds it: rows of x, one y per row. */
export interface InlineData {
  x: number[][];
  y: number[];
  task: 'classification' | 'regression';
  classNames?: string[] | undefined;
  featureNames?: string[] | undefined;
}

/** Classes of inline classification data: the names given, else the largest index + 1. */
export function inlineClasses(data: Pick<InlineData, 'y' | 'classNames'>): number {
  if (data.classNames) return data.classNames.length;
  let top = -1;
  for (const label of data.y) if (label > top) top = label;
  return top + 1;
}

function findMistakes(data: InlineData): string[] {
  const { x, y } = data;
  const first = x[0];
  if (!first) return ['Inline data has no rows: x is empty.'];
  const features = first.length;
  if (features === 0) return ['x[0] is empty: each row needs at least one feature.'];
  if (x.length * features > MAX_CSV_CELLS) {
    return [`Inline data has ${x.length * features} values in x; at most ${MAX_CSV_CELLS} are allowed.`];
  }
  const mistakes: string[] = [];
  if (y.length !== x.length) mistakes.push(`y has ${y.length} values but x has ${x.length} rows.`);
  x.forEach((row, r) => {
    if (row.length !== features) {
      const values = row.length === 1 ? 'value' : 'values';
      mistakes.push(`x[${r}] has ${row.length} ${values}, but x[0] has ${features}.`);
      return;
    }
    row.forEach((value, c) => {
      if (!Number.isFinite(value)) mistakes.push(`x[${r}][${c}] is ${value}, not a finite number.`);
      else if (Math.abs(value) > FLOAT32_MAX)
        mistakes.push(`x[${r}][${c}] is ${value}, beyond the float32 range (±3.4e38).`);
    });
  });
  const classes = data.classNames?.length;
  y.forEach((label, r) => {
    if (!Number.isFinite(label)) mistakes.push(`y[${r}] is ${label}, not a finite number.`);
    else if (Math.abs(label) > FLOAT32_MAX)
      mistakes.push(`y[${r}] is ${label}, beyond the float32 range (±3.4e38).`);
    else if (data.task === 'classification' && (!Number.isInteger(label) || label < 0)) {
      mistakes.push(`y[${r}] is ${label}, not a class index (a whole number from 0).`);
    } else if (data.task === 'classification' && classes !== undefined && label >= classes) {
      mistakes.push(`y[${r}] is ${label}, but classNames names only ${classes} classes (0..${classes - 1}).`);
    }
  });
  if (data.featureNames && data.featureNames.length !== features) {
    mistakes.push(`featureNames has ${data.featureNames.length} names but x has ${features} columns.`);
  }
  return mistakes;
}

/**
 * Checks inline arrays (rectangular x, finite numbers, one y per row, class indices for
 * classification) and packs them. x [[0, 1], [2, 3]], y [0, 1] → x [2, 2], y [2], 2 classes.
 */
export function inlineDataset(data: InlineData, nodeId: string | null): Result<LabeledData> {
  const mistakes = findMistakes(data);
  if (mistakes.length > 0) {
    const shown = mistakes.slice(0, MAX_REPORTED_ERRORS);
    const rest = mistakes.length - shown.length;
    if (rest > 0) shown.push(`… and ${rest} more problem${rest === 1 ? '' : 's'} in the inline data.`);
    return fail(shown.map((message): Problem => error('DATASET', nodeId, message, 'source')));
  }
  const m = data.x.length;
  const features = (data.x[0] as number[]).length;
  const x = new Float32Array(m * features);
  data.x.forEach((row, r) => {
    x.set(row, r * features);
  });
  const labeled: LabeledData = {
    m,
    features,
    x,
    y: Float32Array.from(data.y),
    classes: data.task === 'regression' ? null : inlineClasses(data),
    targets: 1,
  };
  if (data.featureNames) labeled.featureNames = data.featureNames;
  if (data.classNames && data.task === 'classification') labeled.classNames = data.classNames;
  return ok(labeled);
}
