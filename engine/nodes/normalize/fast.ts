import { type FastLoweringContext, type FastPass, StatelessLowering } from '../../fast/lowering.js';
import type { NormalizeParams } from './index.js';

/**
 * Normalize on the fast executor: x := (x − μ)·(1/σ) per value of the flattened example, with the
 * training split's μ and σ (as the tf.js layer: 1/σ rounded to float32, each step rounded);
 * dx = da·(1/σ).
 */
class NormalizeLowering extends StatelessLowering {
  private readonly mean: Float32Array;
  private readonly invStd: Float32Array;
  private readonly n: number;

  constructor(ctx: FastLoweringContext) {
    super();
    const n = ctx.layer.inputFeatures;
    const stats = ctx.inputStatistics;
    this.n = n;
    this.mean = stats ? Float32Array.from(stats.mean) : new Float32Array(n);
    this.invStd = stats ? stats.std.map((s) => 1 / s) : new Float32Array(n).fill(1);
  }

  forward([x]: readonly Float32Array[], out: Float32Array, { rows }: FastPass): void {
    const { n, mean, invStd } = this;
    const input = x as Float32Array;
    for (let i = 0; i < rows; i++) {
      const o = i * n;
      for (let j = 0; j < n; j++)
        out[o + j] = Math.fround((input[o + j] as number) - (mean[j] as number)) * (invStd[j] as number);
    }
  }

  backward(
    _inputs: readonly Float32Array[],
    _out: Float32Array,
    d: Float32Array,
    [dx]: readonly (Float32Array | null)[],
    { rows }: FastPass,
  ): void {
    if (!dx) return;
    const { n, invStd } = this;
    for (let i = 0; i < rows; i++) {
      const o = i * n;
      for (let j = 0; j < n; j++) dx[o + j] = (d[o + j] as number) * (invStd[j] as number);
    }
  }
}

export const normalizeFast = (_params: NormalizeParams, ctx: FastLoweringContext) =>
  new NormalizeLowering(ctx);
