/** The most rows and columns of a weight matrix that Step mode sends and draws. */
export const MAX_MATRIX_SIDE = 256;

/**
 * A weight tensor as the matrix Step mode draws: every axis but the last folded into rows.
 * Dense W [n[l−1], n[l]] stays as it is; Conv2D W [k, k, cIn, cOut] → [k·k·cIn, cOut] (tf.js's
 * row-major layout, so entry (r, c) is values[r·cOut + c]).
 */
export function matrixShape(shape: readonly number[]): [rows: number, cols: number] {
  const cols = shape.at(-1) ?? 1;
  const rows = shape.slice(0, -1).reduce((a, b) => a * b, 1);
  return [rows, cols];
}

/** The top-left `rows × cols` block of a matrix, and the size it was cut from. */
export interface MatrixBlock {
  rows: number;
  cols: number;
  /** Row-major, rows·cols entries. */
  values: Float32Array;
  fullRows: number;
  fullCols: number;
}

/**
 * The top-left block of at most `side × side` entries of a row-major `fullRows × fullCols` matrix:
 * [784, 128] at side 256 → [256, 128], the first 256 rows.
 */
export function capMatrix(
  values: ArrayLike<number>,
  fullRows: number,
  fullCols: number,
  side = MAX_MATRIX_SIDE,
): MatrixBlock {
  const rows = Math.min(fullRows, side);
  const cols = Math.min(fullCols, side);
  const out = new Float32Array(rows * cols);
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) out[r * cols + c] = values[r * fullCols + c] as number;
  return { rows, cols, values: out, fullRows, fullCols };
}

/** Flat indices into the full matrix of the block's entries `picks` (block-local flat indices). */
export function blockToFull(picks: ArrayLike<number>, block: { cols: number; fullCols: number }): Int32Array {
  return Int32Array.from(picks, (k) => Math.floor(k / block.cols) * block.fullCols + (k % block.cols));
}

/**
 * One entry's relative error |a − n| / max(|a|, |n|, floor). The floor (what float64 rounding of J
 * can put in any entry) keeps an entry whose gradient is rounding noise from reading as 100 % wrong.
 */
export function entryError(analytic: number, numerical: number, floor: number): number {
  return Math.abs(analytic - numerical) / Math.max(Math.abs(analytic), Math.abs(numerical), floor);
}
