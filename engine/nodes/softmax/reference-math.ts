import { type Matrix, zeros } from '../../gradcheck/matrix.js';

/** Softmax over the C units of each row (spec §13). */
export interface SoftmaxRule {
  /** t = e^{z − max z}, a = t / Σ_j t_j per row (the shift by max z changes nothing but overflow). */
  forward(z: Matrix): Matrix;
  /**
   * dZ from dA through the Jacobian ∂a_j/∂z_k = a_j([j = k] − a_k): dz_j = a_j (da_j − Σ_k a_k da_k).
   * Used when the loss is not cross-entropy (mean squared error); with cross-entropy the loss hands
   * over dZ = (A − Y)/m_b directly.
   */
  backward(dA: Matrix, a: Matrix): Matrix;
}

export const softmaxRule: SoftmaxRule = {
  forward(z) {
    const { rows, cols } = z;
    const a = zeros(rows, cols);
    for (let i = 0; i < rows; i++) {
      let max = Number.NEGATIVE_INFINITY;
      for (let j = 0; j < cols; j++) max = Math.max(max, z.data[i * cols + j] as number);
      let sum = 0;
      for (let j = 0; j < cols; j++) {
        const t = Math.exp((z.data[i * cols + j] as number) - max);
        a.data[i * cols + j] = t;
        sum += t;
      }
      for (let j = 0; j < cols; j++) a.data[i * cols + j]! /= sum;
    }
    return a;
  },

  backward(dA, a) {
    const { rows, cols } = a;
    const dZ = zeros(rows, cols);
    for (let i = 0; i < rows; i++) {
      let dot = 0;
      for (let k = 0; k < cols; k++)
        dot += (a.data[i * cols + k] as number) * (dA.data[i * cols + k] as number);
      for (let j = 0; j < cols; j++) {
        const idx = i * cols + j;
        dZ.data[idx] = (a.data[idx] as number) * ((dA.data[idx] as number) - dot);
      }
    }
    return dZ;
  },
};
