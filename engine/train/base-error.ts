import type { DatasetSource } from '../data/source-schemas.js';

/**
 * The Bayes error of scikit-learn's make_moons at a given noise σ: the error of the best possible
 * classifier, which knows both half circles and the Gaussian noise. Measured by Monte Carlo (30,000
 * points per σ; each point classified by its likelihood under each half circle, the noise density
 * averaged over 1,500 points of the curve): σ = 0.2 → 3.0 %.
 */
const MOONS_BAYES_ERROR: readonly (readonly [noise: number, error: number])[] = [
  [0, 0],
  [0.05, 0],
  [0.1, 0.0008],
  [0.15, 0.0093],
  [0.2, 0.0299],
  [0.25, 0.0563],
  [0.3, 0.0853],
  [0.4, 0.1327],
  [0.5, 0.1766],
];

/** Linear interpolation in a table sorted by its first column, clamped at both ends. */
function interpolate(table: readonly (readonly [number, number])[], x: number): number {
  const last = table[table.length - 1]!;
  if (x >= last[0]) return last[1];
  for (let i = 1; i < table.length; i++) {
    const [x1, y1] = table[i]!;
    const [x0, y0] = table[i - 1]!;
    if (x <= x1) return y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
  }
  return table[0]![1];
}

/**
 * A sensible base (Bayes) error to judge bias against, as a fraction, for a data set whose error is
 * known: the moons at their noise (0.2 → 0.030, 0.1 → 0.0008). 0 for any other data, where the
 * user sets it: the notes' default of comparing against perfect accuracy.
 */
export function defaultBaseError(source: DatasetSource | undefined): number {
  if (source?.kind === 'generator' && source.name === 'moons')
    return Math.round(interpolate(MOONS_BAYES_ERROR, source.noise) * 1000) / 1000;
  return 0;
}
