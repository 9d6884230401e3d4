/** How many powers of ten the cost may span before the cost axis turns logarithmic by itself. */
export const LOG_SCALE_DECADES = 2;

/**
 * Whether the finite positive values of `columns` span more than `LOG_SCALE_DECADES` decades:
 * a Random ×10 run starting near 300 beside runs near 0.1 (3.5 decades) → true; 0.7 → 0.05 → false.
 */
export function spansDecades(
  columns: readonly ArrayLike<number | null>[],
  decades = LOG_SCALE_DECADES,
): boolean {
  let min = Number.POSITIVE_INFINITY;
  let max = 0;
  for (const column of columns) {
    for (let i = 0; i < column.length; i++) {
      const v = column[i];
      if (v == null || !(v > 0) || !Number.isFinite(v)) continue;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return max > 0 && Math.log10(max / min) > decades;
}

/** The column with every value a log axis cannot draw (≤ 0, NaN) as a gap. */
export const positiveOnly = (column: ArrayLike<number | null>): (number | null)[] =>
  Array.from(column, (v) => (v != null && v > 0 ? v : null));
