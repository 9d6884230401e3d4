import { type Matrix, mapEntries } from '../../gradcheck/matrix.js';

/** Input normalization with constants μ and σ from the training split (spec §1): no parameters. */
export interface NormalizeRule {
  /** x := (x − μ)/σ per feature j. [m_b, n[0]] → [m_b, n[0]]. */
  forward(x: Matrix, mean: ArrayLike<number>, std: ArrayLike<number>): Matrix;
  /** dX = dA / σ per feature (μ and σ are constants, so nothing else flows). */
  backward(dA: Matrix, std: ArrayLike<number>): Matrix;
}

export const normalizeRule: NormalizeRule = {
  forward: (x, mean, std) =>
    mapEntries(x, (v, k) => (v - (mean[k % x.cols] as number)) / (std[k % x.cols] as number)),
  backward: (dA, std) => mapEntries(dA, (d, k) => d / (std[k % dA.cols] as number)),
};
