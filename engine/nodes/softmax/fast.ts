import { type FastLoweringContext, type FastPass, StatelessLowering } from '../../fast/lowering.js';
import type { OutputActivation } from '../../model/losses.js';
import type { SoftmaxParams } from './index.js';

/**
 * Softmax on the fast executor, per row of C values. As the output (its usual place) it passes the
 * logits through and the loss applies it (log-sum-exp); elsewhere a = e^{x − max}/Σ e^{x − max} and
 * dx_j = a_j (da_j − Σ_k da_k a_k).
 */
class SoftmaxLowering extends StatelessLowering {
  override readonly outputActivation: OutputActivation = 'softmax';
  private readonly c: number;
  private readonly isOutput: boolean;

  constructor(ctx: FastLoweringContext) {
    super();
    this.c = ctx.layer.outputFeatures;
    this.isOutput = ctx.isOutput;
  }

  forward([x]: readonly Float32Array[], out: Float32Array, { rows }: FastPass): void {
    const input = x as Float32Array;
    const c = this.c;
    if (this.isOutput) {
      out.set(input.subarray(0, rows * c));
      return;
    }
    for (let i = 0; i < rows; i++) {
      const o = i * c;
      let max = -Infinity;
      for (let j = 0; j < c; j++) max = Math.max(max, input[o + j] as number);
      let sum = 0;
      for (let j = 0; j < c; j++) sum += Math.exp((input[o + j] as number) - max);
      for (let j = 0; j < c; j++) out[o + j] = Math.exp((input[o + j] as number) - max) / sum;
    }
  }

  backward(
    _inputs: readonly Float32Array[],
    out: Float32Array,
    d: Float32Array,
    [dx]: readonly (Float32Array | null)[],
    { rows }: FastPass,
  ): void {
    if (!dx) return;
    const c = this.c;
    if (this.isOutput) {
      dx.set(d.subarray(0, rows * c));
      return;
    }
    for (let i = 0; i < rows; i++) {
      const o = i * c;
      let dot = 0;
      for (let j = 0; j < c; j++) dot += (d[o + j] as number) * (out[o + j] as number);
      for (let j = 0; j < c; j++) dx[o + j] = (out[o + j] as number) * ((d[o + j] as number) - dot);
    }
  }
}

export const softmaxFast = (_params: SoftmaxParams, ctx: FastLoweringContext) => new SoftmaxLowering(ctx);
