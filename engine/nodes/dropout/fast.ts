import { type FastLoweringContext, type FastPass, StatelessLowering } from '../../fast/lowering.js';
import type { DropoutParams } from './index.js';
import { dropoutMask } from './mask.js';

/**
 * Inverted dropout on the fast executor: in training a := a·d/keep_prob with the mask d the tf.js
 * layer draws for the same update (mask.ts), dx = da·d/keep_prob; a copy at evaluation.
 */
class DropoutLowering extends StatelessLowering {
  /** This update's d, one byte a value. */
  private readonly mask: Uint8Array;
  private readonly n: number;
  private readonly keep: number;
  private readonly nodeId: string;
  /** Whether the last forward pass dropped anything (training with keep_prob < 1). */
  private dropping = false;

  constructor(params: DropoutParams, ctx: FastLoweringContext) {
    super();
    this.n = ctx.layer.outputFeatures;
    this.keep = params.keepProb;
    this.nodeId = ctx.layer.nodeId;
    this.mask = new Uint8Array(ctx.batchSize * this.n);
  }

  forward([x]: readonly Float32Array[], out: Float32Array, pass: FastPass): void {
    const input = x as Float32Array;
    const n = pass.rows * this.n;
    this.dropping = pass.training && this.keep < 1;
    if (!this.dropping) {
      out.set(input.subarray(0, n));
      return;
    }
    const { mask, keep } = this;
    dropoutMask(mask, n, keep, pass.stepSeed, this.nodeId);
    // (x·d)/keep_prob, rounded once, as tf.js's mul then div.
    for (let e = 0; e < n; e++) out[e] = ((input[e] as number) * (mask[e] as number)) / keep;
  }

  backward(
    _inputs: readonly Float32Array[],
    _out: Float32Array,
    d: Float32Array,
    [dx]: readonly (Float32Array | null)[],
    { rows }: FastPass,
  ): void {
    if (!dx) return;
    const n = rows * this.n;
    if (!this.dropping) {
      dx.set(d.subarray(0, n));
      return;
    }
    const { mask, keep } = this;
    for (let e = 0; e < n; e++) dx[e] = Math.fround((d[e] as number) / keep) * (mask[e] as number);
  }
}

export const dropoutFast = (params: DropoutParams, ctx: FastLoweringContext) =>
  new DropoutLowering(params, ctx);
