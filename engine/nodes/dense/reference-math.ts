import { type Matrix, zeros } from '../../gradcheck/matrix.js';

/** The affine part of a Dense layer, z = a_prev W + b (its g is the activation rule's). */
export interface DenseRule {
  /** Z = A_prev W + b: [m_b, n[l−1]]·[n[l−1], n[l]] + [n[l]] → [m_b, n[l]]. b = null: no bias. */
  forward(aPrev: Matrix, w: Matrix, b: Float64Array | null): Matrix;
  /**
   * From dZ = ∂J/∂Z: dW = A_prevᵀ dZ, db = Σ_i dZ⁽ⁱ⁾ (a sum over the batch's rows), dA_prev = dZ Wᵀ.
   * No 1/m_b here: dZ is the derivative of J itself, so it already carries the 1/m_b of the mean
   * loss (the notes' dZ = A − Y is m_b·∂J/∂Z, which is why they write dW = (1/m) dZ A_prevᵀ).
   * The penalty's share of dW is added separately (penalty rule).
   */
  backward(dZ: Matrix, aPrev: Matrix, w: Matrix): { dW: Matrix; db: Float64Array; dAPrev: Matrix };
}

export const denseRule: DenseRule = {
  forward(aPrev, w, b) {
    const { rows: mb, cols: nIn } = aPrev;
    const nOut = w.cols;
    const z = zeros(mb, nOut);
    for (let i = 0; i < mb; i++) {
      for (let j = 0; j < nOut; j++) {
        let s = b ? (b[j] as number) : 0;
        for (let k = 0; k < nIn; k++)
          s += (aPrev.data[i * nIn + k] as number) * (w.data[k * nOut + j] as number);
        z.data[i * nOut + j] = s;
      }
    }
    return z;
  },

  backward(dZ, aPrev, w) {
    const { rows: mb, cols: nIn } = aPrev;
    const nOut = w.cols;
    const dW = zeros(nIn, nOut);
    const db = new Float64Array(nOut);
    const dAPrev = zeros(mb, nIn);
    for (let i = 0; i < mb; i++) {
      for (let j = 0; j < nOut; j++) {
        const d = dZ.data[i * nOut + j] as number;
        db[j]! += d;
        for (let k = 0; k < nIn; k++) {
          dW.data[k * nOut + j]! += (aPrev.data[i * nIn + k] as number) * d;
          dAPrev.data[i * nIn + k]! += d * (w.data[k * nOut + j] as number);
        }
      }
    }
    return { dW, db, dAPrev };
  },
};
