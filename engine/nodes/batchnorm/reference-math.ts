import { type Matrix, zeros } from '../../gradcheck/matrix.js';

/** What batch norm's backward pass needs from its forward pass. */
export interface BatchNormCache {
  /** z_norm = (z − μ)/sqrt(σ² + ε), [m_b, n]. */
  zNorm: Matrix;
  /** 1/sqrt(σ² + ε) per unit, [n]. */
  invStd: Float64Array;
}

/** Batch normalization in training mode: the mini-batch's own μ and σ² (spec §12). */
export interface BatchNormRule {
  /**
   * Per unit j over the m_b rows: μ = (1/m_b) Σ z, σ² = (1/m_b) Σ (z − μ)² (biased),
   * z_norm = (z − μ)/sqrt(σ² + ε), z̃ = γ z_norm + β. [m_b, n] → [m_b, n].
   */
  forward(
    z: Matrix,
    gamma: Float64Array,
    beta: Float64Array,
    epsilon: number,
  ): { out: Matrix; cache: BatchNormCache };
  /**
   * From dZ̃ = ∂J/∂Z̃: dβ = Σ_i dZ̃, dγ = Σ_i dZ̃ ⊙ z_norm, dz_norm = dZ̃ γ, and — since μ and σ² depend on
   * every row — dZ = (1/(m_b·sqrt(σ² + ε))) · (m_b·dz_norm − Σ_i dz_norm − z_norm ⊙ Σ_i (dz_norm ⊙ z_norm)).
   */
  backward(
    dOut: Matrix,
    cache: BatchNormCache,
    gamma: Float64Array,
  ): { dZ: Matrix; dGamma: Float64Array; dBeta: Float64Array };
}

export const batchNormRule: BatchNormRule = {
  forward(z, gamma, beta, epsilon) {
    const { rows: mb, cols: n } = z;
    const out = zeros(mb, n);
    const zNorm = zeros(mb, n);
    const invStd = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      let mean = 0;
      for (let i = 0; i < mb; i++) mean += z.data[i * n + j] as number;
      mean /= mb;
      let variance = 0;
      for (let i = 0; i < mb; i++) variance += ((z.data[i * n + j] as number) - mean) ** 2;
      variance /= mb;
      const s = 1 / Math.sqrt(variance + epsilon);
      invStd[j] = s;
      for (let i = 0; i < mb; i++) {
        const k = i * n + j;
        const zn = ((z.data[k] as number) - mean) * s;
        zNorm.data[k] = zn;
        out.data[k] = (gamma[j] as number) * zn + (beta[j] as number);
      }
    }
    return { out, cache: { zNorm, invStd } };
  },

  backward(dOut, { zNorm, invStd }, gamma) {
    const { rows: mb, cols: n } = dOut;
    const dZ = zeros(mb, n);
    const dGamma = new Float64Array(n);
    const dBeta = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      let sumD = 0; // Σ_i dz_norm
      let sumDZn = 0; // Σ_i dz_norm ⊙ z_norm
      for (let i = 0; i < mb; i++) {
        const k = i * n + j;
        const d = dOut.data[k] as number;
        dBeta[j]! += d;
        dGamma[j]! += d * (zNorm.data[k] as number);
        const dzn = d * (gamma[j] as number);
        sumD += dzn;
        sumDZn += dzn * (zNorm.data[k] as number);
      }
      const scale = (invStd[j] as number) / mb;
      for (let i = 0; i < mb; i++) {
        const k = i * n + j;
        const dzn = (dOut.data[k] as number) * (gamma[j] as number);
        dZ.data[k] = scale * (mb * dzn - sumD - (zNorm.data[k] as number) * sumDZn);
      }
    }
    return { dZ, dGamma, dBeta };
  },
};
