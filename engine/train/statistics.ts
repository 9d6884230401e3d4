import type { LabeledData } from '../data/types.js';

/**
 * Per-feature μ and σ of the training inputs (spec §1): μ = (1/m) Σ x, σ² = (1/m) Σ (x − μ)².
 * A constant feature (σ = 0) gets σ = 1, so it is centred but not divided by zero; its index is
 * reported. Accumulates in float64.
 */
export function featureStatistics(data: LabeledData): {
  mean: Float32Array;
  std: Float32Array;
  constant: number[];
} {
  const { m, features: n, x } = data;
  const sum = new Float64Array(n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) sum[j]! += x[i * n + j] as number;
  const mean = sum.map((s) => (m ? s / m : 0));
  const sq = new Float64Array(n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      const d = (x[i * n + j] as number) - (mean[j] as number);
      sq[j]! += d * d;
    }
  }
  const constant: number[] = [];
  const std = new Float32Array(n);
  for (let j = 0; j < n; j++) {
    const s = m ? Math.sqrt((sq[j] as number) / m) : 0;
    if (s < 1e-12) constant.push(j);
    std[j] = s < 1e-12 ? 1 : s;
  }
  return { mean: Float32Array.from(mean), std, constant };
}
