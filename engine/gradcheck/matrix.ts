/**
 * A float64 matrix, row-major: entry (i, j) sits at data[i·cols + j]. Rows are examples, as in tf.js
 * ([m_b, n]); the notes' course convention stores the transpose ([n, m]), so their "W X" is "X W" here.
 * Everything in the reference is float64, because the check's figures (≤ 1e-7) are out of float32's
 * reach (spec §5).
 */
export interface Matrix {
  rows: number;
  cols: number;
  data: Float64Array;
}

/** A rows × cols matrix of zeros. */
export function zeros(rows: number, cols: number): Matrix {
  return { rows, cols, data: new Float64Array(rows * cols) };
}

/** A float64 copy of `values` (e.g. a float32 tensor's data) as a rows × cols matrix. */
export function matrixFrom(values: ArrayLike<number>, rows: number, cols: number): Matrix {
  if (values.length !== rows * cols) {
    throw new Error(`Expected ${rows}×${cols} = ${rows * cols} values, got ${values.length}.`);
  }
  return { rows, cols, data: Float64Array.from(values) };
}

/** The same matrix with every entry mapped. */
export function mapEntries(a: Matrix, f: (value: number, index: number) => number): Matrix {
  const out = zeros(a.rows, a.cols);
  for (let k = 0; k < a.data.length; k++) out.data[k] = f(a.data[k] as number, k);
  return out;
}

/**
 * Flat values seen as rows of `cols` (no copy): a batch [m_b, h, w, c] with cols = c is m_b·h·w rows
 * of one position's channels; with cols = h·w·c, m_b rows of one example each.
 */
export function asMatrix(data: Float64Array, cols: number): Matrix {
  const rows = data.length / cols;
  if (!Number.isInteger(rows)) throw new Error(`${data.length} values are not rows of ${cols}.`);
  return { rows, cols, data };
}
